"""Safety confirmation: a doubtful fall or call for help is checked with one short question.

The intent model favours the safety labels so that no fall or emergency is missed, and so
it sometimes hears one in an ordinary sentence. A *clear* safety utterance (score at or
above ``SafetySettings.confident``, or words that :func:`device.safety.is_safety_phrase`
recognises) alerts at once. A *doubtful* one asks "Did you fall, Mary? Do you need help?"
and then:

- an explicit "no / I'm fine / I'm all right" cancels: no caregiver alert, but an
  info-level ``event`` action records the check;
- "yes", another safety utterance, anything unclear, or no answer within
  ``confirm_timeout_s`` raises the alert.

Every path except an explicit denial ends in an alert. "What?" (``repeat``) and
"louder" (``volume_up``) say the question again without moving the deadline.

A safety label that only an ASR n-best alternative gave (``from_alternative`` > 0, see
:mod:`speech.spoken_intent`) is doubtful whatever its score or words: the recognizer's best
guess was something else, so it is always asked about (unless the policy is off). The
check, and the alert it may end in, record which alternative it came from.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from device import safety
from device.careplan import CarePlan
from device.labels import SAFETY_LABELS
from device.replies import Action, Reply
from device.settings_sections import SafetySettings

__all__ = ["EXPECTS", "PendingCheck", "SafetyConfirmer"]

log = logging.getLogger(__name__)

EXPECTS = "safety_confirm"
"""``Reply.expects`` while a doubtful safety event waits for an answer."""


@dataclass(frozen=True)
class PendingCheck:
    """A doubtful safety utterance waiting for the resident's answer."""

    intent: str
    """emergency_help or fall_report."""
    text: str
    score: float
    """Intent score, 0..1."""
    asked_at: datetime
    """Local time the question was asked."""
    deadline: datetime
    """Local time after which the alert is raised anyway."""
    from_alternative: int = 0
    """0: the label came from the 1-best transcript (or typed text); k: from the k-th ASR
    n-best alternative, whose text is ``text``."""

    def to_json(self) -> dict[str, Any]:
        return {"intent": self.intent, "text": self.text, "score": self.score,
                "asked_at": self.asked_at.timestamp(), "deadline": self.deadline.timestamp(),
                "from_alternative": self.from_alternative}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> PendingCheck:
        return cls(str(d["intent"]), str(d["text"]), float(d["score"]),
                   datetime.fromtimestamp(float(d["asked_at"])),
                   datetime.fromtimestamp(float(d["deadline"])),
                   int(d.get("from_alternative", 0)))


