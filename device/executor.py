"""Carries out a reply's actions and says what really happened (the outcome rule of
docs/contracts.md): one handler per action kind, ``handler(action) -> Outcome``.

An ``alert`` is the safety path's last step (docs/safety-path.md, "What the resident
hears"). Its outcome is ``done`` once the alert is committed to the durable outbox and
the broker has acknowledged it ("I have told Anna."), ``stored`` when it is committed but
the broker is down or has not acknowledged it within ``TOLD_WAIT_S`` ("I have saved your
call for help and will keep trying to reach Anna."),
and ``pending`` when storing failed: the alert service holds it in memory, retries
storing, publishes it directly if it can, and the executor falls back to the local alarm
and the next caregiver contact instead of claiming success.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from device.careplan import CarePlan
from device.replies import ACTION_KINDS, Action, Outcome

__all__ = ["RESIDENT_CALLS", "RESIDENT_WORDS", "ActionExecutor", "Handler"]

log = logging.getLogger(__name__)

Handler = Callable[[Action], Outcome]
"""Carries out one action and returns what really happened."""

RESIDENT_CALLS = ("spoken_fall", "help_request")
"""Alert types that are the resident's own call for help ("I have saved your call for
help")."""

RESIDENT_WORDS = (*RESIDENT_CALLS, "symptom")
"""Alert types raised from what the resident said: never suppressed (a repeat is sent as
a repeat). Other alert actions (e.g. a dose not confirmed) keep the service's
suppression, keyed by their ``key``."""


TOLD_WAIT_S = 2.0
"""Seconds an alert's reply waits for the broker's acknowledgement (on loopback it comes in
milliseconds; the wait is spent only when the broker has died or hangs unnoticed)."""


