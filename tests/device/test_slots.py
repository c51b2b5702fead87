from __future__ import annotations

from datetime import datetime

import pytest

from device.slots import extract_slots, resolve_time, second_person, words_to_number

NOW = datetime(2026, 11, 30, 10, 0)


@pytest.mark.parametrize(
    ("text", "task", "time", "expected"),
    [
        ("remind me to take my pills at 8 pm", "take my pills", "at 8 pm",
         datetime(2026, 11, 30, 20, 0)),
        ("Remind me at half past three to call Mary.", "call mary", "at half past three",
         datetime(2026, 11, 30, 15, 30)),
        ("remind me in 10 minutes to drink water", "drink water", "in 10 minutes",
         datetime(2026, 11, 30, 10, 10)),
        ("can you remind me tomorrow morning to water the plants", "water the plants",
         "tomorrow morning", datetime(2026, 12, 1, 9, 0)),
        # ASR style: numbers as words, no punctuation
        ("remind me to take my tablets at eight in the evening", "take my tablets",
         "at eight in the evening", datetime(2026, 11, 30, 20, 0)),
        ("remind me at eight thirty to take my pills", "take my pills", "at eight thirty",
         datetime(2026, 11, 30, 20, 30)),
        ("set a reminder for the doctor appointment at 3 o'clock", "the doctor appointment",
         "at 3 o'clock", datetime(2026, 11, 30, 15, 0)),
        ("remind me in twenty minutes to check the oven", "check the oven", "in twenty minutes",
         datetime(2026, 11, 30, 10, 20)),
    ],
)
def test_reminder_slots_and_time(text: str, task: str, time: str, expected: datetime) -> None:
    slots = extract_slots("reminder_set", text)
    assert slots == {"task": task, "time": time}
    assert resolve_time(slots["time"], NOW) == expected


def test_reminder_without_time_has_only_task() -> None:
    assert extract_slots("reminder_set", "remind me to call anna") == {"task": "call anna"}


def test_resolve_time_rolls_over_and_rejects_nonsense() -> None:
    late = datetime(2026, 11, 30, 21, 0)
    assert resolve_time("at 8 pm", late) == datetime(2026, 12, 1, 20, 0)
    assert resolve_time("at 8", datetime(2026, 11, 30, 10, 0)) == datetime(2026, 11, 30, 20, 0)
    assert resolve_time("in an hour", NOW) == datetime(2026, 11, 30, 11, 0)
    assert resolve_time("in half an hour", NOW) == datetime(2026, 11, 30, 10, 30)
    assert resolve_time("at quarter to nine", NOW) == datetime(2026, 11, 30, 20, 45)
    assert resolve_time("bananas", NOW) is None
    assert resolve_time("at 99", NOW) is None


@pytest.mark.parametrize(
    ("text", "contact"),
    [("call my daughter", "daughter"), ("can you phone Tom please", "tom"), ("ring John", "john"),
     ("I want to talk to my son", "son"), ("please call mary", "mary"),
     ("could you get my granddaughter on the phone", "granddaughter")],
)
def test_contact(text: str, contact: str) -> None:
    assert extract_slots("call_family", text) == {"contact": contact}


def test_contact_missing() -> None:
    assert extract_slots("call_family", "make a call") == {}


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("turn on the kitchen light", {"device": "light", "area": "kitchen", "action": "on"}),
        ("switch off the lights in the bedroom",
         {"device": "light", "area": "bedroom", "action": "off"}),
        ("turn the heating up", {"device": "heating", "action": "up"}),
        ("close the blinds in the living room",
         {"device": "blinds", "area": "living room", "action": "close"}),
        ("turn off the tv", {"device": "tv", "action": "off"}),
        ("dim the bedroom lamp", {"device": "light", "area": "bedroom", "action": "down"}),
        ("it is too dark in here", {"device": "light", "action": "on"}),
        ("I am cold", {"device": "heating", "action": "up"}),
        ("put the radio on in the lounge",
         {"device": "radio", "area": "living room", "action": "on"}),
        ("turn off the hallway light", {"device": "light", "area": "hall", "action": "off"}),
        ("sitting room lamp on please",
         {"device": "light", "area": "living room", "action": "on"}),
        ("make the bedroom light brighter",
         {"device": "light", "area": "bedroom", "action": "up"}),
        ("open the curtains", {"device": "blinds", "action": "open"}),
    ],
)
def test_home_control(text: str, slots: dict[str, str]) -> None:
    assert extract_slots("home_control", text) == slots


def test_other_intents_have_no_slots() -> None:
    assert extract_slots("greeting", "good morning at 8 pm") == {}
    assert extract_slots("home_control", "") == {}


def test_helpers() -> None:
    assert words_to_number("twenty-five") == 25
    assert words_to_number("eight") == 8
    assert words_to_number("lots") is None
    assert second_person("take my pills") == "take your pills"
