"""The signed manifest of a bundle: version, target, created-at, and every file's sha256 and
size. It is the only thing the signature covers; every file is checked against it."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["BundleError", "FileEntry", "Manifest", "MANIFEST_FORMAT", "TARGETS",
           "check_member_path", "version_key"]

MANIFEST_FORMAT = "eldercare-bundle/1"
TARGETS = ("cpu", "jetson")
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
PAYLOAD = "payload"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_VERSION = re.compile(r"^\d+(\.\d+){0,5}$")


class BundleError(ValueError):
    """A bundle, key or slot folder that is refused; the message says why."""


def version_key(version: str) -> tuple[int, ...]:
    """Dotted numeric versions compare as tuples of ints ("1.10" > "1.9")."""
    if not _VERSION.match(version):
        raise BundleError(f"version {version!r} must be dotted numbers, e.g. 1.4.0 or "
                          "2026.12.01.2130")
    return tuple(int(p) for p in version.split("."))


def check_member_path(name: str) -> str:
    """A relative POSIX path that stays inside the bundle, or BundleError."""
    if not name or "\\" in name or "\x00" in name:
        raise BundleError(f"bundle path {name!r} is not a plain relative path")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise BundleError(f"bundle path {name!r} is absolute")
    parts = name.split("/")
    if any(p in ("..", ".", "") for p in parts) or posixpath.normpath(name) != name:
        raise BundleError(f"bundle path {name!r} escapes or is not normalised")
    return name


@dataclass(frozen=True)
class FileEntry:
    """One file of the payload."""

    path: str
    """Relative to the payload folder, POSIX separators."""
    sha256: str
    """Hex digest of the contents."""
    size: int
    """Bytes."""

    def __post_init__(self) -> None:
        check_member_path(self.path)
        if not _SHA256.match(self.sha256):
            raise BundleError(f"manifest: {self.path}: sha256 is not 64 hex digits")
        if self.size < 0:
            raise BundleError(f"manifest: {self.path}: negative size")

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "size": self.size}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> FileEntry:
        return cls(path=str(obj["path"]), sha256=str(obj["sha256"]), size=int(obj["size"]))


@dataclass(frozen=True)
class Manifest:
    """What a bundle holds; serialised canonically (sorted keys) before it is signed."""

    version: str
    target: str
    created_at: str
    """UTC, ISO 8601 (``2026-12-01T21:30:00Z``)."""
    files: tuple[FileEntry, ...]
    info: dict[str, Any] = field(default_factory=dict, compare=False)
    """Free-form facts about the build (Python version and platforms of the wheelhouse)."""

    def __post_init__(self) -> None:
        version_key(self.version)
        if self.target not in TARGETS:
            raise BundleError(f"manifest: target {self.target!r} not one of {', '.join(TARGETS)}")
        paths = [f.path for f in self.files]
        if len(set(paths)) != len(paths):
            raise BundleError("manifest: a path is listed twice")

    def entry(self, path: str) -> FileEntry | None:
        for f in self.files:
            if f.path == path:
                return f
        return None

    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def to_json(self) -> dict[str, Any]:
        return {"format": MANIFEST_FORMAT, "version": self.version, "target": self.target,
                "created_at": self.created_at, "info": self.info,
                "files": [f.to_json() for f in self.files]}

    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), sort_keys=True, indent=1) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Manifest:
        if not isinstance(obj, dict) or obj.get("format") != MANIFEST_FORMAT:
            raise BundleError(f"manifest: expected \"format\": \"{MANIFEST_FORMAT}\"")
        try:
            return cls(version=str(obj["version"]), target=str(obj["target"]),
                       created_at=str(obj["created_at"]), info=dict(obj.get("info") or {}),
                       files=tuple(FileEntry.from_json(f) for f in obj["files"]))
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, BundleError):
                raise
            raise BundleError(f"manifest: missing or invalid field ({exc})") from None

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        try:
            obj = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BundleError(f"manifest is not valid JSON ({exc})") from None
        return cls.from_json(obj)
