"""The alert message sent to caregivers, its levels and its stable id."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

LEVELS = ("info", "warning", "urgent", "emergency")
LEVEL_RANK = {name: i for i, name in enumerate(LEVELS)}


def check_level(level: str) -> str:
    if level not in LEVEL_RANK:
        raise ValueError(f"alert level {level!r} must be one of {', '.join(LEVELS)}")
    return level


def episode_id(resident: str, kind: str, key: str, episode_start: float) -> str:
    """Deterministic id of an episode: the same inputs always give the same id.

    ``episode_start`` is the time the episode opened (seconds since the epoch, rounded to
    milliseconds so that a value stored and read back gives the same id).
    """
    raw = f"{resident}\x1f{kind}\x1f{key}\x1f{episode_start:.3f}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def alert_id(resident: str, kind: str, key: str, episode_start: float, seq: int) -> str:
    """Id of the ``seq``-th alert (1, 2, ...) of an episode; safe in an MQTT topic."""
    return f"{episode_id(resident, kind, key, episode_start)}-{seq}"


@dataclass(frozen=True)
class Alert:
    """One alert for caregivers (JSON on ``<prefix>/<home>/alerts``, QoS 1).

    Retransmissions carry the same ``id``; escalations carry the same ``id`` with a higher
    ``step``. Caregivers deduplicate on ``(id, step)``.
    """

    id: str
    """Stable id: hash of resident + kind + episode, then '-<n>' for the n-th alert of it."""
    resident: str
    level: str
    """info, warning, urgent or emergency."""
    reason: str
    """Human-readable cause, e.g. 'NEWS2 7 (high)'."""
    news2: int | None
    """NEWS2 aggregate behind the alert, if any."""
    ts: float
    """When the alert was raised, seconds since the Unix epoch."""
    kind: str
    """news2, fall, inactivity, news2_trend, spoken_fall, missed_checkin, ..."""
    home: str = ""
    step: int = 0
    """Escalation step: 0 for the first notice, 1.. for each escalation."""
    notify: str | None = None
    """Caregiver this message is addressed to (escalation ladder), None for everyone."""
    origin_ts: float | None = None
    """Arrival time of the reading that caused it, seconds since the epoch (for latency)."""
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_level(self.level)
        if not self.id or any(c in self.id for c in "/+#"):
            raise ValueError(f"alert id {self.id!r} must be non-empty and topic-safe")

    @property
    def rank(self) -> int:
        return LEVEL_RANK[self.level]

    @property
    def dedup_key(self) -> str:
        return f"{self.id}#{self.step}"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "resident": self.resident,
            "level": self.level,
            "reason": self.reason,
            "news2": self.news2,
            "ts": self.ts,
            "kind": self.kind,
            "home": self.home,
            "step": self.step,
            "notify": self.notify,
        }
        if self.origin_ts is not None:
            out["origin_ts"] = self.origin_ts
        if self.details:
            out["details"] = self.details
        return out

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_json(), separators=(",", ":")).encode()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Alert:
        if not isinstance(data, dict):
            raise ValueError("an alert must be a JSON object")
        try:
            return cls(
                id=str(data["id"]),
                resident=str(data["resident"]),
                level=str(data["level"]),
                reason=str(data["reason"]),
                news2=None if data.get("news2") is None else int(data["news2"]),
                ts=float(data["ts"]),
                kind=str(data.get("kind", "")),
                home=str(data.get("home", "")),
                step=int(data.get("step", 0)),
                notify=None if data.get("notify") is None else str(data["notify"]),
                origin_ts=None if data.get("origin_ts") is None else float(data["origin_ts"]),
                details=dict(data.get("details") or {}),
            )
        except KeyError as exc:
            raise ValueError(f"alert is missing field {exc.args[0]!r}") from exc

    @classmethod
    def from_bytes(cls, payload: bytes | str) -> Alert:
        """Parse an alert message (size, UTF-8 and depth checked); ValueError if bad."""
        from .limits import MAX_SENSOR_PAYLOAD_BYTES, parse_json

        return cls.from_json(parse_json(payload, MAX_SENSOR_PAYLOAD_BYTES, what="alert"))
