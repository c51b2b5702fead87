"""Safety confirmation: a doubtful fall or call for help is checked with one short question.

Whether an utterance alerts at once, asks, or is answered as an ordinary request is
decided by :func:`device.safety_decision.decide` (docs/safety-path.md). A question ("Did
you fall, Mary? Do you need help?") is read as an answer to it:

- an explicit "no / I'm fine / I don't need any help" cancels, whatever the model's
  label (a plain new call for help in the same breath still alerts): no caregiver alert,
  but an info-level ``event`` action records the check;
- "yes", another call for help, anything unclear, or no answer within
  ``confirm_timeout_s`` raises the alert.

"What?" (``repeat``) and "louder" (``volume_up``) say the question again without moving
the deadline.

Store first, then clear: the question is kept in ``state_path`` until its alert is
stored in the outbox (:meth:`SafetyConfirmer.alert_stored`, called by the pipeline once
the alert's outcome is ``done`` or ``stored``) or it is denied. A file that cannot be
written or removed (a read-only state folder) is logged and retried every tick; the
question itself goes on in memory.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from device import safety
from device.careplan import CarePlan
from device.labels import SAFETY_LABELS
from device.replies import Action, Reply
from device.safety_decision import SafetyDecision, Thresholds, decide
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
    sounds_like: str = ""
    """The words heard, when ``text`` is a sounds-like reading of them (speech.sounds_like:
    heard "alert my car", read "alert my carer"); else empty."""

    def to_json(self) -> dict[str, Any]:
        return {"intent": self.intent, "text": self.text, "score": self.score,
                "asked_at": self.asked_at.timestamp(), "deadline": self.deadline.timestamp(),
                "from_alternative": self.from_alternative, "sounds_like": self.sounds_like}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> PendingCheck:
        return cls(str(d["intent"]), str(d["text"]), float(d["score"]),
                   datetime.fromtimestamp(float(d["asked_at"])),
                   datetime.fromtimestamp(float(d["deadline"])),
                   int(d.get("from_alternative", 0)), str(d.get("sounds_like", "")))


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
        self.thresholds: dict[str, Thresholds] | None = None
        """The intent model's safety_thresholds (set by the pipeline; None: settings)."""
        self.answer_floor = 0.0
        """The model's out_of_scope threshold (set by the pipeline)."""
        self.decision: SafetyDecision | None = None
        """The decision of the last utterance handled outside a question."""
        self._pending: PendingCheck | None = None
        self._resolving: PendingCheck | None = None
        self._file_dirty = False
        if state_path is not None and state_path.is_file():
            self._pending = self._load(state_path)

    @property
    def pending(self) -> PendingCheck | None:
        """The check waiting for an answer, if any."""
        return self._pending

    @pending.setter
    def pending(self, check: PendingCheck | None) -> None:
        self._pending = check
        self._file_dirty = True
        self._sync_file()

    @property
    def resolving(self) -> PendingCheck | None:
        """A check whose alert was decided but is not yet stored (its file is kept)."""
        return self._resolving

    def _resolve(self) -> None:
        """The pending question is answered with an alert: no longer asked, but kept on
        disk until :meth:`alert_stored`."""
        self._resolving, self._pending = self._pending, None

    def alert_stored(self) -> None:
        """The alert of the resolved check is in the outbox: forget the check."""
        if self._resolving is None:
            return
        self._resolving = None
        self._file_dirty = True
        self._sync_file()

    def _sync_file(self) -> None:
        """Make the file say what memory says (the open or resolving check, or nothing);
        a failure is logged and retried on the next tick, never raised into the turn."""
        if self.state_path is None or not self._file_dirty:
            return
        check = self._pending or self._resolving
        try:
            if check is None:
                self.state_path.unlink(missing_ok=True)
            else:
                self.state_path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self.state_path.with_suffix(".tmp")
                with tmp.open("w") as f:
                    json.dump(check.to_json(), f)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(tmp, self.state_path)
        except OSError as exc:
            log.error("cannot update the pending safety check %s (%s): kept in memory, "
                      "retrying", self.state_path, exc)
            return
        self._file_dirty = False

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

    def decide(self, intent: str, text: str, score: float | None,
               from_alternative: int = 0,
               scores: dict[str, float] | None = None,
               thresholds: dict[str, Thresholds] | None = None,
               fast_path: bool = False, typed: bool = False,
               read_tails: Callable[[], Sequence[tuple[str, dict[str, float]]]] | None = None,
               answering: bool = False) -> SafetyDecision:
        """The safety decision of an utterance heard outside a question (`thresholds`: in
        place of :attr:`thresholds`, e.g. a spoken turn's; `fast_path`: words that the
        hybrid's fast path alone heard; `typed`: typed text, not a transcript; `read_tails`:
        gives a long turn's later parts with the model's probabilities of each;
        `answering`: the device has just asked something other than the safety question;
        device.safety_decision.decide)."""
        return decide(intent, text, score, self.settings, scores=scores,
                      thresholds=self.thresholds if thresholds is None else thresholds,
                      from_alternative=from_alternative, answer_floor=self.answer_floor,
                      fast_path=fast_path, typed=typed,
                      read_tails=read_tails, answering=answering)

    def route(self, intent: str, text: str, score: float | None, from_alternative: int = 0,
              scores: dict[str, float] | None = None, sounds_like: str = "",
              thresholds: dict[str, Thresholds] | None = None,
              fast_path: bool = False, typed: bool = False,
              read_tails: Callable[[], Sequence[tuple[str, dict[str, float]]]] | None = None,
              answering: bool = False) -> tuple[Reply | None, str]:
        """(the safety reply, or None; the label to answer the utterance as otherwise).

        ``from_alternative``: 0 when ``intent`` and ``text`` are the 1-best transcript's (or
        typed), k when they are the k-th ASR n-best alternative's. While a question is
        pending, pass the 1-best: the answer is what the resident most likely said.
        ``sounds_like``: the words heard when ``text`` is a sounds-like reading of them
        (the caregivers' reason then says both). ``answering``: the device has just asked
        something else ("Is it getting worse?"), so "it's settled now" is a no."""
        if self.pending is not None:
            self.decision = None
            return self._answer(intent, text, score), intent
        d = self.decision = self.decide(intent, text, score, from_alternative, scores,
                                        thresholds, fast_path, typed, read_tails, answering)
        if d.route == "answer":
            return None, d.intent
        if d.route == "alert":
            extra: dict[str, object] = {"from_alternative": from_alternative} \
                if from_alternative else {}
            if sounds_like:
                extra["sounds_like"] = sounds_like
            return safety.safety_reply(self.plan, d.intent, text, _heard_note(sounds_like),
                                       extra or None), d.intent
        return self._ask(d.intent, text, float(d.p or 0.0), from_alternative,
                         sounds_like), d.intent

    def handle(self, intent: str, text: str, score: float | None,
               from_alternative: int = 0,
               scores: dict[str, float] | None = None,
               sounds_like: str = "") -> Reply | None:
        """The reply when a check is pending or the utterance is a safety event; else None
        (see :meth:`route`)."""
        return self.route(intent, text, score, from_alternative, scores, sounds_like)[0]

    def tick(self, now: datetime | None = None) -> Reply | None:
        """The alert reply when the pending question has gone unanswered past its
        deadline (None otherwise). The runtime calls this every tick; it also retries a
        state file that could not be written."""
        self._sync_file()
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
    def _ask(self, intent: str, text: str, score: float, from_alternative: int = 0,
             sounds_like: str = "") -> Reply:
        now = self.clock()
        self.pending = PendingCheck(intent, text, score, now,
                                    now + timedelta(seconds=self.settings.confirm_timeout_s),
                                    from_alternative, sounds_like)
        heard = f" ({_heard_note(sounds_like)})" if sounds_like else \
            f" (ASR alternative {from_alternative})" if from_alternative else ""
        event = Action("event", {"type": "safety_check", "level": "info", "intent": intent,
                                 "score": round(score, 4), "from_alternative": from_alternative,
                                 "hypothesis": text, "sounds_like": sounds_like,
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
        if safety.is_denial(text):  # read as the answer it is, whatever the model's label
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
        self._resolve()
        label = intent if intent in SAFETY_LABELS else pending.intent
        return safety.safety_reply(self.plan, label, text,
                                   f'after "{pending.text}"',
                                   {"check": "second_report", "first": pending.text})

    def _alert(self, pending: PendingCheck, note: str, check: str, lead: str = "") -> Reply:
        self._resolve()
        extra: dict[str, object] = {"check": check, "score": round(pending.score, 4),
                                    "from_alternative": pending.from_alternative}
        if pending.sounds_like:
            extra["sounds_like"] = pending.sounds_like
            note = "; ".join(p for p in (_heard_note(pending.sounds_like), note) if p)
        reply = safety.safety_reply(self.plan, pending.intent, pending.text, note, extra)
        return Reply(lead + reply.text, reply.intent, reply.actions) if lead else reply

    def _cancel(self, pending: PendingCheck, text: str) -> Reply:
        self.pending = None
        event = Action("event", {
            "type": "safety_cancelled", "level": "info", "intent": pending.intent,
            "score": round(pending.score, 4), "from_alternative": pending.from_alternative,
            "reason": f'{self.plan.resident} said "{text}" after "{pending.text}": no alert'})
        return Reply(f"All right, {self.plan.resident}. I am glad you are fine. "
                     "I am here if you need me.", "deny", (event,))


def _heard_note(sounds_like: str) -> str:
    """What a caregiver reads of a sounds-like reading: the words really heard."""
    return f'heard "{sounds_like}", which sounds like it' if sounds_like else ""
