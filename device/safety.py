"""Replies to safety intents: a spoken fall or a call for help always raises an alert, with a
calm, short reply; a symptom raises a warning and asks a follow-up question."""

from __future__ import annotations

import re

from device.careplan import CarePlan
from device.replies import Action, Reply

__all__ = ["safety_reply", "symptom_reply", "symptom_worse_reply"]

_SERIOUS_FALL = re.compile(r"\b(?:can ?not|can'?t|unable to) (?:get|stand|move|breathe)|hurt|"
                           r"bleed|head|broke|unconscious|on the floor|pain|help")
"""Words in a fall report that make it an emergency (ASR may garble the end: "get top")."""


def safety_reply(plan: CarePlan, intent: str, text: str) -> Reply:
    """``fall_report`` -> a spoken_fall alert (emergency when they cannot get up or are hurt,
    else urgent); ``emergency_help`` -> a help_request alert at emergency level."""
    if intent == "fall_report":
        level = "emergency" if _SERIOUS_FALL.search(text.lower()) else "urgent"
        kind, reason = "spoken_fall", f'Fall reported by {plan.resident}: "{text}"'
        say = "I am calling for help now. Try to stay still and keep warm. Help is on the way."
    else:
        level, kind = "emergency", "help_request"
        reason = f'{plan.resident} asked for help: "{text}"'
        say = "I am calling for help now. Stay where you are. Help is on the way."
    names = [c.name for c in plan.contacts if c.caregiver]
    if names:
        say += f" I have told {names[0]}."
    return Reply(say, intent, (Action("alert", {"type": kind, "level": level,
                                                "reason": reason}),))


def symptom_reply(plan: CarePlan, text: str) -> Reply:
    alert = Action("alert", {"type": "symptom", "level": "warning",
                             "reason": f'{plan.resident} feels unwell: "{text}"'})
    return Reply("I am sorry you feel unwell. I have let your carer know. "
                 "Is it getting worse, or is it hard to breathe?", "symptom_report", (alert,),
                 expects="symptom_worse")


def symptom_worse_reply(plan: CarePlan, intent: str, worse: bool, symptom: str) -> Reply:
    """The answer to "is it getting worse?": yes escalates to an urgent alert."""
    if not worse:
        return Reply("I am glad it is not worse. Please sit down and rest. "
                     "Tell me if it changes.", intent)
    alert = Action("alert", {"type": "symptom", "level": "urgent",
                             "reason": f'{plan.resident} feels worse: "{symptom}"'})
    return Reply("I am asking for help now. Please sit down and stay where you are.", intent,
                 (alert,))
