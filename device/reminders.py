"""Reminders: one-off ones the resident asked for, the care plan's daily ones, and one per
medicine dose; and the caregivers' warning when a dose goes unconfirmed.

The book remembers, in one JSON file in the state folder (written atomically), the
one-off reminders still to come, the instant up to which reminders were checked, and the
doses already reported. So after a restart a one-off reminder is still there, and a
reminder that fell due while the device was off fires late, saying its time ("It was
time at eight o'clock to ..."), unless it is more than ``care_plan.late_reminder_max_h``
old. At the very first start (no file) nothing in the past fires. See
docs/audio-and-careplan.md.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from device import phrases
from device.careplan import CarePlan, DoseLog, Medicine, parse_hhmm
from device.replies import Action
from device.slots import second_person

__all__ = ["LATE_AFTER_S", "Reminder", "ReminderBook", "reminder_text"]

log = logging.getLogger(__name__)

_UTC = ZoneInfo("UTC")
LATE_AFTER_S = 120.0
"""A reminder heard more than this many seconds after its time says when it was due."""
_STATE_VERSION = 1
_SAVE_EVERY = timedelta(minutes=1)
"""How often an uneventful check writes ``checked_until`` to the state file."""


@dataclass(frozen=True)
class Reminder:
    id: str
    task: str
    """What to remind about, in the second person ("take your pills")."""
    at: datetime
    """When it falls due (aware, or naive local time)."""
    daily: bool = False
    kind: str = "task"
    """"task" (asked for or planned) or "dose" (a care-plan medicine time)."""
    late: bool = False
    """True when it fires well after ``at`` (the device was off or busy)."""

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "task": self.task, "at": self.at.timestamp(),
                "daily": self.daily, "type": self.kind, "late": self.late}

    @classmethod
    def from_json(cls, d: dict[str, Any], zone: Any = None) -> Reminder:
        at = datetime.fromtimestamp(float(d["at"]), tz=zone or _UTC)
        return cls(str(d["id"]), str(d["task"]), at, bool(d.get("daily", False)),
                   str(d.get("type", "task")), bool(d.get("late", False)))


def reminder_text(r: Reminder) -> str:
    """What the device says: "It is time to take your metformin." or, late, "It was time
    at eight o'clock to take your metformin."."""
    if r.late:
        return f"It was time at {phrases.say_clock(r.at)} to {r.task}."
    return f"It is time to {r.task}."


