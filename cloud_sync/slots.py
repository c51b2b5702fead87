"""A/B slots under a root folder: install (verify, unpack to the inactive slot, switch, self-
test, switch back on failure), roll back, status, and recovery from an interrupted install.

Layout of ROOT::

    slots/a/ slots/b/      one bundle each: manifest.json, manifest.sig, payload/
    current -> slots/a     the active slot: a symlink swapped atomically (rename)
    state.json             written atomically: the install on trial, the last result
    .lock                  one bundle command at a time

The active slot is never written to. An install that dies before its self-test passed
leaves ``state.json`` with a trial; the next bundle command (the service's ExecStartPre runs
``eldercare bundle status``) switches back to the previous slot.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from cloud_sync.manifest import MANIFEST_NAME, PAYLOAD, SIGNATURE_NAME, BundleError, Manifest
from cloud_sync.selftest import SelfTestReport, selftest_in_child
from cloud_sync.verify import hash_file, verify_bundle

__all__ = ["install", "rollback", "status", "recover", "check_slot", "active_slot",
           "SLOTS", "PAUSE_AT_ENV", "PAUSE_FILE_ENV", "STEPS"]

SLOTS = ("a", "b")
CURRENT, STATE, LOCK = "current", "state.json", ".lock"
# Test hook: the install stops at this step (after writing PAUSE_FILE) until it is killed.
PAUSE_AT_ENV, PAUSE_FILE_ENV = "ELDERCARE_BUNDLE_PAUSE_AT", "ELDERCARE_BUNDLE_PAUSE_FILE"
STEPS = ("verified", "unpacking", "replacing", "unpacked", "switched", "selftested")
"""Where the test hook can stop an install ("replacing": the old inactive slot moved aside,
the new one not yet in place; reached only when the inactive slot held a bundle)."""

SelfTest = Callable[[Path], SelfTestReport]


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _checkpoint(step: str) -> None:
    if os.environ.get(PAUSE_AT_ENV) != step:
        return
    marker = os.environ.get(PAUSE_FILE_ENV)
    if marker:
        Path(marker).write_text(f"{os.getpid()} {step}\n", encoding="utf-8")
    signal.pause()  # until the test's SIGKILL


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _read_state(root: Path) -> dict[str, Any]:
    p = root / STATE
    if not p.exists():
        return {}
    try:
        state = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(f"{p} is unreadable ({exc}); the active slot is still "
                          f"{active_slot(root)}") from None
    return state if isinstance(state, dict) else {}


def _write_state(root: Path, state: dict[str, Any]) -> None:
    _write_atomic(root / STATE, (json.dumps(state, indent=1, sort_keys=True) + "\n").encode())


def active_slot(root: Path) -> str | None:
    link = root / CURRENT
    if not link.is_symlink():
        return None
    name = Path(os.readlink(link)).name
    return name if name in SLOTS else None


def _switch(root: Path, slot: str | None) -> None:
    """Point `current` at slots/<slot> (None: no active slot) in one rename."""
    link = root / CURRENT
    if slot is None:
        if link.is_symlink():
            link.unlink()
            _fsync_dir(root)
        return
    tmp = root / f".{CURRENT}.{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(f"slots/{slot}", tmp)
    os.replace(tmp, link)
    _fsync_dir(root)


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "slots").mkdir(exist_ok=True)
    with open(root / LOCK, "a+b") as f:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BundleError(f"another bundle command is working on {root}") from None
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def _slot_manifest(root: Path, slot: str | None) -> Manifest | None:
    if slot is None or not (root / "slots" / slot / MANIFEST_NAME).is_file():
        return None
    return Manifest.from_bytes((root / "slots" / slot / MANIFEST_NAME).read_bytes())


def check_slot(slot_dir: Path) -> Manifest:
    """Re-hash an unpacked slot against its manifest (BundleError if anything differs)."""
    manifest = Manifest.from_bytes((slot_dir / MANIFEST_NAME).read_bytes())
    for entry in manifest.files:
        p = slot_dir / PAYLOAD / entry.path
        if p.is_symlink() or not p.is_file():
            raise BundleError(f"slot {slot_dir.name}: {entry.path} is missing")
        if hash_file(p) != (entry.sha256, entry.size):
            raise BundleError(f"slot {slot_dir.name}: {entry.path} differs from its manifest")
    return manifest


def _recover(root: Path) -> str | None:
    """Undo an install that stopped before its result was kept; returns what was done."""
    for pattern in (".staging-*", ".trash-*"):
        for leftover in (root / "slots").glob(pattern):
            shutil.rmtree(leftover, ignore_errors=True)
    state = _read_state(root)
    trial = state.get("trial")
    if not trial:
        return None
    previous = trial.get("previous")
    _switch(root, previous)
    state["trial"] = None
    state["last_install"] = {"result": "interrupted", "version": trial.get("version"),
                             "slot": trial.get("slot"), "at": _now(),
                             "reason": "the install stopped before its self-test passed; "
                                       f"switched back to slot {previous or '(none)'}"}
    _write_state(root, state)
    return state["last_install"]["reason"]


def recover(root: str | Path) -> str | None:
    """Public form of the recovery step (takes the lock)."""
    with _locked(Path(root)):
        return _recover(Path(root))


def install(bundle: str | Path, root: str | Path, pubkey: str | Path,
            selftest: SelfTest = selftest_in_child,
            log: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    """Install a bundle into the inactive slot and make it active if its self-test passes.

    Returns the result record (also kept in state.json). Raises BundleError when the
    bundle is refused (nothing changed) or when the self-test failed (switched back).
    """
    root = Path(root)
    with _locked(root):
        _recover(root)
        active = active_slot(root)
        log("verifying")
        manifest = verify_bundle(bundle, pubkey)
        _checkpoint("verified")
        target = "b" if active == "a" else "a"
        slot_dir = root / "slots" / target
        staging = root / "slots" / f".staging-{target}"
        log(f"unpacking version {manifest.version} into slot {target}")
        _unpack(bundle, pubkey, staging)
        if slot_dir.exists():  # renamed away in one step, removed after
            trash = root / "slots" / f".trash-{target}"
            if trash.exists():
                shutil.rmtree(trash)
            os.replace(slot_dir, trash)
            _checkpoint("replacing")
        os.replace(staging, slot_dir)
        _fsync_dir(slot_dir.parent)
        shutil.rmtree(root / "slots" / f".trash-{target}", ignore_errors=True)
        _checkpoint("unpacked")
        state = _read_state(root)
        state["trial"] = {"slot": target, "previous": active, "version": manifest.version,
                          "started": _now()}
        _write_state(root, state)
        _switch(root, target)
        _checkpoint("switched")
        log(f"self-test in slot {target}")
        report = selftest(slot_dir)
        _checkpoint("selftested")
        result: dict[str, Any] = {"version": manifest.version, "target": manifest.target,
                                  "slot": target, "at": _now(), "selftest": report.to_json()}
        if report.ok:
            result["result"] = "ok"
        else:
            _switch(root, active)
            why = "; ".join(report.reasons) or "failed"
            result.update(result="rolled_back",
                          reason=f"self-test failed in slot {target}: {why}; switched back "
                                 f"to slot {active or '(none)'}")
        state["trial"] = None
        state["last_install"] = result
        _write_state(root, state)
        if not report.ok:
            raise BundleError(result["reason"])
        return result


def _unpack(bundle: str | Path, pubkey: str | Path, staging: Path) -> None:
    if staging.exists():
        shutil.rmtree(staging)
    (staging / PAYLOAD).mkdir(parents=True)
    first = [True]

    def sink(rel: str) -> BinaryIO:
        if first[0]:
            first[0] = False
            _checkpoint("unpacking")
        dest = staging / PAYLOAD / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        return open(dest, "xb")  # noqa: SIM115 - closed by verify_bundle

    try:
        verify_bundle(bundle, pubkey, sink=sink)
        # Copy the signed manifest beside the payload (status reads it) and flush it all.
        import tarfile

        with tarfile.open(bundle, "r:") as tar:
            for name in (MANIFEST_NAME, SIGNATURE_NAME):
                f = tar.extractfile(name)
                if f is None:
                    raise BundleError(f"{bundle}: {name} cannot be read")
                (staging / name).write_bytes(f.read())
        check_slot(staging)
        for p in sorted(staging.rglob("*"), reverse=True):  # files, then their folders
            if p.is_file():
                with open(p, "rb") as f:
                    os.fsync(f.fileno())
            elif p.is_dir():
                _fsync_dir(p)
        _fsync_dir(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def rollback(root: str | Path) -> dict[str, Any]:
    """Make the other slot active again (it must hold a complete, unaltered bundle)."""
    root = Path(root)
    with _locked(root):
        _recover(root)
        active = active_slot(root)
        if active is None:
            raise BundleError(f"{root} has no active slot; install a bundle first")
        other = "b" if active == "a" else "a"
        if not (root / "slots" / other / MANIFEST_NAME).is_file():
            raise BundleError(f"slot {other} holds no bundle; nothing to roll back to")
        manifest = check_slot(root / "slots" / other)
        _switch(root, other)
        state = _read_state(root)
        state["last_rollback"] = {"from": active, "to": other, "version": manifest.version,
                                  "at": _now()}
        _write_state(root, state)
        return {"active": other, "version": manifest.version, "previous": active}


def status(root: str | Path) -> dict[str, Any]:
    """Active slot, its version and target, the other slot, the last install result."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"bundle root not found: {root}")
    with _locked(root):
        recovered = _recover(root)
        active = active_slot(root)
        other = None if active is None else ("b" if active == "a" else "a")
        am, om = _slot_manifest(root, active), _slot_manifest(root, other)
        state = _read_state(root)
        out: dict[str, Any] = {
            "root": str(root), "active": active,
            "version": am.version if am else None, "target": am.target if am else None,
            "other": {"slot": other, "version": om.version if om else None,
                      "target": om.target if om else None},
            "last_install": state.get("last_install"),
            "last_rollback": state.get("last_rollback"),
        }
        if recovered:
            out["recovered"] = recovered
        return out
