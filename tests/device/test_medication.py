"""Medicine answers: grouped by time of day, never counting a dose not due yet; "I took
my pills" records the due dose, asks which when two are open, and asks before an early one."""

from __future__ import annotations

from datetime import datetime

from device import medication
from device.careplan import CarePlan, DoseLog
from device.dialogue import DialogueManager

PLAN = CarePlan.from_json({
    "medicines": [{"name": "metformin", "dose": "500 mg", "times": ["08:00", "20:00"]},
                  {"name": "amlodipine", "dose": "5 mg", "times": ["08:00"]}]},
    resident="Mary")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def day(h: int, m: int = 0) -> datetime:
    return datetime(2026, 11, 30, h, m)


def test_evening_question_never_counts_the_dose_not_due_yet() -> None:
    doses = DoseLog(PLAN)
    say, expects = medication.answer_query(PLAN, doses, day(19, 35),
                                           "have I taken my pills today")
    assert say == ("I have no record of your metformin and amlodipine at eight o'clock this "
                   "morning. Did you take them?")
    assert expects == "confirm_dose"
    doses.add(PLAN.medicines, day(8), day(8, 5))
    say, expects = medication.answer_query(PLAN, doses, day(19, 35), "did I take my pills")
    assert say == ("Yes. You took your metformin and amlodipine at eight o'clock this morning. "
                   "You are up to date. Your next dose is metformin at eight o'clock this "
                   "evening.")
    assert expects is None


def test_answers_group_by_time_of_day() -> None:
    doses = DoseLog(PLAN)
    doses.add(PLAN.medicines, day(8), day(8, 5))
    say, _ = medication.answer_query(PLAN, doses, day(20, 10), "have I had my tablets")
    assert say == ("You took this morning's doses. I have no record of your metformin at eight "
                   "o'clock this evening. Did you take it?")
    say, _ = medication.answer_query(PLAN, DoseLog(PLAN), day(7, 0), "have I had my tablets")
    assert say == ("No doses were due yet today. Your next dose is metformin and amlodipine at "
                   "eight o'clock this morning.")


def test_taken_records_the_due_dose_only() -> None:
    dm = DialogueManager(PLAN, clock=Clock(day(8, 10)))
    r = dm.handle("medication_taken", "I took my pills")
    assert {(a.data["medicine"], a.data["slot"]) for a in r.actions} == {
        ("metformin", "08:00"), ("amlodipine", "08:00")}
    assert r.text == ("Thank you. I have noted your metformin and amlodipine at eight o'clock "
                      "this morning.")


def test_early_dose_is_recorded_only_after_asking() -> None:
    clock = Clock(day(18, 30))
    doses = DoseLog(PLAN)
    doses.add(PLAN.medicines, day(8), day(8, 5))
    dm = DialogueManager(PLAN, clock=clock, doses=doses)
    ask = dm.handle("medication_taken", "I have taken my metformin")
    assert ask.actions == () and ask.expects == "confirm_early"
    assert ask.text == ("Your metformin is due at eight o'clock this evening, in 90 minutes. "
                        "Did you take it early?")
    assert len(doses.taken_today(clock.now)) == 2
    yes = dm.handle("affirm", "yes I did")
    assert [(a.data["medicine"], a.data["slot"]) for a in yes.actions] == [("metformin",
                                                                          "20:00")]
    clock.now = day(23, 0)
    late = dm.handle("medication_taken", "I took my pills")
    assert late.actions == () and "no dose due now" in late.text


def test_two_open_dose_times_ask_which() -> None:
    dm = DialogueManager(PLAN, clock=Clock(day(19, 45)))
    ask = dm.handle("medication_taken", "I took my pills")
    assert ask.actions == () and ask.expects == "dose_which"
    assert ask.text == ("Which did you take: metformin and amlodipine at eight o'clock this "
                        "morning or metformin at eight o'clock this evening? You can say both.")
    r = dm.handle("out_of_scope", "the evening one")
    assert [(a.data["medicine"], a.data["slot"]) for a in r.actions] == [("metformin",
                                                                        "20:00")]
    dm2 = DialogueManager(PLAN, clock=Clock(day(19, 45)))
    dm2.handle("medication_taken", "I took my pills")
    both = dm2.handle("affirm", "both of them")
    assert len([a for a in both.actions if a.kind == "dose"]) == 3
    dm3 = DialogueManager(PLAN, clock=Clock(day(19, 45)))
    dm3.handle("medication_taken", "I took my pills")
    assert dm3.handle("deny", "no").text == "All right. I did not note a dose."
    assert dm3.doses.doses == []


def test_confirm_records_what_the_question_named() -> None:
    clock = Clock(day(19, 40))  # the 20:00 dose is within the early window, but not asked
    dm = DialogueManager(PLAN, clock=clock)
    q = dm.handle("medication_query", "have I taken my pills today")
    assert q.expects == "confirm_dose"
    yes = dm.handle("affirm", "yes")
    assert {a.data["slot"] for a in yes.actions} == {"08:00"}


def test_zone_aware_now_is_answered_in_the_plan_zone() -> None:
    from zoneinfo import ZoneInfo

    plan = CarePlan.from_json({"timezone": "Europe/London",
                               "medicines": [{"name": "metformin", "times": ["08:00"]}]})
    tokyo = datetime(2026, 7, 1, 16, 30, tzinfo=ZoneInfo("Asia/Tokyo"))  # 08:30 in London
    say, expects = medication.answer_query(plan, DoseLog(plan), tokyo, "have I had my pills")
    assert "at eight o'clock this morning" in say and expects == "confirm_dose"
