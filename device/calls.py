"""Call requests: "call my daughter" asks Anna to call the resident, and the resident is
told only what really happened (docs/home-control.md, "Calls").

A request is committed to a durable outbox (``health.outbox``, the same store and
delivery as alerts: ``health.delivery.OutboxPublisher``) and published with QoS 1 on
``<prefix>/<home>/calls`` as JSON :class:`CallRequest`. A caregiver's phone app or a Home
Assistant automation turns it into a ring and answers on ``<prefix>/<home>/calls/<id>/ack``
(optional JSON ``{"by": "Anna", "status": "calling" | "declined" | "seen"}``).

What the resident hears: "I have asked your daughter Anna to call you." once the broker
has the request (outcome ``done``); "I have saved your request ..." while the broker is
unreachable (``stored``; it goes out when the broker is back, also after a restart);
"Anna is calling you now." only once she acknowledges (an :class:`Announcement` the
runtime speaks); "Anna has not answered yet." after ``calls.answer_timeout_s``.
"""

from __future__ import annotations

import collections
import json
import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from device.replies import Action, Outcome
from device.settings_home import CallSettings
from health.delivery import OutboxPublisher, _published
from health.outbox import PendingMessage

__all__ = ["Announcement", "CallAnswer", "CallRequest", "CallService", "calls_disabled",
           "who"]

log = logging.getLogger(__name__)

ANSWER_STATUSES = ("calling", "declined", "seen")


def who(contact: str, relation: str = "") -> str:
    """How a reply names a contact: "your daughter Anna", or "Anna"."""
    return f"your {relation} {contact}" if relation else contact


@dataclass(frozen=True)
class CallRequest:
    """One request, as published on ``<prefix>/<home>/calls``."""

    id: str
    contact: str
    """The contact's name, as in the care plan."""
    relation: str
    """"daughter", "son", "nurse" ("" when not given)."""
    reason: str
    """Why, in words a person reads ("Mary asked you to call her")."""
    ts: float
    """When the resident asked, seconds since the epoch."""
    resident: str = ""
    phone: str = ""
    """The contact's number from the care plan ("" when none), for a dialler."""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "contact": self.contact, "relation": self.relation,
                "reason": self.reason, "ts": self.ts, "resident": self.resident,
                "phone": self.phone}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> CallRequest:
        return cls(str(d["id"]), str(d["contact"]), str(d.get("relation", "")),
                   str(d.get("reason", "")), float(d["ts"]), str(d.get("resident", "")),
                   str(d.get("phone", "")))


@dataclass(frozen=True)
class CallAnswer:
    """A caregiver's acknowledgement on ``<prefix>/<home>/calls/<id>/ack``."""

    id: str
    status: str = "calling"
    """"calling" (she is calling now), "declined" (she cannot just now) or "seen" (she
    has read it; also what an ack whose payload cannot be read counts as)."""
    by: str = ""
    """Who answered ("" when the payload did not say)."""

    def __post_init__(self) -> None:
        if self.status not in ANSWER_STATUSES:
            raise ValueError(f"call answer status {self.status!r} must be one of "
                             f"{ANSWER_STATUSES}")

    def to_json(self) -> dict[str, Any]:
        return {"by": self.by, "status": self.status}

    @classmethod
    def from_message(cls, call_id: str, payload: bytes) -> CallAnswer:
        """From an ack message; an empty payload means "calling". ValueError when the
        payload is not JSON or names an unknown status."""
        if not payload.strip():
            return cls(call_id)
        d = json.loads(payload)
        if not isinstance(d, dict):
            raise ValueError("a call ack must be a JSON object")
        return cls(call_id, str(d.get("status", "calling")), str(d.get("by", "")))


@dataclass(frozen=True)
class Announcement:
    """Something to tell the resident about a call request, unprompted."""

    call: CallRequest
    status: str
    """"calling", "declined" or "unanswered"."""
    say: str

    def to_json(self) -> dict[str, Any]:
        return {"call": self.call.to_json(), "status": self.status, "say": self.say}


def calls_disabled(action: Action) -> Outcome:
    """The ``call`` handler when ``calls.enabled`` is false."""
    name = str(action.data.get("contact", "anyone"))
    return Outcome("call", "skipped", f"I cannot ask {name} to call you from this device yet. "
                   "Please ask your carer to set up calls.", {"error": "calls are disabled"})