class ActionExecutor:
    """Carries out reply actions through a dispatch table checked against ACTION_KINDS.

    Built in: ``alert`` (the alert service), ``volume`` (the speaker), ``event`` and
    ``cancel`` (recorded only). Other kinds are ``skipped`` until a handler is registered
    (:meth:`register`). Every action is also logged, written to ``events_path`` and
    handed to ``on_action``.

    Args:
        resident: name put on alerts.
        alerts: a started ``health.alerting.AlertService`` (None: an alert ``failed``).
        speaker: a ``speech.tts.Speaker`` for volume changes (None: ignored).
        events_path: JSON-lines log of every action and its outcome (None: not written).
        on_action: extra hook per action (e.g. home automation, a phone gateway).
        plan: the care plan: who the replies name ("I have told Anna") and who the
            fallback calls when an alert cannot be stored (None: "your caregivers").
        alarm: sounds the local alarm and returns whether it did (None: the siren of
            :class:`device.alarm.LocalAlarm` on the default audio output when there is a
            ``speaker``, else no alarm).
    """

    def __init__(self, resident: str, alerts: Any = None, speaker: Any = None,
                 events_path: Path | None = None,
                 on_action: Callable[[Action], None] | None = None,
                 plan: CarePlan | None = None,
                 alarm: Callable[[], bool] | None = None) -> None:
        self.resident = resident
        self.alerts = alerts
        self.speaker = speaker
        self.events_path = events_path
        self.on_action = on_action
        self.plan = plan
        if alarm is None and speaker is not None:
            from device.alarm import LocalAlarm

            alarm = LocalAlarm()
        self.alarm = alarm
        self.raised: list[Any] = []
        """Alerts handed to the alert service (stored, or held in memory and retried)."""
        self.told_wait_s = TOLD_WAIT_S
        """How long a reply waits for the broker's acknowledgement of an alert before it
        says the alert is saved and will be sent, instead of "I have told ..."."""
        self._handlers: dict[str, Handler] = {}
        self.register("alert", self._alert)
        self.register("volume", self._volume)
        self.register("event", lambda a: Outcome("event", "done"))
        self.register("cancel", lambda a: Outcome("cancel", "done"))

    def register(self, kind: str, handler: Handler) -> None:
        """Carry out actions of ``kind`` with ``handler`` (replaces an earlier one).

        Raises:
            ValueError: ``kind`` is not one of ACTION_KINDS.
        """
        if kind not in ACTION_KINDS:
            raise ValueError(f"cannot register a handler for unknown action kind {kind!r}; "
                             f"use one of {ACTION_KINDS}")
        self._handlers[kind] = handler

    def handles(self, kind: str) -> bool:
        return kind in self._handlers

    def run(self, actions: tuple[Action, ...]) -> list[Outcome]:
        """Carry out ``actions`` in order; returns one outcome each (alert ids in
        ``outcome.data["alert"]``)."""
        outcomes: list[Outcome] = []
        for action in actions:
            handler = self._handlers.get(action.kind)
            outcome = handler(action) if handler is not None else \
                Outcome(action.kind, "skipped", data={"reason": "no handler on this device"})
            if outcome.kind != action.kind:
                raise ValueError(f"the {action.kind} handler returned a {outcome.kind} outcome")
            outcomes.append(outcome)
            record = {**action.to_json(), "outcome": outcome.to_json()}
            log.info("action %s", json.dumps(record))
            if self.events_path is not None:
                with self.events_path.open("a") as f:
                    f.write(json.dumps({"ts": time.time(), **record}) + "\n")
            if self.on_action is not None:
                self.on_action(action)
        return outcomes

    # -- built-in handlers --------------------------------------------------------------
    def _volume(self, action: Action) -> Outcome:
        if self.speaker is None:
            return Outcome("volume", "skipped", data={"reason": "no speaker"})
        if action.data.get("direction") == "up":
            self.speaker.volume_up()
        else:
            self.speaker.volume_down()
        return Outcome("volume", "done")

    def _caregivers(self) -> list[Any]:
        return [c for c in (self.plan.contacts if self.plan else ()) if c.caregiver]

    def _who(self, alert: Any = None) -> str:
        notify = getattr(alert, "notify", None)
        if notify:
            return str(notify)
        names = self._caregivers()
        return names[0].name if names else "your caregivers"

    def _alert(self, action: Action) -> Outcome:
        from health.alerting import AlertNotStored

        kind = str(action.data["type"])
        what = "your call for help" if kind in RESIDENT_CALLS else "your message"
        if self.alerts is None:
            return self._fallback(action, Outcome(
                "alert", "failed", f"I cannot reach {self._who()} from here.",
                {"error": "no alert service on this device"}))
        key = action.data.get("key")
        try:
            # what the resident said is never suppressed (docs/safety-path.md)
            alert = self.alerts.raise_alert(
                kind=kind, level=str(action.data["level"]), reason=str(action.data["reason"]),
                resident=self.resident, key=None if key is None else str(key),
                details=_details(action), never_suppress=kind in RESIDENT_WORDS)
        except AlertNotStored as exc:
            self.raised.append(exc.alert)
            log.error("alert %s could not be stored (%s): held in memory and retried; "
                      "falling back", exc.alert.id, exc.error)
            return self._fallback(action, Outcome(
                "alert", "pending",
                f"I am trying to reach {self._who(exc.alert)} and will keep trying.",
                {"alert": exc.alert.id, "error": str(exc.error),
                 "published_directly": exc.published, "notify": self._who(exc.alert)}))
        if alert is None:
            if kind in RESIDENT_WORDS:  # cannot happen with never_suppress: say so, fall back
                return self._fallback(action, Outcome(
                    "alert", "failed", f"I could not reach {self._who()}.",
                    {"error": "the alert service dropped the alert"}))
            return Outcome("alert", "skipped", data={"reason": "suppressed: already sent"})
        self.raised.append(alert)
        who = self._who(alert)
        if self._acknowledged(alert):  # unknown: never say "told"
            return Outcome("alert", "done", f"I have told {who}.", {"alert": alert.id})
        return Outcome("alert", "stored",
                       f"I have saved {what} and will keep trying to reach {who}.",
                       {"alert": alert.id, "broker": "down"})

    def _acknowledged(self, alert: Any) -> bool:
        """Whether the broker has acknowledged `alert` (waiting up to ``told_wait_s``): a
        connection that still looks up may be to a broker that has just died or hangs.
        A service that cannot say (no ``acknowledged``) counts by its connection."""
        if not getattr(self.alerts, "connected", False):
            return False
        ack = getattr(self.alerts, "acknowledged", None)
        if not callable(ack):
            return True
        return bool(ack(alert.dedup_key, self.told_wait_s))

    def _fallback(self, action: Action, first: Outcome) -> Outcome:
        """The alert is not kept: sound the local alarm and call the next caregiver, and
        say only what of that really happened."""
        say = [first.say]
        data = dict(first.data)
        if self.alarm is not None:
            try:
                data["alarm"] = bool(self.alarm())
            except OSError as exc:  # no audio output: say nothing about an alarm
                log.error("local alarm failed: %s", exc)
                data["alarm"] = False
            if data["alarm"]:
                say.append("I am sounding the alarm so that someone nearby can hear.")
        caregivers = self._caregivers()
        call = self._handlers.get("call")
        if call is not None and caregivers:
            # the caregiver after the one the alert was meant for (by phone, another path)
            names = [c.name for c in caregivers]
            who = str(first.data.get("notify") or self._who())
            nxt = caregivers[(names.index(who) + 1) % len(names)] if who in names \
                else caregivers[0]
            out = call(Action("call", {"contact": nxt.name, "relation": nxt.relation,
                                       "phone": nxt.phone, "reason": "alert not stored"}))
            data["call"] = out.to_json()
            if out.say:
                say.append(out.say)
        return Outcome(first.kind, first.status, " ".join(s for s in say if s), data)


def _details(action: Action) -> dict[str, Any]:
    return {k: v for k, v in action.data.items() if k not in ("type", "level", "reason", "key")}
