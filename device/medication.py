"""Medicine questions and doses taken, answered against the care plan and the dose log.

Answers name each dose by its time of day ("your metformin and amlodipine at eight
o'clock this morning"), grouped by dose time, and never count a dose whose time has not
come. "I took my pills" records the dose that is due; when two dose times are open it
asks which, and a dose more than a few minutes ahead is recorded only after the resident
says yes (docs/audio-and-careplan.md).
"""

from __future__ import annotations

import re
from datetime import datetime

from device import phrases
from device.careplan import EARLY_MIN, CarePlan, DoseLog, Medicine
from device.replies import Action

__all__ = ["EARLY_ASK_H", "answer_query", "choose_open", "confirm_early", "confirm_open",
           "record_doses", "when_phrase"]

EARLY_ASK_H = 2.0
"""Hours ahead within which "I took my pills" offers to note the next dose early."""

Slot = tuple[str, datetime, tuple[Medicine, ...]]
_PARTS = {"morning": (0, 12), "afternoon": (12, 18), "lunch": (11, 15),
          "evening": (18, 24), "night": (18, 24), "tonight": (18, 24)}


def when_phrase(at: datetime, now: datetime) -> str:
    """``"at eight o'clock this morning"``, ``"... yesterday evening"``, ``"... tomorrow
    morning"`` (``at`` and ``now`` in the resident's zone)."""
    part = "night" if at.hour >= 21 or at.hour < 5 else phrases.day_part(at)
    days = (at.date() - now.date()).days
    if days == 0:
        day = "tonight" if part == "night" else f"this {part}"
    elif days == -1:
        day = "last night" if part == "night" else f"yesterday {part}"
    elif days == 1:
        day = f"tomorrow {part}"
    else:
        day = f"on {phrases.say_date(at)}"
    return f"at {phrases.say_clock(at)} {day}"


def _names(meds: tuple[Medicine, ...] | list[str]) -> str:
    names = [m if isinstance(m, str) else m.name for m in meds]
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _group(slots: list[Slot], now: datetime) -> str:
    return ", and ".join(f"your {_names(meds)} {when_phrase(at, now)}"
                         for _slot, at, meds in slots)


def answer_query(plan: CarePlan, doses: DoseLog, now: datetime,
                 text: str) -> tuple[str, str | None]:
    """Reply text and what to expect next ("confirm_dose" or None) for a medicine question:
    which medicines, when the next dose is, or whether today's doses were taken."""
    if not plan.medicines:
        return ("I do not have your medicines in my list. "
                "Please ask your carer to add them.", None)
    now = plan.localize(now)
    low = text.lower()
    if re.search(r"\b(which|what) (medicines?|medications?|pills|tablets)\b|\bwhat do i take\b",
                 low):
        names = ", ".join(f"{m.name} {m.dose}".strip() for m in plan.medicines)
        return f"Your medicines are: {names}.", None
    upcoming = doses.upcoming(now)
    nxt = (f" Your next dose is {_names(upcoming[0][2])} {when_phrase(upcoming[0][1], now)}."
           if upcoming else "")
    if re.search(r"\b(when|what time|next)\b", low):
        if not upcoming:
            return "You have no more doses planned.", None
        return nxt.strip(), None
    open_slots = doses.open_slots(now)  # only doses whose time has come
    taken = doses.taken_today(now)
    took = ""
    if taken:
        by_slot: dict[str, list[str]] = {}
        for d in taken:
            by_slot.setdefault(d.slot, []).append(d.medicine)
        took = "You took " + ", and ".join(
            f"your {_names(names)} {when_phrase(_slot_dt(now, slot), now)}"
            for slot, names in sorted(by_slot.items())) + ". "
    if open_slots:
        n = sum(len(meds) for _s, _a, meds in open_slots)
        parts = list(dict.fromkeys(
            when_phrase(_slot_dt(now, d.slot), now).split(" ", 3)[-1] for d in taken))
        took = f"You took {' and '.join(parts)}'s doses. " if taken else ""
        return (f"{took}I have no record of {_group(open_slots, now)}. "
                f"Did you take {'them' if n > 1 else 'it'}?", "confirm_dose")
    if taken:
        return f"Yes. {took}You are up to date.{nxt}", None
    return f"No doses were due yet today.{nxt}", None


