"""The dialogue with configured home devices: one device found is acted on (the reply text
claims nothing; the outcome will), none or several get a question, answered next turn."""

from __future__ import annotations

import pytest

from device.careplan import CarePlan
from device.dialogue import DialogueManager
from device.home_control import HomeCatalog
from device.replies import Action
from device.settings_home import HomeDevice

DEVICES = (HomeDevice("kitchen light", "light", "kitchen", z2m="kitchen_light"),
           HomeDevice("bedroom light", "light", "bedroom", z2m="bedroom_light"),
           HomeDevice("hall light", "light", "hall", z2m="hall_light"),
           HomeDevice("heating", "heating", z2m="thermostat"),
           HomeDevice("bedroom blinds", "blinds", "bedroom", z2m="blinds"))


@pytest.fixture
def dm() -> DialogueManager:
    return DialogueManager(CarePlan(resident="Mary"), home=HomeCatalog(DEVICES))


def names(reply_actions: tuple[Action, ...]) -> list[tuple[str, str]]:
    return [(a.data["name"], a.data["action"]) for a in reply_actions if a.kind == "home"]


def test_one_device_found_is_acted_on_and_nothing_claimed(dm: DialogueManager) -> None:
    r = dm.handle("home_control", "turn on the kitchen light")
    assert r.text == "" and r.expects is None
    assert r.actions == (Action("home", {"name": "kitchen light", "device": "light",
                                         "area": "kitchen", "action": "on"}),)
    assert names(dm.handle("home_control", "it is cold in here").actions) == [("heating", "up")]
    assert names(dm.handle("home_control", "close the bedroom blinds").actions) == [
        ("bedroom blinds", "close")]


def test_ambiguous_light_asks_then_the_answer_acts(dm: DialogueManager) -> None:
    r = dm.handle("home_control", "switch the light off")
    assert r.actions == () and r.expects == "home_device"
    assert r.text == "Which light: the kitchen light, the bedroom light or the hall light?"
    answer = dm.handle("out_of_scope", "the bedroom one")
    assert names(answer.actions) == [("bedroom light", "off")] and answer.text == ""
    dm.handle("home_control", "turn on the lights")
    assert names(dm.handle("out_of_scope", "all of them").actions) == [
        ("kitchen light", "on"), ("bedroom light", "on"), ("hall light", "on")]
    dm.handle("home_control", "lights please")
    assert names(dm.handle("home_control", "the hall light off").actions) == [
        ("hall light", "off")]
    dm.handle("home_control", "turn on the light")
    no = dm.handle("deny", "no")
    assert no.actions == () and no.text.startswith("All right")


def test_unknown_device_or_area_asks(dm: DialogueManager) -> None:
    fan = dm.handle("home_control", "turn on the fan")
    assert fan.actions == () and fan.expects == "home_device"
    assert fan.text.startswith("I do not know a fan here. Which one should I control: "
                               "the kitchen light")
    assert names(dm.handle("out_of_scope", "the heating").actions) == [("heating", "on")]
    garden = dm.handle("home_control", "turn on the garden light")
    assert garden.text == ("I do not know a garden light here. Which one should I control: "
                           "the kitchen light, the bedroom light or the hall light?")
    vague = dm.handle("home_control", "can you do the thing")
    assert vague.actions == () and vague.text.startswith("Which one should I control")


def test_a_question_left_for_something_else_is_dropped(dm: DialogueManager) -> None:
    dm.handle("home_control", "turn on the light")
    other = dm.handle("time_query", "what time is it")
    assert other.actions == () and other.text.startswith("It is")
    assert dm.handle("out_of_scope", "kitchen").actions == ()  # the question is over
