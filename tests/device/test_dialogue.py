from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from device import advice, phrases
from device.careplan import CarePlan, DoseLog
from device.dialogue import DialogueManager
from device.replies import Action, Reply


class Clock:
    """A hand-set clock."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


PLAN = CarePlan.from_json(
    {
        "medicines": [{"name": "metformin", "dose": "500 mg", "times": ["08:00", "20:00"]},
                      {"name": "aspirin", "dose": "75 mg", "times": ["08:00"]}],
        "contacts": [{"name": "Anna", "relation": "daughter", "phone": "+44 7700 900123"},
                     {"name": "Tom", "relation": "son", "caregiver": False}],
        "reminders": [{"task": "drink a glass of water", "time": "11:00"}],
    },
    resident="Mary",
)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 30, 8, 10))


@pytest.fixture
def dm(clock: Clock) -> DialogueManager:
    return DialogueManager(PLAN, clock=clock)


def alert(reply: Reply) -> dict[str, object]:
    action = reply.action("alert")
    assert action is not None, reply
    return action.data


def test_fall_report_alerts_with_calm_reply(dm: DialogueManager) -> None:
    r = dm.handle("fall_report", "I fell down and I cannot get up")
    a = alert(r)
    assert a["type"] == "spoken_fall" and a["level"] == "emergency"
    assert "Mary" in str(a["reason"]) and "cannot get up" in str(a["reason"])
    # the dialogue never claims the alert went out: its outcome says that (device.executor)
    assert r.text.startswith("I am sorry you fell, Mary.")
    assert not re.search(r"calling|told|on the way|let .* know", r.text)
    minor = dm.handle("fall_report", "I had a little fall earlier")
    assert alert(minor)["level"] == "urgent"


def test_emergency_overrides_any_pending_question(dm: DialogueManager) -> None:
    assert dm.handle("reminder_set", "remind me to call the bank").expects == "reminder_time"
    r = dm.handle("emergency_help", "help I can't breathe")
    assert alert(r) == {"type": "help_request", "level": "emergency",
                        "reason": "Mary asked for help: \"help I can't breathe\""}
    assert r.expects is None and dm.expects is None


def test_symptom_asks_follow_up_and_escalates_on_yes(dm: DialogueManager) -> None:
    r = dm.handle("symptom_report", "I feel dizzy")
    assert alert(r)["level"] == "warning" and r.text.endswith("?")
    assert r.expects == "symptom_worse"
    worse = dm.handle("affirm", "yes")
    assert alert(worse)["level"] == "urgent" and "dizzy" in str(alert(worse)["reason"])
    dm.handle("symptom_report", "my knee hurts")
    calm = dm.handle("deny", "no")
    assert calm.action("alert") is None and "rest" in calm.text


def test_medication_query_then_confirm_records_doses(dm: DialogueManager, clock: Clock) -> None:
    r = dm.handle("medication_query", "have I taken my pills today")
    assert "no record" in r.text and "metformin" in r.text and "aspirin" in r.text
    assert r.expects == "confirm_dose"
    yes = dm.handle("affirm", "yes")
    assert {a.data["medicine"] for a in yes.actions if a.kind == "dose"} == {"metformin",
                                                                             "aspirin"}
    again = dm.handle("medication_query", "have I taken my pills today")
    assert again.text.startswith("Yes.") and again.expects is None
    clock.now = datetime(2026, 11, 30, 20, 5)
    evening = dm.handle("medication_query", "did I take my tablets")
    assert "metformin at eight o'clock" in evening.text and "aspirin" not in evening.text


def test_medication_taken_names_one_medicine_and_deny(dm: DialogueManager) -> None:
    r = dm.handle("medication_taken", "I just took my aspirin")
    assert [a.data for a in r.actions] == [{"medicine": "aspirin", "slot": "08:00"}]
    q = dm.handle("medication_query", "have I had my medicine")
    assert "metformin" in q.text and "aspirin" not in q.text.split("record")[1]
    no = dm.handle("deny", "no I haven't")
    assert no.actions == () and "take it now" in no.text


def test_medication_when_and_which(dm: DialogueManager) -> None:
    assert "eight o'clock this evening" in dm.handle("medication_query",
                                                        "when is my next pill").text
    which = dm.handle("medication_query", "which tablets do I take")
    assert "metformin 500 mg" in which.text and "aspirin 75 mg" in which.text


def test_dose_log_persists(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "doses.jsonl"
    dm = DialogueManager(PLAN, clock=clock, doses=DoseLog(PLAN, path))
    dm.handle("medication_taken", "I took my pills")
    reloaded = DoseLog(PLAN, path)
    assert len(reloaded.taken_today(clock.now)) == 2 and reloaded.due(clock.now) == []


def test_reminder_set_schedules_and_fires_once(dm: DialogueManager, clock: Clock) -> None:
    r = dm.handle("reminder_set", "remind me to call the doctor at 3 pm")
    act = r.action("reminder")
    assert act is not None and act.data["task"] == "call the doctor"
    assert act.data["at"] == datetime(2026, 11, 30, 15, 0).timestamp()
    assert "call the doctor at three o'clock in the afternoon" in r.text
    assert dm.due_reminders() == []
    clock.now = datetime(2026, 11, 30, 15, 1)
    tasks = [x.task for x in dm.due_reminders()]
    assert tasks == ["call the doctor", "drink a glass of water"]
    assert dm.due_reminders() == []


def test_reminder_asks_for_missing_time(dm: DialogueManager) -> None:
    ask = dm.handle("reminder_set", "remind me to water the plants")
    assert ask.text == "When should I remind you?" and ask.actions == ()
    done = dm.handle("out_of_scope", "tomorrow at nine")
    act = done.action("reminder")
    assert act is not None and act.data["at"] == datetime(2026, 12, 1, 9, 0).timestamp()
    assert "water the plants" in done.text and done.text.endswith("tomorrow.")


def test_daily_reminders_skip_past_at_startup(clock: Clock) -> None:
    clock.now = datetime(2026, 11, 30, 12, 0)
    dm = DialogueManager(PLAN, clock=clock)
    dm.mark_daily_fired_before(clock.now)
    assert dm.due_reminders() == []
    clock.now += timedelta(days=1)
    assert [r.task for r in dm.due_reminders() if r.kind == "task"] == ["drink a glass of water"]


def test_call_family(dm: DialogueManager) -> None:
    r = dm.handle("call_family", "call my daughter")
    assert r.action("call") == Action("call", {"contact": "Anna", "relation": "daughter",
                                               "phone": "+44 7700 900123"})
    assert r.text == ""  # the call service's outcome says whether the request went out
    unknown = dm.handle("call_family", "call bob")
    assert unknown.actions == () and "bob" in unknown.text and unknown.expects == "contact"
    tom = dm.handle("out_of_scope", "tom")
    assert tom.action("call") is not None and tom.action("call").data["contact"] == "Tom"


def test_time_query_uses_clock(dm: DialogueManager) -> None:
    assert dm.handle("time_query", "what time is it").text == (
        "It is ten past eight in the morning.")
    assert dm.handle("time_query", "what day is it today").text == (
        "Today is Monday, the thirtieth of November, 2026.")


def test_companionship_jokes_stories_chat(dm: DialogueManager) -> None:
    joke = dm.handle("companionship", "tell me a joke")
    assert joke.text in phrases.JOKES
    story = dm.handle("companionship", "can you tell me a story")
    assert story.text in phrases.STORIES
    chat = dm.handle("companionship", "I feel lonely")
    assert chat.expects == "offer_fun"
    assert dm.handle("affirm", "yes please").text in phrases.JOKES


def test_home_control_without_devices_claims_nothing(dm: DialogueManager) -> None:
    # with devices configured: tests/device/test_home_control_dialogue.py
    r = dm.handle("home_control", "turn on the kitchen light")
    assert r.actions == () and "cannot switch things at home yet" in r.text


def test_advice_from_bank_never_diagnosis(dm: DialogueManager) -> None:
    r = dm.handle("advice_request", "how can I sleep better")
    assert r.slots == {"topic": "sleep"}
    assert any(tip in r.text for tip in advice.ADVICE["sleep"])
    assert r.text.endswith(advice.DISCLAIMER)
    for text, topic in [("what should I eat", "diet"), ("how much water should I drink",
                        "hydration"), ("how do I stay warm in winter", "warm"),
                        ("tips for the heatwave", "cool"), ("good exercises for me", "exercise")]:
        assert dm.handle("advice_request", text).slots == {"topic": topic}
    assert "Which would you like" in dm.handle("advice_request", "any tips").text


def test_social_and_confirmations(dm: DialogueManager, clock: Clock) -> None:
    assert dm.handle("greeting", "hello").text == "Good morning, Mary. How are you today?"
    clock.now = datetime(2026, 11, 30, 19, 0)
    assert dm.handle("greeting", "hi").text.startswith("Good evening, Mary.")
    assert "Goodbye, Mary" in dm.handle("farewell", "bye").text
    assert dm.handle("thanks", "thank you").text == "You are welcome."
    assert dm.handle("affirm", "yes").actions == ()
    assert dm.handle("deny", "no").text == "All right."


def test_repeat_volume_stop(dm: DialogueManager) -> None:
    assert "not said anything" in dm.handle("repeat", "pardon").text
    first = dm.handle("time_query", "what time is it")
    assert dm.handle("repeat", "say that again").text == first.text
    assert dm.handle("repeat", "again").text == first.text
    assert dm.handle("volume_up", "louder").action("volume").data == {"direction": "up"}
    assert dm.handle("volume_down", "quieter").action("volume").data == {"direction": "down"}
    dm.handle("companionship", "I am bored")
    stop = dm.handle("stop", "stop")
    assert stop.action("cancel") is not None and dm.expects is None
    assert dm.handle("affirm", "yes").text == "Good. How else can I help?"


def test_out_of_scope_offers_and_unknown_intent(dm: DialogueManager) -> None:
    r = dm.handle("out_of_scope", "what is the capital of peru")
    assert r.text.startswith("Sorry, I did not understand") and r.expects == "offer_fun"
    assert dm.handle("deny", "no").text.startswith("All right")
    assert dm.handle("no_such_intent", "blah").intent == "out_of_scope"
    # nothing heard (silence): asked again, no offer to answer
    blank = dm.handle("out_of_scope", " ")
    assert blank.text == "Sorry, I did not hear anything. Please say it again."
    assert blank.expects is None and blank.intent == "out_of_scope"


def test_reply_and_action_round_trip(dm: DialogueManager) -> None:
    for intent, text in [("fall_report", "I fell"), ("home_control", "lights off"),
                         ("reminder_set", "remind me to eat at noon")]:
        r = dm.handle(intent, text)
        assert Reply.from_json(r.to_json()) == r
    with pytest.raises(ValueError, match="unknown action kind"):
        Action("launch")


@pytest.mark.parametrize(
    ("text", "level"),
    [("I fell down and I cannot get up", "emergency"), ("i fell on and i cannot get top",
     "emergency"), ("I fell and I can't stand", "emergency"), ("I fell and hurt my hip",
     "emergency"), ("help I have fallen", "emergency"), ("I had a little fall earlier", "urgent"),
     ("i fell over this morning", "urgent")],
)
def test_fall_level_from_words(dm: DialogueManager, text: str, level: str) -> None:
    assert alert(dm.handle("fall_report", text))["level"] == level
