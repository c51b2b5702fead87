"""What the dialogue manager hands the runtime: a reply to speak and actions to carry out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ACTION_KINDS", "OUTCOME_STATUSES", "Action", "Outcome", "Reply"]

ACTION_KINDS = ("alert", "reminder", "call", "home", "volume", "cancel", "dose", "event")
"""alert {type (spoken_fall, help_request, symptom), level, reason}; reminder {id, task, at};
call {contact, relation, phone}; home {device, area, action}; volume {direction}; cancel {};
dose {medicine, slot}; event {type (safety_check, safety_cancelled), level (info), intent,
score, reason}: recorded in the events log, never sent to caregivers."""


@dataclass(frozen=True)
class Action:
    kind: str
    """One of ACTION_KINDS."""
    data: dict[str, Any] = field(default_factory=dict)
    """Kind-specific fields; times are Unix seconds, levels info/warning/urgent/emergency."""

    def __post_init__(self) -> None:
        if self.kind not in ACTION_KINDS:
            raise ValueError(f"unknown action kind {self.kind!r}; use one of {ACTION_KINDS}")

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.data}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Action:
        data = dict(d)
        return cls(str(data.pop("kind")), data)


OUTCOME_STATUSES = ("done", "stored", "pending", "failed", "skipped")
"""done: carried out (an alert: committed to the outbox with the broker connected);
stored: kept durably, not yet delivered (an alert in the outbox while the broker is down);
pending: not yet kept, still being tried (an alert held in memory while storing fails);
failed: could not be carried out; skipped: nothing to do here (no handler or device)."""


@dataclass(frozen=True)
class Outcome:
    """What really happened to one :class:`Action` (the outcome rule, docs/contracts.md)."""

    kind: str
    """The action's kind, one of ACTION_KINDS."""
    status: str
    """One of OUTCOME_STATUSES."""
    say: str = ""
    """The sentence that states the real result to the resident ("" says nothing)."""
    data: dict[str, Any] = field(default_factory=dict)
    """Kind-specific facts, e.g. ``alert`` (its id) and ``error`` (why it failed)."""

    def __post_init__(self) -> None:
        if self.kind not in ACTION_KINDS:
            raise ValueError(f"unknown action kind {self.kind!r}; use one of {ACTION_KINDS}")
        if self.status not in OUTCOME_STATUSES:
            raise ValueError(f"unknown outcome status {self.status!r}; use one of "
                             f"{OUTCOME_STATUSES}")

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "status": self.status, "say": self.say,
                "data": dict(self.data)}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Outcome:
        return cls(str(d["kind"]), str(d["status"]), str(d.get("say", "")),
                   dict(d.get("data") or {}))


@dataclass(frozen=True)
class Reply:
    text: str
    """What to say, in short sentences."""
    intent: str
    """The intent the reply answers."""
    actions: tuple[Action, ...] = ()
    slots: dict[str, str] = field(default_factory=dict)
    expects: str | None = None
    """What the manager waits for next (e.g. "confirm_dose"), or None."""

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "intent": self.intent,
                "actions": [a.to_json() for a in self.actions], "slots": dict(self.slots),
                "expects": self.expects}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Reply:
        return cls(str(d["text"]), str(d["intent"]),
                   tuple(Action.from_json(a) for a in d.get("actions", [])),
                   {str(k): str(v) for k, v in d.get("slots", {}).items()},
                   d.get("expects"))

    def action(self, kind: str) -> Action | None:
        return next((a for a in self.actions if a.kind == kind), None)
