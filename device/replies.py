"""What the dialogue manager hands the runtime: a reply to speak and actions to carry out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ACTION_KINDS", "Action", "Reply"]

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