class SafetyConfirmer:
    """Decides between an alert at once and a question, and resolves the question.

    Args:
        plan: the care plan (resident's name, caregivers).
        settings: thresholds and timeout.
        clock: local time now.
        state_path: where a pending check is kept so that a restart does not lose it (it
            is loaded here; the runtime then raises its alert). None: memory only.
    """

    def __init__(self, plan: CarePlan, settings: SafetySettings,
                 clock: Callable[[], datetime], state_path: Path | None = None) -> None:
        self.plan = plan
        self.settings = settings
        self.clock = clock
        self.state_path = state_path
        self._pending: PendingCheck | None = None
        if state_path is not None and state_path.is_file():
            self._pending = self._load(state_path)

    @property
    def pending(self) -> PendingCheck | None:
        """The check waiting for an answer, if any."""
        return self._pending

    @pending.setter
    def pending(self, check: PendingCheck | None) -> None:
        self._pending = check
        if self.state_path is None:
            return
        if check is None:
            self.state_path.unlink(missing_ok=True)
            return
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_suffix(".tmp")
        with tmp.open("w") as f:
            json.dump(check.to_json(), f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.state_path)

    def _load(self, path: Path) -> PendingCheck:
        """A check left by an earlier run; an unreadable file still counts as a call for
        help (something was pending), never as nothing."""
        try:
            return PendingCheck.from_json(json.loads(path.read_text()))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("pending safety check %s is unreadable (%s): alerting anyway", path, exc)
            now = self.clock()
            return PendingCheck("emergency_help", "(unreadable pending safety check)", 0.0,
                                now, now)

    def is_clear(self, intent: str, text: str, score: float | None,
                 from_alternative: int = 0) -> bool:
        """A safety utterance that needs no question: policy off; or heard in the 1-best
        (``from_alternative`` 0) with no score known, a score at or above ``confident``, or
        plain safety words. One that only an n-best alternative gave is never clear."""
        if not self.settings.confirm:
            return True
        if from_alternative > 0:
            return False
        return score is None or score >= self.settings.confident or \
            safety.is_safety_phrase(text)

    def handle(self, intent: str, text: str, score: float | None,
               from_alternative: int = 0) -> Reply | None:
        """The reply when a check is pending or ``intent`` is a safety label; else None.

        ``from_alternative``: 0 when ``intent`` and ``text`` are the 1-best transcript's (or
        typed), k when they are the k-th ASR n-best alternative's. While a question is
        pending, pass the 1-best: the answer is what the resident most likely said."""
        if self.pending is not None:
            return self._answer(intent, text, score)
        if intent not in SAFETY_LABELS:
            label = safety.safety_label_of_words(text) if self.settings.confirm else None
            if label is not None:
                # the model missed plain safety words: never let that pass silently
                return self._ask(label, text, 0.0, from_alternative)
            return None
        if self.is_clear(intent, text, score, from_alternative):
            extra: dict[str, object] | None = \
                {"from_alternative": from_alternative} if from_alternative else None
            return safety.safety_reply(self.plan, intent, text, extra=extra)
        return self._ask(intent, text, float(score or 0.0), from_alternative)

    def tick(self, now: datetime | None = None) -> Reply | None:
        """The alert reply when the pending question has gone unanswered past its
        deadline (None otherwise). The runtime calls this every tick."""
        if self.pending is None or (now or self.clock()) < self.pending.deadline:
            return None
        return self.expire(f"no answer within {self.settings.confirm_timeout_s:g} s",
                           "no_answer", "I did not hear an answer. ")

    def expire(self, note: str, check: str = "no_answer", lead: str = "") -> Reply | None:
        """Raise the pending check's alert now (e.g. the device is stopping)."""
        if self.pending is None:
            return None
        return self._alert(self.pending, note, check, lead)

    # -- internals ---------------------------------------------------------------------
    def _ask(self, intent: str, text: str, score: float, from_alternative: int = 0) -> Reply:
        now = self.clock()
        self.pending = PendingCheck(intent, text, score, now,
                                    now + timedelta(seconds=self.settings.confirm_timeout_s),
                                    from_alternative)
        heard = f" (ASR alternative {from_alternative})" if from_alternative else ""
        event = Action("event", {"type": "safety_check", "level": "info", "intent": intent,
                                 "score": round(score, 4), "from_alternative": from_alternative,
                                 "hypothesis": text,
                                 "reason": f'Checking with {self.plan.resident}: "{text}"{heard}'})
        return Reply(self._question(intent), intent, (event,), expects=EXPECTS)

    def _question(self, intent: str) -> str:
        name = self.plan.resident
        if intent == "fall_report":
            return f"Did you fall, {name}? Do you need help?"
        return f"Do you need help, {name}?"  # "yes" must mean help

    def _answer(self, intent: str, text: str, score: float | None) -> Reply:
        pending = self.pending
        assert pending is not None
        if safety.is_safety_phrase(text):
            return self._second(pending, intent, text)
        clear_safety = intent in SAFETY_LABELS and (score is None
                                                   or score >= self.settings.confident)
        if safety.is_denial(text) and not clear_safety:
            return self._cancel(pending, text)
        if intent in SAFETY_LABELS:
            return self._second(pending, intent, text)
        if intent == "repeat":
            return Reply(self._question(pending.intent), intent, expects=EXPECTS)
        if intent == "volume_up":  # they could not hear the question: louder, same deadline
            return Reply(self._question(pending.intent), intent,
                         (Action("volume", {"direction": "up"}),), expects=EXPECTS)
        if intent == "affirm":
            return self._alert(pending, f"confirmed: {text!r}", "affirmed")
        return self._alert(pending, f"unclear answer: {text!r}", "unclear")

    def _second(self, pending: PendingCheck, intent: str, text: str) -> Reply:
        """Another safety utterance while the question waits: alert at once on it."""
        self.pending = None
        label = intent if intent in SAFETY_LABELS else pending.intent
        return safety.safety_reply(self.plan, label, text,
                                   f'after "{pending.text}"',
                                   {"check": "second_report", "first": pending.text})

    def _alert(self, pending: PendingCheck, note: str, check: str, lead: str = "") -> Reply:
        self.pending = None
        reply = safety.safety_reply(self.plan, pending.intent, pending.text, note,
                                    {"check": check, "score": round(pending.score, 4),
                                     "from_alternative": pending.from_alternative})
        return Reply(lead + reply.text, reply.intent, reply.actions) if lead else reply

    def _cancel(self, pending: PendingCheck, text: str) -> Reply:
        self.pending = None
        event = Action("event", {
            "type": "safety_cancelled", "level": "info", "intent": pending.intent,
            "score": round(pending.score, 4), "from_alternative": pending.from_alternative,
            "reason": f'{self.plan.resident} said "{text}" after "{pending.text}": no alert'})
        return Reply(f"All right, {self.plan.resident}. I am glad you are fine. "
                     "I am here if you need me.", "deny", (event,))