def _names(meds: tuple[Medicine, ...]) -> str:
    names = [m.name for m in meds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class ReminderBook:
    """Which reminders fall due when, and which unconfirmed doses to report.

    Args:
        plan: the care plan (daily reminders, medicine times, time zone, limits).
        doses: the dose log (a dose already taken gets no reminder and no warning).
        path: the state file (None: kept in memory only).
    Raises:
        OSError: the state file exists but cannot be read.
    """

    def __init__(self, plan: CarePlan, doses: DoseLog, path: Path | None = None) -> None:
        self.plan = plan
        self.doses = doses
        self.path = path
        self.one_off: list[Reminder] = []
        self.checked_until: datetime | None = None
        self.reported: set[str] = set()
        """Dose times ("YYYY-MM-DD HH:MM") already reported as unconfirmed."""
        self.first_start: datetime | None = None
        self._n = 0
        self._saved_until: datetime | None = None
        """``checked_until`` as last written to the state file."""
        if path is not None and path.is_file():
            self._load(path)

    # -- state ----------------------------------------------------------------------
    def _load(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text())
            zone = self.plan.zone
            self.one_off = [Reminder.from_json(r, zone) for r in data["one_off"]]
            until = data.get("checked_until")
            self.checked_until = None if until is None else \
                datetime.fromtimestamp(float(until), tz=_UTC)
            self.reported = {str(k) for k in data.get("reported", [])}
            first = data.get("first_start")
            self.first_start = None if first is None else \
                datetime.fromtimestamp(float(first), tz=_UTC)
            self._n = int(data.get("next_id", len(self.one_off)))
        except (ValueError, KeyError, TypeError) as exc:
            # keep the damaged file for a person to read; start with what the plan says
            aside = path.with_name(path.name + ".damaged")
            os.replace(path, aside)
            log.error("reminder state %s unreadable (%s); moved to %s, one-off reminders in "
                      "it are not restored", path, exc, aside)
            self.one_off, self.checked_until, self.reported = [], None, set()
            self.first_start = None

    def _save(self) -> None:
        if self.path is None:
            return
        data = {"version": _STATE_VERSION, "one_off": [r.to_json() for r in self.one_off],
                "checked_until": None if self.checked_until is None
                else self.checked_until.timestamp(),
                "reported": sorted(self.reported), "next_id": self._n,
                "first_start": None if self.first_start is None
                else self.first_start.timestamp()}
        self._saved_until = self.checked_until
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w") as f:
                json.dump(data, f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    # -- public ---------------------------------------------------------------------
    def start(self, now: datetime) -> None:
        """At start-up: with no record of an earlier run, reminders before ``now`` are
        not replayed; with one, those missed while the device was off fire late."""
        if self.checked_until is None:
            self.checked_until = self.plan.localize(now).astimezone(_UTC)
            self.first_start = self.first_start or self.checked_until
            self._save()

    def reminders_to_come(self) -> list[Reminder]:
        """One-off reminders not yet fired, in the order they were set."""
        return list(self.one_off)

    def add(self, task: str, at: datetime) -> Reminder:
        """A one-off reminder of ``task`` (second person) at ``at``; stored before it is
        returned, so the reply that promises it comes after it is kept."""
        self._n += 1
        rem = Reminder(f"r{self._n}", task, self.plan.localize(at))
        self.one_off.append(rem)
        try:
            self._save()
        except OSError:
            self.one_off.remove(rem)
            self._n -= 1
            raise
        return rem

    def due(self, now: datetime) -> list[Reminder]:
        """Reminders due by ``now``, each once: the one-off ones, then the planned daily
        ones and one per dose time (medicines not yet taken), earliest first."""
        local = self.plan.localize(now)
        now_u = local.astimezone(_UTC)
        since = self.checked_until if self.checked_until is not None else now_u
        oldest = now_u - timedelta(hours=self.plan.late_reminder_max_h)
        out = [self._mark(r, now_u) for r in self.one_off
               if r.at.astimezone(_UTC) <= now_u]
        keep = [r for r in self.one_off if r.at.astimezone(_UTC) > now_u]
        daily: list[Reminder | None] = []
        day = since.astimezone(local.tzinfo).date()
        while day <= local.date():
            for planned in self.plan.reminders:
                at = self.plan.occurrence(day, parse_hhmm(planned.time, planned.task))
                if since < at.astimezone(_UTC) <= now_u:
                    daily.append(self._daily(f"daily-{planned.time}",
                                           second_person(planned.task), at, "task",
                                           now_u, oldest))
            for slot, at, meds in self.plan.dose_slots(day):
                left = tuple(m for m in meds if not self.doses.taken(m.name, slot, day))
                if left and since < at.astimezone(_UTC) <= now_u:
                    daily.append(self._daily(f"dose-{slot}", f"take your {_names(left)}", at,
                                           "dose", now_u, oldest))
            day += timedelta(days=1)
        fired = out + sorted((r for r in daily if r is not None),
                             key=lambda r: r.at.astimezone(_UTC))
        changed = bool(fired) or len(keep) != len(self.one_off)
        self.one_off = keep
        self.checked_until = now_u
        # The runtime calls this every tick: write (and fsync) the state when something fired
        # or a minute has passed, not every second. Nothing falls due unseen in between, so
        # after a restart the reminders since the last write are the ones that are late.
        if changed or self._saved_until is None or \
                now_u - self._saved_until >= _SAVE_EVERY:
            self._save()
        return fired

    def unconfirmed(self, now: datetime, resident: str) -> list[Action]:
        """Alerts (level warning) for doses still unconfirmed ``dose_confirm_after_min``
        after their time, each dose time once; none for times before the first start."""
        after = self.plan.dose_confirm_after_min
        if after <= 0 or self.first_start is None:
            return []
        local = self.plan.localize(now)
        now_u = local.astimezone(_UTC)
        actions = []
        for day in (local.date() - timedelta(days=1), local.date()):
            for slot, at, meds in self.plan.dose_slots(day):
                key = f"{day.isoformat()} {slot}"
                at_u = at.astimezone(_UTC)
                left = tuple(m for m in meds if not self.doses.taken(m.name, slot, day))
                if not left or key in self.reported or now_u - at_u > timedelta(hours=24):
                    continue
                if at_u + timedelta(minutes=after) <= now_u and at_u >= self.first_start:
                    self.reported.add(key)
                    actions.append(Action("alert", {
                        "type": "dose_unconfirmed", "level": "warning", "key": key,
                        "reason": f"{resident} has not confirmed the {_names(left)} due at "
                                  f"{phrases.say_clock(at)} ({slot}, {day.isoformat()})"}))
        if actions:
            self._save()
        return actions

    def _mark(self, r: Reminder, now_u: datetime) -> Reminder:
        late = (now_u - r.at.astimezone(_UTC)).total_seconds() > LATE_AFTER_S
        return Reminder(r.id, r.task, r.at, r.daily, r.kind, late)

    def _daily(self, rid: str, task: str, at: datetime, kind: str, now_u: datetime,
               oldest: datetime) -> Reminder | None:
        if at.astimezone(_UTC) < oldest:
            log.warning("reminder %r of %s dropped: over %.0f h late", task, at.isoformat(),
                        self.plan.late_reminder_max_h)
            return None
        return self._mark(Reminder(rid, task, at, True, kind), now_u)
