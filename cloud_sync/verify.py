"""Verify a bundle: the signature over the manifest, then every member as it streams by
(a regular file, a path inside the bundle, listed in the manifest, the declared size and
sha256), then that nothing the manifest names is missing.

The same pass unpacks (`sink`), so what is written is exactly what was hashed."""

from __future__ import annotations

import hashlib
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from cloud_sync.manifest import (
    MANIFEST_NAME,
    PAYLOAD,
    SIGNATURE_NAME,
    BundleError,
    Manifest,
    check_member_path,
)
from cloud_sync.signing import verify_signature

__all__ = ["verify_bundle", "hash_file"]

MAX_MANIFEST_BYTES = 16 * 2**20
CHUNK = 1 << 20


def hash_file(path: Path) -> tuple[str, int]:
    """(sha256 hex, size) of a file."""
    h, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def verify_bundle(path: str | Path, pubkey: str | Path,
                  sink: Callable[[str], BinaryIO] | None = None) -> Manifest:
    """Check a bundle and return its manifest; BundleError (one line) if anything is off.

    Args:
        path: the bundle (.tar).
        pubkey: the Ed25519 public key (PEM) that must have signed the manifest.
        sink: called with each payload path; the returned file receives its bytes (and is
            closed here). Nothing is written for a member before its checks start, and the
            caller must discard everything if this raises.
    """
    bundle = Path(path)
    if not bundle.is_file():
        raise FileNotFoundError(f"bundle not found: {bundle}")
    try:
        with tarfile.open(bundle, "r:") as tar:
            return _walk(tar, bundle, pubkey, sink)
    except (tarfile.TarError, EOFError) as exc:
        raise BundleError(f"{bundle} is not a complete tar bundle (truncated or damaged: "
                          f"{exc})") from None


def _walk(tar: tarfile.TarFile, bundle: Path, pubkey: str | Path,
          sink: Callable[[str], BinaryIO] | None) -> Manifest:
    manifest: Manifest | None = None
    head: dict[str, bytes] = {}
    seen: set[str] = set()
    for member in tar:
        name = member.name
        if member.issym() or member.islnk():
            raise BundleError(f"bundle member {name!r} is a link; bundles may hold regular "
                              "files only")
        check_member_path(name.rstrip("/") if member.isdir() else name)
        if member.isdir():
            continue
        if not member.isfile():
            raise BundleError(f"bundle member {name!r} is not a regular file")
        if name in seen:
            raise BundleError(f"bundle member {name!r} appears twice")
        seen.add(name)
        if name in (MANIFEST_NAME, SIGNATURE_NAME):
            if manifest is not None or member.size > MAX_MANIFEST_BYTES:
                raise BundleError(f"bundle member {name!r} is misplaced or too large")
            head[name] = _read_all(tar, member)
            if len(head) == 2:
                verify_signature(pubkey, head[MANIFEST_NAME], head[SIGNATURE_NAME])
                manifest = Manifest.from_bytes(head[MANIFEST_NAME])
            continue
        if not name.startswith(PAYLOAD + "/"):
            raise BundleError(f"bundle member {name!r} is outside {PAYLOAD}/")
        if manifest is None:
            raise BundleError(f"{bundle}: {name!r} comes before the signed manifest")
        rel = name[len(PAYLOAD) + 1:]
        entry = manifest.entry(rel)
        if entry is None:
            raise BundleError(f"bundle member {name!r} is not listed in the signed manifest")
        if member.size != entry.size:
            raise BundleError(f"{rel}: {member.size} bytes in the bundle but the manifest "
                              f"declares {entry.size}")
        digest = _copy_hashed(tar, member, sink(rel) if sink is not None else None)
        if digest != entry.sha256:
            raise BundleError(f"{rel}: sha256 does not match the signed manifest (the file "
                              "was altered or damaged)")
    if manifest is None:
        raise BundleError(f"{bundle} has no signed manifest ({MANIFEST_NAME} and "
                          f"{SIGNATURE_NAME})")
    missing = [f.path for f in manifest.files if f"{PAYLOAD}/{f.path}" not in seen]
    if missing:
        more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
        raise BundleError(f"the manifest names {missing[0]}{more}, missing from the bundle")
    return manifest


def _read_all(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    f = tar.extractfile(member)
    if f is None:
        raise BundleError(f"bundle member {member.name!r} cannot be read")
    data = f.read()
    if len(data) != member.size:
        raise BundleError(f"bundle member {member.name!r} is truncated")
    return data


def _copy_hashed(tar: tarfile.TarFile, member: tarfile.TarInfo, out: BinaryIO | None) -> str:
    src = tar.extractfile(member)
    if src is None:
        raise BundleError(f"bundle member {member.name!r} cannot be read")
    h, got = hashlib.sha256(), 0
    try:
        while chunk := src.read(CHUNK):
            h.update(chunk)
            got += len(chunk)
            if out is not None:
                out.write(chunk)
    finally:
        if out is not None:
            out.close()
    if got != member.size:
        raise BundleError(f"bundle member {member.name!r} is truncated")
    return h.hexdigest()
