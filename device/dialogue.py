"""Dialogue manager: intent + slots + state -> reply text and actions.

Safety first: a clear ``emergency_help`` or ``fall_report`` produces an ``alert`` action at
once, whatever the manager was waiting for; a doubtful one (low score, no plain safety
words) is checked with one question and alerts unless the resident explicitly says no
(see :mod:`device.confirm`). Replies are short, clear sentences. The clock is
injected so tests (and the demo) control time.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from device import advice, medication, phrases, safety
from device.careplan import CarePlan, Contact, DoseLog
from device.confirm import PendingCheck, SafetyConfirmer
from device.home_control import KIND_WORDS, HomeCatalog
from device.reminders import Reminder, ReminderBook
from device.replies import Action, Reply
from device.safety_decision import Thresholds
from device.settings_home import HomeDevice
from device.settings_sections import SafetySettings
from device.slots import extract_slots, resolve_time, second_person

__all__ = ["DialogueManager", "Reminder"]

class DialogueManager:
    """Maps one understood utterance at a time to a :class:`Reply`.

    Args:
        plan: the resident's care plan (name, medicines, contacts, daily reminders).
        clock: returns the local time now (default ``datetime.now``).
        doses: dose log; a fresh in-memory one by default.
        safety: when a safety intent alerts at once or is checked first (default settings).
        pending_path: file that keeps a pending safety question across restarts.
        reminders_path: file that keeps one-off reminders and what has fired across
            restarts (:class:`device.reminders.ReminderBook`; None: memory only).
        home: the home's devices (:class:`device.home_control.HomeCatalog`; None: none
            set up, so home control says it cannot switch things yet).
    """

    def __init__(self, plan: CarePlan, clock: Callable[[], datetime] = datetime.now,
                 doses: DoseLog | None = None, safety: SafetySettings | None = None,
                 pending_path: Path | None = None,
                 reminders_path: Path | None = None, home: HomeCatalog | None = None) -> None:
        self.plan = plan
        self.home = home if home is not None else HomeCatalog()
        self._home_ask: tuple[tuple[HomeDevice, ...], str] | None = None
        """The devices a "Which light?" question offered, and the action asked for."""
        self.confirmer = SafetyConfirmer(plan, safety or SafetySettings(), clock, pending_path)
        self.clock = clock
        self.doses = doses if doses is not None else DoseLog(plan)
        self.book = ReminderBook(plan, self.doses, reminders_path)
        self.last: Reply | None = None
        self.expects: str | None = None
        self._context: dict[str, str] = {}
        self._turn = itertools.count()

    # -- public ---------------------------------------------------------------------
    def handle(self, intent: str, text: str, slots: dict[str, str] | None = None,
               score: float | None = None, from_alternative: int = 0,
               scores: dict[str, float] | None = None, sounds_like: str = "",
               thresholds: dict[str, Thresholds] | None = None,
               fast_path: bool = False, typed: bool = False,
               read_tails: Callable[[], Sequence[tuple[str, dict[str, float]]]] | None = None
               ) -> Reply:
        """The reply to ``text`` understood as ``intent`` (slots extracted if not given).
        ``score`` (0..1) is the intent's probability; None counts as certain.
        ``from_alternative``: k > 0 when ``intent`` and ``text`` come from the k-th ASR
        n-best alternative (a safety label from there is always asked about).
        ``scores``: every label's probability (the safety decision's thresholds use
        them). The safety decision may answer a safety label as another label
        (:mod:`device.safety_decision`). ``sounds_like``: the words heard when ``text`` is
        a sounds-like reading of them (speech.sounds_like). ``thresholds``: the safety
        thresholds of this utterance in place of the confirmer's (a spoken turn's).
        ``fast_path``: words that the hybrid recognizer's fast path alone heard;
        ``typed``: typed text, not a transcript; ``read_tails``: gives a long turn's later
        parts with the model's probabilities of each (device.safety_decision.decide)."""
        checked, answer_as = self.confirmer.route(intent, text.strip(), score,
                                                  from_alternative, scores, sounds_like,
                                                  thresholds, fast_path, typed, read_tails,
                                                  answering=self.expects is not None)
        if checked is None and answer_as != intent:
            intent, slots = answer_as, None
        slots = dict(slots) if slots is not None else extract_slots(intent, text)
        reply = checked if checked is not None else self._dispatch(intent, text.strip(), slots)
        self.expects = reply.expects
        if intent != "repeat" or checked is not None:
            self.last = reply
        return reply

    @property
    def pending_safety(self) -> PendingCheck | None:
        """The doubtful safety event waiting for an answer, if any."""
        return self.confirmer.pending

    def tick(self, now: datetime | None = None) -> Reply | None:
        """The alert reply when a safety question has gone unanswered past its timeout;
        the runtime calls this every tick (None: nothing to do)."""
        return self._settle(self.confirmer.tick(now))

    def expire_pending(self, note: str = "no answer before the device stopped",
                       check: str = "no_answer") -> Reply | None:
        """Raise the alert of a pending safety question now (e.g. at shutdown; ``check``
        names why in the alert: "no_answer", or "second_opinion" when Whisper heard the
        call too)."""
        return self._settle(self.confirmer.expire(note, check))

    def _settle(self, reply: Reply | None) -> Reply | None:
        if reply is not None:
            self.expects = reply.expects
            self.last = reply
        return reply

    @property
    def reminders(self) -> list[Reminder]:
        """One-off reminders still to come."""
        return list(self.book.one_off)

    def due_reminders(self, now: datetime | None = None) -> list[Reminder]:
        """Reminders due by ``now``, each once: one-off, daily care-plan ones, one per
        medicine dose time not yet taken; late ones (missed while the device was off)
        carry ``late`` (:func:`device.reminders.reminder_text` says their time)."""
        return self.book.due(now or self.clock())

    def unconfirmed_doses(self, now: datetime | None = None) -> tuple[Action, ...]:
        """Alert actions (level warning) for doses unconfirmed ``care_plan.
        dose_confirm_after_min`` after their time; each dose time once."""
        return tuple(self.book.unconfirmed(now or self.clock(), self.plan.resident))

    def mark_daily_fired_before(self, now: datetime) -> None:
        """At start-up: on a first start, today's past reminders are not replayed; after a
        restart, those missed while the device was off fire late (their state is kept)."""
        self.book.start(now)

    # -- dispatch -------------------------------------------------------------------
    def _dispatch(self, intent: str, text: str, slots: dict[str, str]) -> Reply:
        if intent == "stop":
            return Reply("Okay.", intent, (Action("cancel"),))
        if intent == "repeat":
            if self.last is None:
                return Reply("I have not said anything yet. How can I help?", intent)
            return Reply(self.last.text, intent, (), self.last.slots, self.last.expects)
        if self.expects and intent not in ("volume_up", "volume_down"):
            follow = self._follow_up(intent, text)
            if follow is not None:
                return follow
        handler = getattr(self, f"_on_{intent}", None)
        if handler is None:
            return self._on_out_of_scope(text, slots)
        reply: Reply = handler(text, slots)
        return reply

    def _reply(self, text: str, intent: str, actions: tuple[Action, ...] = (),
               slots: dict[str, str] | None = None, expects: str | None = None) -> Reply:
        return Reply(text, intent, actions, slots or {}, expects)

    # -- symptoms (safety intents are handled by the confirmer) -----------------------
    def _on_symptom_report(self, text: str, slots: dict[str, str]) -> Reply:
        self._context["symptom"] = text
        return safety.symptom_reply(self.plan, text)

    # -- follow-ups (affirm / deny / slot filling) -----------------------------------
    def _follow_up(self, intent: str, text: str) -> Reply | None:
        kind, self.expects = self.expects, None
        yes, no = intent == "affirm", intent == "deny"
        if kind == "symptom_worse" and (yes or no):
            return safety.symptom_worse_reply(self.plan, intent, yes,
                                              self._context.get("symptom", ""))
        if kind == "confirm_dose" and (yes or no):
            if yes:
                return self._dose_reply(intent, medication.confirm_open(
                    self.plan, self.doses, self.clock()))
            return self._reply("Please take it now, with a glass of water. "
                               "Tell me when you have.", intent)
        if kind == "confirm_early" and (yes or no):
            if yes:
                return self._dose_reply(intent, medication.confirm_early(
                    self.plan, self.doses, self.clock(), self._context.pop("dose_medicine", "")))
            return self._reply("All right. Take it at its time; I will remind you.", intent)
        if kind == "dose_which":
            chosen = medication.choose_open(self.plan, self.doses, self.clock(), text)
            if chosen is not None:
                return self._dose_reply(intent, chosen)
            if no:
                return self._reply("All right. I did not note a dose.", intent)
        if kind == "offer_fun" and (yes or no):
            if yes:
                return self._on_companionship("joke", {})
            return self._reply("All right. I am here if you need me.", intent)
        if kind == "reminder_time":
            when = resolve_time(text, self.clock())
            if when is not None:
                return self._schedule(self._context.pop("task", "something"), when, intent)
            if no:
                return self._reply("All right. No reminder.", intent)
        if kind == "home_device" and self._home_ask is not None:
            offered, action = self._home_ask
            self._home_ask = None
            picked = self.home.pick(text, offered)
            if picked:
                action = extract_slots("home_control", text).get("action", action)
                return self._home_reply(picked, action, intent)
            if no:
                return self._reply("All right. I will leave them as they are.", intent)
        if kind == "contact":
            for word in re.findall(r"[a-z]+", text.lower()):
                contact = self.plan.find_contact(word)
                if contact:
                    return self._call(contact, intent)
            if no:
                return self._reply("All right. I will not call anyone.", intent)
        return None

    # -- medicines -------------------------------------------------------------------
    def _on_medication_query(self, text: str, slots: dict[str, str]) -> Reply:
        say, expects = medication.answer_query(self.plan, self.doses, self.clock(), text)
        return self._reply(say, "medication_query", expects=expects)

    def _on_medication_taken(self, text: str, slots: dict[str, str]) -> Reply:
        return self._record_doses("medication_taken", text)

    def _record_doses(self, intent: str, text: str) -> Reply:
        med = self.plan.find_medicine(text)
        self._context["dose_medicine"] = med.name if med is not None else ""
        return self._dose_reply(intent, medication.record_doses(self.plan, self.doses,
                                                                self.clock(), text))

    def _dose_reply(self, intent: str,
                    result: tuple[str, tuple[Action, ...], str | None]) -> Reply:
        say, actions, expects = result
        return self._reply(say, intent, actions, expects=expects)

    # -- reminders, calls, home ------------------------------------------------------
    def _on_reminder_set(self, text: str, slots: dict[str, str]) -> Reply:
        task = slots.get("task", "")
        when = resolve_time(slots["time"], self.clock()) if "time" in slots else None
        if not task:
            task = "that"
        if when is None:
            self._context["task"] = task
            return self._reply("When should I remind you?", "reminder_set", slots=slots,
                               expects="reminder_time")
        return self._schedule(task, when, "reminder_set", slots)

    def _schedule(self, task: str, when: datetime, intent: str,
                  slots: dict[str, str] | None = None) -> Reply:
        rem = self.book.add(second_person(task), when)  # stored before it is promised
        day = "" if when.date() == self.clock().date() else " tomorrow"
        return self._reply(f"I will remind you to {rem.task} at "
                           f"{phrases.say_time(when)}{day}.", intent,
                           (Action("reminder", rem.to_json()),), slots)

    def _on_call_family(self, text: str, slots: dict[str, str]) -> Reply:
        names = " or ".join(c.name for c in self.plan.contacts[:3])
        if not self.plan.contacts:
            return self._reply("I have no contacts saved. Please ask your carer to add them.",
                               "call_family", slots=slots)
        word = slots.get("contact")
        contact = self.plan.find_contact(word) if word else None
        if contact is None and word in ("family", "someone"):
            contact = self.plan.contacts[0]
        if contact is not None:
            return self._call(contact, "call_family", slots)
        lead = f"I do not have a number for {word}. " if word else ""
        return self._reply(f"{lead}Who should I call? {names}?", "call_family", slots=slots,
                           expects="contact")

    def _call(self, c: Contact, intent: str, slots: dict[str, str] | None = None) -> Reply:
        # the call service's outcome says whether the request went out (the outcome rule)
        return self._reply("", intent, (Action("call", {"contact": c.name, "relation": c.relation,
                                                        "phone": c.phone}),), slots)

    def _on_home_control(self, text: str, slots: dict[str, str]) -> Reply:
        """One configured device found: its action (the controller's outcome says whether
        it happened, docs/home-control.md); none or several: a question, never a guess."""
        action = slots.get("action") or "on"
        if not self.home:
            return self._reply("I cannot switch things at home yet: nothing is set up. Please "
                               "ask your carer to add your lights and heating.", "home_control",
                               slots=slots)
        found = self.home.find(text, slots)
        if len(found) == 1:
            return self._home_reply(found, action, "home_control", slots)
        kind = slots.get("device", "")
        kinds = {d.device for d in found}
        if found:
            what = KIND_WORDS[kinds.pop()] if len(kinds) == 1 else "one"
            ask = f"Which {what}: {HomeCatalog.listing(found)}?"
        else:
            same = [d for d in self.home.devices if d.device == kind]
            found = same or list(self.home.devices)
            said = " ".join(w for w in (slots.get("area", ""), KIND_WORDS.get(kind, "")) if w)
            lead = f"I do not know a {said} here. " if said else ""
            ask = f"{lead}Which one should I control: {HomeCatalog.listing(found[:6])}?"
        self._home_ask = (tuple(found), action)
        return self._reply(ask, "home_control", slots=slots, expects="home_device")

    def _home_reply(self, devices: list[HomeDevice], action: str, intent: str,
                    slots: dict[str, str] | None = None) -> Reply:
        return self._reply("", intent, tuple(
            Action("home", {"name": d.name, "device": d.device, "area": d.area,
                            "action": action}) for d in devices), slots)

    # -- small talk, info ------------------------------------------------------------
    def _on_time_query(self, text: str, slots: dict[str, str]) -> Reply:
        now = self.clock()
        if re.search(r"\b(date|day|month|year|today)\b", text.lower()) and \
                not re.search(r"\btime\b", text.lower()):
            return self._reply(f"Today is {phrases.say_date(now)}, {now.year}.", "time_query")
        return self._reply(f"It is {phrases.say_time(now)}.", "time_query")

    def _on_companionship(self, text: str, slots: dict[str, str]) -> Reply:
        turn = next(self._turn)
        low = text.lower()
        if "joke" in low or "laugh" in low or text == "joke":
            return self._reply(phrases.JOKES[turn % len(phrases.JOKES)], "companionship")
        if "story" in low or "stories" in low:
            return self._reply(phrases.STORIES[turn % len(phrases.STORIES)], "companionship")
        return self._reply(phrases.CHAT[turn % len(phrases.CHAT)] +
                           " I can also tell you a joke. Would you like one?", "companionship",
                           expects="offer_fun")

    def _on_advice_request(self, text: str, slots: dict[str, str]) -> Reply:
        topic = advice.find_topic(text)
        if topic is None:
            return self._reply("I can give tips on sleep, food, exercise, drinking enough, "
                               "and keeping warm or cool. Which would you like?",
                               "advice_request")
        tips = advice.advice_for(topic, next(self._turn))
        return self._reply(" ".join(tips) + " " + advice.DISCLAIMER, "advice_request",
                           slots={"topic": topic})

    def _on_greeting(self, text: str, slots: dict[str, str]) -> Reply:
        part = phrases.day_part(self.clock())
        return self._reply(f"Good {part}, {self.plan.resident}. How are you today?", "greeting")

    def _on_farewell(self, text: str, slots: dict[str, str]) -> Reply:
        return self._reply(f"Goodbye, {self.plan.resident}. I am here if you need me.",
                           "farewell")

    def _on_thanks(self, text: str, slots: dict[str, str]) -> Reply:
        return self._reply("You are welcome.", "thanks")

    def _on_affirm(self, text: str, slots: dict[str, str]) -> Reply:
        return self._reply("Good. How else can I help?", "affirm")

    def _on_deny(self, text: str, slots: dict[str, str]) -> Reply:
        return self._reply("All right.", "deny")

    def _on_volume_up(self, text: str, slots: dict[str, str]) -> Reply:
        return self._reply("Okay. I will speak louder.", "volume_up",
                           (Action("volume", {"direction": "up"}),))

    def _on_volume_down(self, text: str, slots: dict[str, str]) -> Reply:
        return self._reply("Okay. I will speak more quietly.", "volume_down",
                           (Action("volume", {"direction": "down"}),))

    def _on_out_of_scope(self, text: str, slots: dict[str, str]) -> Reply:
        if not text.strip():  # nothing was heard (silence, a cough the recognizer dropped)
            return self._reply("Sorry, I did not hear anything. Please say it again.",
                               "out_of_scope")
        return self._reply("Sorry, I did not understand that. I can tell you the time, "
                           "remind you, call your family, or tell you a joke. "
                           "Would you like a joke?", "out_of_scope", expects="offer_fun")

