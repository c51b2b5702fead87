"""The de-identified event a home sends to the cloud (JSON on ``<prefix>/<home>/sync``).

Every event has a stable ``id`` (a keyed hash of what it describes), so the cloud stores it
once however often it is sent. ``home`` is the home's pseudonym, ``hour`` the hour it
describes. What each kind's ``data`` holds is listed in docs/cloud-sync.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

VERSION = 1
KINDS = ("alert", "alert_ack", "intent_stats", "vitals_day", "service_health", "correction")
MAX_EVENT_BYTES = 64 * 1024
_ID = re.compile(r"^[0-9a-f]{16,64}$")


@dataclass(frozen=True)
class SyncEvent:
    """One event; validated on creation (the ingest builds them from untrusted bytes)."""

    id: str
    """Hex keyed hash, 16..64 characters: the cloud's primary key."""
    home: str
    """The home's pseudonym (hex)."""
    kind: str
    """One of :data:`KINDS`."""
    hour: int
    """Start of the hour it describes, seconds since the epoch (a multiple of 3600)."""
    data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not _ID.match(self.id):
            raise ValueError(f"event id {self.id!r} must be 16..64 lower-case hex characters")
        if not isinstance(self.home, str) or not _ID.match(self.home):
            raise ValueError(f"event home {self.home!r} must be a hex pseudonym")
        if self.kind not in KINDS:
            raise ValueError(f"event kind {self.kind!r} must be one of {', '.join(KINDS)}")
        if isinstance(self.hour, bool) or not isinstance(self.hour, int) or self.hour < 0 \
                or self.hour % 3600:
            raise ValueError(f"event hour {self.hour!r} must be a whole hour in epoch seconds")
        if not isinstance(self.data, dict):
            raise ValueError("event data must be a JSON object")

    def to_json(self) -> dict[str, Any]:
        return {"v": VERSION, "id": self.id, "home": self.home, "kind": self.kind,
                "hour": self.hour, "data": self.data}

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_json(), separators=(",", ":"), sort_keys=True,
                          ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, obj: Any) -> SyncEvent:
        if not isinstance(obj, dict):
            raise ValueError("a sync event must be a JSON object")
        if obj.get("v") != VERSION:
            raise ValueError(f"sync event version {obj.get('v')!r} is not {VERSION}")
        try:
            return cls(id=obj["id"], home=obj["home"], kind=obj["kind"], hour=obj["hour"],
                       data=obj.get("data", {}))
        except KeyError as exc:
            raise ValueError(f"sync event is missing field {exc.args[0]!r}") from exc

    @classmethod
    def from_bytes(cls, payload: bytes) -> SyncEvent:
        if len(payload) > MAX_EVENT_BYTES:
            raise ValueError(f"sync event of {len(payload)} bytes is over {MAX_EVENT_BYTES}")
        try:
            obj = json.loads(payload)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise ValueError(f"sync event is not JSON: {exc}") from exc
        return cls.from_json(obj)
