"""Medicine questions and doses taken, answered against the care plan and the dose log."""

from __future__ import annotations

import re
from datetime import datetime

from device import phrases
from device.careplan import CarePlan, DoseLog
from device.replies import Action

__all__ = ["answer_query", "record_doses"]


def _at(now: datetime, hhmm: str) -> datetime:
    hh, mm = (int(x) for x in hhmm.split(":"))
    return now.replace(hour=hh, minute=mm, second=0, microsecond=0)


def answer_query(plan: CarePlan, doses: DoseLog, now: datetime,
                 text: str) -> tuple[str, str | None]:
    """Reply text and what to expect next ("confirm_dose" or None) for a medicine question:
    which medicines, when the next dose is, or whether today's doses were taken."""
    if not plan.medicines:
        return ("I do not have your medicines in my list. "
                "Please ask your carer to add them.", None)
    low = text.lower()
    if re.search(r"\b(which|what) (medicines?|medications?|pills|tablets)\b|\bwhat do i take\b",
                 low):
        names = ", ".join(f"{m.name} {m.dose}".strip() for m in plan.medicines)
        return f"Your medicines are: {names}.", None
    if re.search(r"\b(when|what time|next)\b", low):
        nxt = doses.next_dose(now)
        if nxt is None:
            return "You have no more doses planned.", None
        med, at = nxt
        day = "" if at.date() == now.date() else " tomorrow"
        return f"Your next dose is {med.name} at {phrases.say_time(at)}{day}.", None
    due = doses.due(now)
    taken = doses.taken_today(now)
    if due:
        what = " and ".join(f"{m.name} at {phrases.say_clock(_at(now, s))}" for m, s in due)
        prefix = "You took some today. " if taken else ""
        it = "them" if len(due) > 1 else "it"
        return (f"{prefix}I have no record of your {what} today. Did you take {it}?",
                "confirm_dose")
    if taken:
        last = taken[-1]
        at = datetime.fromtimestamp(last.taken_at)
        return (f"Yes. You took your {last.medicine} at {phrases.say_clock(at)}. "
                "You are up to date.", None)
    nxt = doses.next_dose(now)
    later = f" Your next dose is at {phrases.say_clock(nxt[1])}." if nxt else ""
    return f"No doses were due yet today.{later}", None


def record_doses(plan: CarePlan, doses: DoseLog, now: datetime,
                 text: str) -> tuple[str, tuple[Action, ...]]:
    """Record the doses due now (the named medicine only, if one is named)."""
    recorded = doses.record(now, plan.find_medicine(text))
    if not recorded:
        return "Thank you. I see no dose due now, so I did not note one.", ()
    names = " and ".join(d.medicine for d in recorded)
    actions = tuple(Action("dose", {"medicine": d.medicine, "slot": d.slot}) for d in recorded)
    return f"Thank you. I have noted your {names} at {phrases.say_clock(now)}.", actions