class CallService(OutboxPublisher):
    """Sends call requests and hears their acknowledgements.

    Args:
        settings: ``health.mqtt_settings.MqttSettings`` (broker, prefix, home).
        outbox_path: its own SQLite outbox (kept across restarts).
        calls: the ``calls`` settings section.
        resident: the resident's name, put in the request's reason.
        clock: seconds since the epoch (inject a fake one in tests).
        Other keyword arguments: see :class:`~health.delivery.OutboxPublisher`.
    """

    def __init__(self, settings: Any, outbox_path: str | Path,
                 calls: CallSettings | None = None, resident: str = "",
                 clock: Callable[[], float] = time.time, **kwargs: Any) -> None:
        super().__init__(settings, outbox_path, clock=clock, discovery=False, **kwargs)
        self.calls = calls or CallSettings()
        self.resident = resident
        self.topic_calls = settings.topic("calls")
        # its own presence topic, so that it never speaks for the alert service's status
        self.topic_status = settings.topic("calls", "status")
        self.requests: dict[str, CallRequest] = {}
        """Requests of this run, by id."""
        self.answers: dict[str, CallAnswer] = {}
        """Acknowledgements received, by call id."""
        self._inbox: collections.deque[CallAnswer] = collections.deque()
        self._overdue_told: set[str] = set()
        self._calls_lock = threading.Lock()
        """Guards ``requests`` (added by turns, read by the runtime's ticks)."""

    def _default_id(self) -> str:
        return f"eldercare-{self.settings.prefix}-{self.settings.home}-calls"

    def _subscriptions(self) -> list[tuple[str, int]]:
        return [(self.settings.topic("calls", "+", "ack"), 1)]

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        parts = message.topic.split("/")
        if len(parts) < 2 or parts[-1] != "ack":
            return
        try:
            answer = CallAnswer.from_message(parts[-2], bytes(message.payload))
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            log.warning("call ack for %s is malformed (%s); taken as 'seen'", parts[-2], exc)
            answer = CallAnswer(parts[-2], "seen")
        self._inbox.append(answer)

    # -- the handler ----------------------------------------------------------------
    def request(self, contact: str, relation: str = "", reason: str = "",
                phone: str = "") -> tuple[CallRequest, bool]:
        """Store and publish a request; returns it and whether the broker acknowledged it
        within ``calls.broker_wait_s`` (it is stored, and sent later, either way).

        Raises:
            OSError, sqlite3.Error: the outbox could not store it (nothing was sent).
        """
        now = self.clock()
        req = CallRequest(f"call-{int(now * 1000)}-{uuid.uuid4().hex[:6]}", contact, relation,
                          reason or f"{self.resident or 'The resident'} asked you to call",
                          now, self.resident, phone)
        msg = PendingMessage(req.id, self.topic_calls, json.dumps(req.to_json()).encode(), now)
        self.outbox.store([msg])
        with self._calls_lock:
            self.requests[req.id] = req
        self._publish(msg)
        return req, self._delivered(req.id, self.calls.broker_wait_s)

    def _delivered(self, key: str, timeout_s: float) -> bool:
        """Whether the broker acknowledged (PUBACK) message ``key`` within ``timeout_s``."""
        if self._client is None:
            return False
        deadline = time.monotonic() + timeout_s
        while True:
            with self._lock:
                fl = self._inflight.get(key)
                if fl is None or any(map(_published, fl.infos)):
                    return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)

    def execute(self, action: Action) -> Outcome:
        """The ``call`` handler: {contact, relation, phone, reason}."""
        contact = str(action.data.get("contact", "")).strip()
        relation = str(action.data.get("relation", ""))
        if not contact:
            return Outcome("call", "failed", "I do not know whom to ask.",
                           {"error": "no contact"})
        name = who(contact, relation)
        try:
            req, delivered = self.request(contact, relation, str(action.data.get("reason", "")),
                                          str(action.data.get("phone", "")))
        except (OSError, sqlite3.Error) as exc:
            log.error("call request to %s could not be stored: %s", contact, exc)
            return Outcome("call", "failed", f"I could not send your request to {name}. "
                           "Please try again in a moment.", {"contact": contact,
                                                             "error": str(exc)})
        data = {"id": req.id, "contact": contact, "relation": relation,
                "topic": self.topic_calls}
        if delivered:
            return Outcome("call", "done", f"I have asked {name} to call you.", data)
        return Outcome("call", "stored", f"I have saved your request and will ask {name} to "
                       "call you as soon as the connection is back.", data)

    # -- what to tell the resident later --------------------------------------------------
    def announcements(self, now: float | None = None) -> list[Announcement]:
        """Answers received since the last call ("Anna is calling you now."), and requests
        left unanswered past ``calls.answer_timeout_s`` (told once each)."""
        now = self.clock() if now is None else now
        with self._calls_lock:
            requests = dict(self.requests)
        out: list[Announcement] = []
        while self._inbox:
            answer = self._inbox.popleft()
            if answer.id in self.answers:
                continue  # a re-sent ack
            self.answers[answer.id] = answer
            req = requests.get(answer.id)
            if req is None:
                log.info("ack for call %s, which this run did not send; ignored", answer.id)
                continue
            if answer.status == "calling":
                out.append(Announcement(req, "calling", f"{req.contact} is calling you now."))
            elif answer.status == "seen":
                out.append(Announcement(req, "seen", f"{req.contact} has seen your request."))
            else:
                out.append(Announcement(req, "declined", f"{req.contact} cannot call you just "
                                        "now, but has seen your request."))
        for req in requests.values():
            if req.id in self.answers or req.id in self._overdue_told:
                continue
            if now - req.ts >= self.calls.answer_timeout_s:
                self._overdue_told.add(req.id)
                out.append(Announcement(req, "unanswered", f"{req.contact} has not answered "
                                        "your request yet. I will tell you as soon as there "
                                        "is an answer."))
        return out
