"""Care plan reminders: one per dose time, late after a restart, one-off ones kept,
unconfirmed doses reported, and the resident's time zone across daylight-saving days."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from device.careplan import CarePlan, DoseLog
from device.reminders import ReminderBook, reminder_text
from device.settings import SettingsError, example_config_path, load_settings

UTC = ZoneInfo("UTC")
LONDON = ZoneInfo("Europe/London")


def plan(**extra: object) -> CarePlan:
    data = {"medicines": [{"name": "metformin", "times": ["08:00", "20:00"]},
                          {"name": "amlodipine", "times": ["08:00"]}],
            "reminders": [{"task": "drink a glass of water", "time": "11:00"}], **extra}
    return CarePlan.from_json(data, resident="Mary")


def book(p: CarePlan, path: Path | None) -> ReminderBook:
    return ReminderBook(p, DoseLog(p, None if path is None else path.with_name("doses.jsonl")),
                        path)


def test_each_dose_time_gives_one_reminder_and_a_taken_dose_none(tmp_path: Path) -> None:
    p = plan()
    b = book(p, tmp_path / "reminders.json")
    b.start(datetime(2026, 11, 30, 7, 0))
    assert b.due(datetime(2026, 11, 30, 7, 59)) == []
    due = b.due(datetime(2026, 11, 30, 8, 0, 30))
    assert [(r.kind, r.task, r.late) for r in due] == [
        ("dose", "take your metformin and amlodipine", False)]
    assert reminder_text(due[0]) == "It is time to take your metformin and amlodipine."
    assert b.due(datetime(2026, 11, 30, 8, 1)) == []  # each fires once
    b.doses.add(p.medicines[:1], datetime(2026, 11, 30, 20, 0), datetime(2026, 11, 30, 19, 50))
    assert [r.task for r in b.due(datetime(2026, 11, 30, 11, 0, 30))] == [
        "drink a glass of water"]
    assert b.due(datetime(2026, 11, 30, 20, 1)) == []  # the 20:00 dose was taken early


def test_reminder_missed_while_off_fires_late_saying_its_time(tmp_path: Path) -> None:
    path = tmp_path / "reminders.json"
    p = plan()
    first = book(p, path)
    first.start(datetime(2026, 11, 30, 7, 0))
    assert first.due(datetime(2026, 11, 30, 7, 30)) == []
    # the device is off from 07:30 to 09:10
    again = book(p, path)
    again.start(datetime(2026, 11, 30, 9, 10))  # a restart keeps the state: no reset
    due = again.due(datetime(2026, 11, 30, 9, 10))
    assert [reminder_text(r) for r in due] == [
        "It was time at eight o'clock to take your metformin and amlodipine."]


def test_first_start_replays_nothing_and_old_misses_are_dropped(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "reminders.json"
    p = plan(late_reminder_max_h=2)
    b = book(p, path)
    b.start(datetime(2026, 11, 30, 9, 0))
    assert b.due(datetime(2026, 11, 30, 9, 0)) == []
    b.due(datetime(2026, 11, 30, 9, 30))
    with caplog.at_level(logging.WARNING, "device.reminders"):
        later = book(p, path).due(datetime(2026, 11, 30, 20, 30))
    assert [r.id for r in later] == ["dose-20:00"]  # 11:00 is over 2 h late
    assert "drink a glass of water" in caplog.text and "dropped" in caplog.text


def test_one_off_reminder_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "reminders.json"
    p = plan()
    b = book(p, path)
    b.start(datetime(2026, 11, 30, 10, 0))
    rem = b.add("call the bank", datetime(2026, 11, 30, 15, 0))
    state = json.loads(path.read_text())
    assert [r["task"] for r in state["one_off"]] == ["call the bank"]
    assert not list(tmp_path.glob("*.tmp"))  # written through a temporary file, replaced
    restarted = book(p, path)
    assert [r.task for r in restarted.reminders_to_come()] == ["call the bank"]
    due = restarted.due(datetime(2026, 11, 30, 15, 0, 20))
    assert [(r.id, r.task, r.late) for r in due] == [
        (rem.id, "call the bank", False), ("daily-11:00", "drink a glass of water", True)]
    assert book(p, path).reminders_to_come() == []
    assert book(p, path).add("water the plants", datetime(2026, 12, 1, 9, 0)).id != rem.id


def test_damaged_state_is_kept_aside_and_logged(tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "reminders.json"
    path.write_text('{"one_off": [')
    with caplog.at_level(logging.ERROR, "device.reminders"):
        b = book(plan(), path)
    assert b.one_off == [] and (tmp_path / "reminders.json.damaged").is_file()
    assert "unreadable" in caplog.text


def test_unconfirmed_dose_tells_the_caregivers_once(tmp_path: Path) -> None:
    path = tmp_path / "reminders.json"
    p = plan(dose_confirm_after_min=30)
    b = book(p, path)
    b.start(datetime(2026, 11, 30, 7, 0))
    assert b.unconfirmed(datetime(2026, 11, 30, 8, 29), "Mary") == []
    b.doses.add(p.medicines[1:], datetime(2026, 11, 30, 8, 0), datetime(2026, 11, 30, 8, 5))
    [alert] = b.unconfirmed(datetime(2026, 11, 30, 8, 31), "Mary")
    assert alert.kind == "alert" and alert.data["level"] == "warning"
    assert alert.data["type"] == "dose_unconfirmed" and alert.data["key"] == "2026-11-30 08:00"
    assert "Mary has not confirmed the metformin due at eight o'clock" in alert.data["reason"]
    assert b.unconfirmed(datetime(2026, 11, 30, 8, 40), "Mary") == []
    assert book(p, path).unconfirmed(datetime(2026, 11, 30, 9, 0), "Mary") == []  # restart
    off = plan(dose_confirm_after_min=0)
    b2 = book(off, None)
    b2.start(datetime(2026, 11, 30, 7, 0))
    assert b2.unconfirmed(datetime(2026, 11, 30, 12, 0), "Mary") == []


def _walk(b: ReminderBook, start_utc: datetime, hours: float) -> list[tuple[datetime, str]]:
    """Tick the book every minute of real (UTC) time; (instant, reminder id) per firing."""
    fired = []
    t = start_utc
    b.start(t.astimezone(LONDON))
    while t < start_utc + timedelta(hours=hours):
        t += timedelta(minutes=1)
        fired += [(t, r.id) for r in b.due(t.astimezone(LONDON))]
    return fired


@pytest.mark.parametrize(("day", "utc_at"), [
    # spring forward: 01:30 does not exist; the dose falls as the clock jumps (02:30 BST)
    (datetime(2026, 3, 29, tzinfo=UTC), datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
    # fall back: 01:30 happens twice; the dose falls once, at the first (01:30 BST)
    (datetime(2026, 10, 25, tzinfo=UTC), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
    (datetime(2026, 6, 1, tzinfo=UTC), datetime(2026, 6, 1, 0, 30, tzinfo=UTC)),
])
def test_night_dose_falls_once_across_daylight_saving(day: datetime, utc_at: datetime) -> None:
    p = CarePlan.from_json({"timezone": "Europe/London",
                            "medicines": [{"name": "levodopa", "times": ["01:30"]}]})
    b = book(p, None)
    fired = _walk(b, day - timedelta(hours=2), 8)
    assert fired == [(utc_at, "dose-01:30")]
    doses = DoseLog(p)
    assert doses.due(utc_at - timedelta(minutes=31)) == []
    assert [m.name for m, _s in doses.due(utc_at - timedelta(minutes=29))] == ["levodopa"]


def test_naive_times_are_wall_clock_in_the_plan_zone() -> None:
    p = CarePlan.from_json({"timezone": "Europe/London"})
    assert p.localize(datetime(2026, 7, 1, 8, 0)).utcoffset() == timedelta(hours=1)
    assert p.localize(datetime(2026, 7, 1, 8, 0, tzinfo=UTC)).hour == 9


def test_care_plan_settings_are_checked() -> None:
    s = load_settings(example_config_path(), sets=["care_plan.timezone=Europe/London",
                                                   "care_plan.dose_confirm_after_min=45"])
    assert s.care_plan.timezone == "Europe/London" and s.care_plan.dose_confirm_after_min == 45
    for bad, needle in [("care_plan.timezone=Mars/Olympus", "not a known time zone"),
                        ("care_plan.dose_confirm_after_min=-1", "0..1440 minutes"),
                        ("care_plan.late_reminder_max_h=\"x\"", "must be a number"),
                        ("care_plan.snooze=3", "unknown setting care_plan.snooze")]:
        with pytest.raises(SettingsError, match=needle):
            load_settings(example_config_path(), sets=[bad])
