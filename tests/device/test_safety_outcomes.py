"""The outcome rule (docs/contracts.md): every action gets an Outcome that says what really
happened, the executor dispatches by a table checked against ACTION_KINDS, and the spoken
text is the dialogue's text followed by the outcomes' sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from device.careplan import CarePlan
from device.dialogue import DialogueManager
from device.executor import ActionExecutor
from device.pipeline import Assistant, Turn
from device.replies import ACTION_KINDS, OUTCOME_STATUSES, Action, Outcome, Reply

PLAN = CarePlan.from_json(
    {"contacts": [{"name": "Anna", "relation": "daughter", "phone": "+44 7700 900123"},
                  {"name": "Tom", "relation": "son", "phone": "+44 7700 900456"}]},
    resident="Mary")


class Result:
    def __init__(self, intent: str, score: float) -> None:
        self.intent, self.score, self.scores = intent, score, {intent: score}


class Rules:
    """A hand-written classifier: the first rule whose words are in the text decides."""

    def __init__(self, rules: dict[str, tuple[str, float]]) -> None:
        self.rules = rules

    def classify(self, text: str) -> Result:
        for words, (intent, score) in self.rules.items():
            if words in text.lower():
                return Result(intent, score)
        return Result("out_of_scope", 0.5)


@pytest.mark.parametrize("status", OUTCOME_STATUSES)
def test_outcome_round_trips(status: str) -> None:
    o = Outcome("alert", status, "I have told Anna.", {"alert": "abc-1", "nested": {"a": [1]}})
    assert Outcome.from_json(json.loads(json.dumps(o.to_json()))) == o


def test_outcome_rejects_unknown_kind_and_status() -> None:
    with pytest.raises(ValueError, match="action kind"):
        Outcome("teleport", "done")
    with pytest.raises(ValueError, match="outcome status"):
        Outcome("alert", "sent")


def test_register_is_checked_against_action_kinds() -> None:
    ex = ActionExecutor("Mary")
    with pytest.raises(ValueError, match="unknown action kind"):
        ex.register("hom", lambda a: Outcome("home", "done"))
    ex.register("home", lambda a: Outcome("home", "done", f"The {a.data['device']} is on."))
    out = ex.run((Action("home", {"device": "light"}), Action("reminder", {"task": "x"}),
                  Action("event", {"type": "safety_check"})))
    assert [(o.kind, o.status, o.say) for o in out] == [
        ("home", "done", "The light is on."), ("reminder", "skipped", ""), ("event", "done", "")]
    assert set(ACTION_KINDS) >= {o.kind for o in out}


def test_handler_must_answer_for_its_own_kind() -> None:
    ex = ActionExecutor("Mary")
    ex.register("call", lambda a: Outcome("home", "done"))
    with pytest.raises(ValueError, match="call handler returned a home outcome"):
        ex.run((Action("call", {"contact": "Anna"}),))


def test_no_alert_service_never_claims_success(tmp_path: Path) -> None:
    """Without an alert service the alert fails, and the reply says so; with a local alarm
    and a call handler the fallback is tried and said only as far as it happened."""
    calls: list[Action] = []

    def call(a: Action) -> Outcome:
        calls.append(a)
        return Outcome("call", "done", f"I am calling {a.data['contact']}.")

    ex = ActionExecutor("Mary", plan=PLAN, alarm=lambda: True,
                        events_path=tmp_path / "events.jsonl")
    ex.register("call", call)
    assistant = Assistant(Rules({"fell": ("fall_report", 0.99)}), DialogueManager(PLAN), ex)
    turn = assistant.respond("I fell down")
    (o,) = turn.outcomes
    assert o.status == "failed" and turn.alerts == ()
    assert "told" not in turn.say and "I cannot reach Anna from here." in turn.say
    assert "sounding the alarm" in turn.say and turn.say.endswith("I am calling Tom.")
    assert [a.data["contact"] for a in calls] == ["Tom"]  # the next caregiver
    assert Turn.from_json(json.loads(json.dumps(turn.to_json()))) == turn
    logged = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert logged[0]["kind"] == "alert" and logged[0]["outcome"]["status"] == "failed"


def test_turn_say_is_reply_then_outcomes() -> None:
    reply = Reply("Okay.", "volume_up", (Action("volume", {"direction": "up"}),))
    turn = Turn("louder", "volume_up", 0.9, reply,
                outcomes=(Outcome("volume", "skipped"), Outcome("alert", "done", "Told.")))
    assert turn.say == "Okay. Told."
    again = Turn.from_json(json.loads(json.dumps(turn.to_json())))
    assert again == turn and again.to_json()["say"] == "Okay. Told."