def _slot_dt(now: datetime, hhmm: str) -> datetime:
    hh, mm = (int(x) for x in hhmm.split(":"))
    return now.replace(hour=hh, minute=mm, second=0, microsecond=0)


def _recorded(slots: list[Slot], doses: DoseLog, now: datetime
              ) -> tuple[str, tuple[Action, ...], str | None]:
    recorded = []
    for _slot, at, meds in slots:
        recorded += doses.add(meds, at, now)
    if not recorded:
        return "Thank you. Those doses were already noted.", (), None
    actions = tuple(Action("dose", {"medicine": d.medicine, "slot": d.slot}) for d in recorded)
    return f"Thank you. I have noted {_group(slots, now)}.", actions, None


def _pick(slots: list[Slot], text: str) -> list[Slot] | None:
    """The slots the words choose ("the morning one", "both"); None when they do not."""
    low = text.lower()
    if re.search(r"\b(both|all|all of them|each)\b", low):
        return slots
    for word, (lo, hi) in _PARTS.items():
        if re.search(rf"\b{word}\b", low):
            chosen = [s for s in slots if lo <= s[1].hour < hi]
            return chosen or None
    return None


def record_doses(plan: CarePlan, doses: DoseLog, now: datetime,
                 text: str) -> tuple[str, tuple[Action, ...], str | None]:
    """"I took my pills": reply, dose actions, and what to expect next ("dose_which" when
    two dose times are open, "confirm_early" when the next dose is ahead, else None)."""
    now = plan.localize(now)
    med = plan.find_medicine(text)

    def only(slots: list[Slot]) -> list[Slot]:
        picked = [(s, a, tuple(m for m in meds if med is None or m.name == med.name))
                  for s, a, meds in slots]
        return [x for x in picked if x[2]]

    slots = only(doses.open_slots(now, EARLY_MIN))
    chosen = _pick(slots, text) if len(slots) > 1 else slots
    if chosen:
        return _recorded(chosen, doses, now)
    if slots:
        options = " or ".join(f"{_names(meds)} {when_phrase(at, now)}"
                              for _s, at, meds in slots)
        return (f"Which did you take: {options}? You can say both.", (), "dose_which")
    ahead = only(doses.upcoming(now, EARLY_ASK_H))
    if ahead:
        _slot, at, meds = ahead[0]
        minutes = max(1, round((at.timestamp() - now.timestamp()) / 60))
        return (f"Your {_names(meds)} is due {when_phrase(at, now)}, in {minutes} minutes. "
                "Did you take it early?", (), "confirm_early")
    return "Thank you. I see no dose due now, so I did not note one.", (), None


def confirm_open(plan: CarePlan, doses: DoseLog, now: datetime
                 ) -> tuple[str, tuple[Action, ...], str | None]:
    """"Yes" to "Did you take them?": records the doses the question named (those whose
    time has come)."""
    now = plan.localize(now)
    slots = doses.open_slots(now)
    if not slots:
        return "Thank you. Those doses were already noted.", (), None
    return _recorded(slots, doses, now)


def choose_open(plan: CarePlan, doses: DoseLog, now: datetime, text: str
                ) -> tuple[str, tuple[Action, ...], str | None] | None:
    """The answer to "Which did you take?"; None when the words choose nothing."""
    now = plan.localize(now)
    med = plan.find_medicine(text)
    slots = [(s, a, tuple(m for m in meds if med is None or m.name == med.name))
             for s, a, meds in doses.open_slots(now, EARLY_MIN)]
    chosen = _pick([x for x in slots if x[2]], text)
    return _recorded(chosen, doses, now) if chosen else None


def confirm_early(plan: CarePlan, doses: DoseLog, now: datetime, medicine: str = ""
                  ) -> tuple[str, tuple[Action, ...], str | None]:
    """"Yes" to "Did you take it early?": records the next dose (of ``medicine`` only)."""
    now = plan.localize(now)
    ahead = [(s, a, tuple(m for m in meds if not medicine or m.name == medicine))
             for s, a, meds in doses.upcoming(now, EARLY_ASK_H)]
    ahead = [x for x in ahead if x[2]]
    if not ahead:
        return "Thank you. I see no dose due now, so I did not note one.", (), None
    return _recorded(ahead[:1], doses, now)
