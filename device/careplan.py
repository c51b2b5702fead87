"""The resident's care plan (medicines, contacts, daily reminders) and the dose log.

The care plan is part of the settings file; the dose log is the device's record of
doses the resident said they took (kept in memory, optionally appended to a JSON-lines
file so a restart remembers today's doses).

Times in the plan are wall-clock times in the resident's time zone (``timezone``, an IANA
name; null: the machine's zone). Every comparison is made on aware datetimes, so a dose
at 01:30 falls once on a daylight-saving day: on the spring-forward day (01:30 does not
exist) at the instant the clock jumps past it, on the fall-back day at the first 01:30
(docs/audio-and-careplan.md).
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_UTC = ZoneInfo("UTC")
"""Instants are compared and shifted in UTC: Python compares and adds aware datetimes of one
zone by their wall times, which is wrong across a daylight-saving change."""

__all__ = ["CarePlan", "Contact", "Dose", "DoseLog", "Medicine", "PlannedReminder", "parse_hhmm"]

log = logging.getLogger(__name__)

EARLY_MIN = 30
"""Minutes before its time that a dose counts as due (taken a little early)."""


def parse_hhmm(value: str, where: str) -> time:
    """``"08:30"`` -> ``time(8, 30)``; ValueError naming ``where`` otherwise."""
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", str(value).strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValueError(f"{where}: time {value!r} is not HH:MM (24 h), e.g. \"08:00\"")
    return time(int(m.group(1)), int(m.group(2)))


@dataclass(frozen=True)
class Medicine:
    name: str
    """Name the resident knows it by, e.g. "metformin"."""
    dose: str = ""
    """Free text, e.g. "500 mg, one tablet"."""
    times: tuple[str, ...] = ()
    """Daily times, local, "HH:MM" (24 h)."""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("care_plan.medicines: every medicine needs a non-empty name")
        for t in self.times:
            parse_hhmm(t, f"care_plan.medicines[{self.name}].times")

    def slot_times(self) -> list[time]:
        return sorted(parse_hhmm(t, self.name) for t in self.times)


@dataclass(frozen=True)
class Contact:
    name: str
    relation: str = ""
    """How the resident says it: "daughter", "son", "nurse"."""
    phone: str = ""
    caregiver: bool = True
    """Receives alerts."""

    def __post_init__(self) -> None:
        if not self.name.strip() or "/" in self.name:
            raise ValueError(f"care_plan.contacts: contact name {self.name!r} must be non-empty "
                             "and without '/'")


@dataclass(frozen=True)
class PlannedReminder:
    task: str
    time: str
    """Daily, local, "HH:MM"."""

    def __post_init__(self) -> None:
        if not self.task.strip():
            raise ValueError("care_plan.reminders: every reminder needs a task")
        parse_hhmm(self.time, f"care_plan.reminders[{self.task}].time")


@dataclass(frozen=True)
class CarePlan:
    resident: str = "the resident"
    """The resident's first name, used in replies and alerts."""
    medicines: tuple[Medicine, ...] = ()
    contacts: tuple[Contact, ...] = ()
    reminders: tuple[PlannedReminder, ...] = ()
    timezone: str | None = None
    """IANA zone of the resident's home, e.g. "Europe/London"; null: the machine's zone."""
    dose_confirm_after_min: float = 60.0
    """Minutes after a dose's time that an unconfirmed dose is reported to the caregivers
    (an alert of level warning); 0: never."""
    late_reminder_max_h: float = 6.0
    """Hours after its time that a daily reminder missed while the device was off still
    fires (saying its time); older ones are dropped with a log line."""

    def __post_init__(self) -> None:
        if not self.resident.strip():
            raise ValueError("resident.name must not be empty: set it to the resident's first name")
        if self.timezone is not None:
            try:
                ZoneInfo(self.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(
                    f"care_plan.timezone {self.timezone!r} is not a known time zone: use an "
                    "IANA name such as \"Europe/London\" (install tzdata if the system has "
                    "no /usr/share/zoneinfo)") from None
        if not 0 <= self.dose_confirm_after_min <= 24 * 60:
            raise ValueError(f"care_plan.dose_confirm_after_min must be 0..1440 minutes (got "
                             f"{self.dose_confirm_after_min}); 0 turns the check off")
        if not 0 <= self.late_reminder_max_h <= 24:
            raise ValueError(f"care_plan.late_reminder_max_h must be 0..24 hours (got "
                             f"{self.late_reminder_max_h})")

    # -- time -----------------------------------------------------------------------
    @property
    def zone(self) -> tzinfo | None:
        """The resident's zone (None: the machine's local zone)."""
        return ZoneInfo(self.timezone) if self.timezone is not None else None

    def localize(self, dt: datetime) -> datetime:
        """``dt`` as an aware datetime in the resident's zone; a naive ``dt`` is read as
        wall-clock time there."""
        zone = self.zone
        if dt.tzinfo is None:
            return dt.replace(tzinfo=zone) if zone is not None else dt.astimezone()
        return dt.astimezone(zone) if zone is not None else dt.astimezone()

    def now(self) -> datetime:
        """Now, aware, in the resident's zone."""
        return datetime.now(self.zone) if self.zone is not None else datetime.now().astimezone()

    def occurrence(self, day: date, at: time) -> datetime:
        """The instant a daily time falls on ``day`` (aware). A wall time that does not
        exist that day (spring forward) falls when the clock jumps past it; one that
        occurs twice (fall back) falls at its first occurrence."""
        zone = self.zone
        if zone is not None:
            dt = datetime.combine(day, at, tzinfo=zone)
            # fold=0 in a gap reads the time with the offset before the change, which is
            # the instant the clock jumps past it; normalise to a real wall time
            return dt.astimezone(_UTC).astimezone(zone)
        return datetime.combine(day, at).astimezone()

    def dose_slots(self, day: date) -> list[tuple[str, datetime, tuple[Medicine, ...]]]:
        """``day``'s dose times, earliest first: ("HH:MM", instant, medicines due then)."""
        by_slot: dict[str, list[Medicine]] = {}
        for med in self.medicines:
            for t in med.slot_times():
                by_slot.setdefault(t.strftime("%H:%M"), []).append(med)
        return [(slot, self.occurrence(day, parse_hhmm(slot, "slot")), tuple(meds))
                for slot, meds in sorted(by_slot.items())]

    @classmethod
    def from_json(cls, data: dict[str, Any], resident: str = "the resident") -> CarePlan:
        def items(key: str) -> list[dict[str, Any]]:
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise ValueError(f"care_plan.{key} must be a list of objects")
            return value

        try:
            meds = tuple(
                Medicine(str(m["name"]), str(m.get("dose", "")),
                         tuple(str(t) for t in m.get("times", [])))
                for m in items("medicines"))
            contacts = tuple(
                Contact(str(c["name"]), str(c.get("relation", "")), str(c.get("phone", "")),
                        bool(c.get("caregiver", True)))
                for c in items("contacts"))
            reminders = tuple(PlannedReminder(str(r["task"]), str(r["time"]))
                              for r in items("reminders"))
        except KeyError as exc:
            raise ValueError(f"care_plan: an entry lacks the field {exc.args[0]!r}") from None
        tz = data.get("timezone")
        if tz is not None and not isinstance(tz, str):
            raise ValueError(f"care_plan.timezone must be a string such as \"Europe/London\" "
                             f"(got {tz!r})")
        numbers: dict[str, float] = {}
        for key in ("dose_confirm_after_min", "late_reminder_max_h"):
            if key in data:
                value = data[key]
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise ValueError(f"care_plan.{key} must be a number (got {value!r})")
                numbers[key] = float(value)
        return cls(resident, meds, contacts, reminders, tz, **numbers)

    def to_json(self) -> dict[str, Any]:
        return {
            "medicines": [{"name": m.name, "dose": m.dose, "times": list(m.times)}
                          for m in self.medicines],
            "contacts": [{"name": c.name, "relation": c.relation, "phone": c.phone,
                          "caregiver": c.caregiver} for c in self.contacts],
            "reminders": [{"task": r.task, "time": r.time} for r in self.reminders],
            "timezone": self.timezone,
            "dose_confirm_after_min": self.dose_confirm_after_min,
            "late_reminder_max_h": self.late_reminder_max_h,
        }

    def find_contact(self, word: str) -> Contact | None:
        """The contact whose name or relation is ``word`` (case-insensitive)."""
        w = word.strip().lower()
        aliases = {"mom": "mother", "mum": "mother", "dad": "father", "neighbor": "neighbour"}
        w = aliases.get(w, w)
        for c in self.contacts:
            if w in (c.name.lower(), aliases.get(c.relation.lower(), c.relation.lower())):
                return c
        for c in self.contacts:
            if c.name.lower().split()[0] == w:
                return c
        return None

    def find_medicine(self, text: str) -> Medicine | None:
        low = text.lower()
        return next((m for m in self.medicines if m.name.lower() in low), None)


@dataclass(frozen=True)
class Dose:
    medicine: str
    slot: str
    """Scheduled time "HH:MM" this dose belongs to."""
    day: str
    """ISO date of the slot."""
    taken_at: float
    """Unix time, seconds."""

    def to_json(self) -> dict[str, Any]:
        return {"medicine": self.medicine, "slot": self.slot, "day": self.day,
                "taken_at": self.taken_at}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Dose:
        return cls(str(d["medicine"]), str(d["slot"]), str(d["day"]), float(d["taken_at"]))


@dataclass
class DoseLog:
    """Doses taken; answers "have I taken my pills" against the care plan.

    ``now`` arguments may be naive (wall-clock time in the resident's zone) or aware.
    """

    plan: CarePlan
    path: Path | None = None
    doses: list[Dose] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.path is not None and self.path.is_file():
            for n, line in enumerate(self.path.read_text().splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    self.doses.append(Dose.from_json(json.loads(line)))
                except (ValueError, KeyError, TypeError) as exc:
                    # a line torn by a power cut; the others still count
                    log.error("dose log %s line %d unreadable (%s); skipped", self.path, n, exc)

    def taken(self, medicine: str, slot: str, day: date) -> Dose | None:
        return next((d for d in self.doses if (d.medicine, d.slot, d.day)
                     == (medicine, slot, day.isoformat())), None)

    def open_slots(self, now: datetime, early_min: float = 0.0
                   ) -> list[tuple[str, datetime, tuple[Medicine, ...]]]:
        """Today's dose times reached by ``now`` (+ ``early_min`` minutes) with the
        medicines of each not yet taken; earliest first."""
        local = self.plan.localize(now)
        limit = local.astimezone(_UTC) + timedelta(minutes=early_min)
        out = []
        for slot, at, meds in self.plan.dose_slots(local.date()):
            if at.astimezone(_UTC) <= limit:
                left = tuple(m for m in meds if not self.taken(m.name, slot, local.date()))
                if left:
                    out.append((slot, at, left))
        return out

    def due(self, now: datetime) -> list[tuple[Medicine, str]]:
        """Today's doses whose time has come (up to EARLY_MIN minutes early), not taken."""
        return [(m, slot) for slot, _at, meds in self.open_slots(now, EARLY_MIN) for m in meds]

    def taken_today(self, now: datetime) -> list[Dose]:
        day = self.plan.localize(now).date().isoformat()
        return [d for d in self.doses if d.day == day]

    def upcoming(self, now: datetime, hours: float = 24.0
                 ) -> list[tuple[str, datetime, tuple[Medicine, ...]]]:
        """Dose times after ``now`` within ``hours`` with medicines not yet taken."""
        local = self.plan.localize(now)
        start = local.astimezone(_UTC)
        out = []
        for day in (local.date(), local.date() + timedelta(days=1)):
            for slot, at, meds in self.plan.dose_slots(day):
                if start < at.astimezone(_UTC) <= start + timedelta(hours=hours):
                    left = tuple(m for m in meds if not self.taken(m.name, slot, day))
                    if left:
                        out.append((slot, at, left))
        return out

    def next_dose(self, now: datetime) -> tuple[Medicine, datetime] | None:
        nxt = self.upcoming(now)
        return (nxt[0][2][0], nxt[0][1]) if nxt else None

    def add(self, medicines: tuple[Medicine, ...], slot_at: datetime, now: datetime
            ) -> list[Dose]:
        """Record ``medicines`` as taken for the dose time ``slot_at``."""
        local = self.plan.localize(slot_at)
        slot, day = local.strftime("%H:%M"), local.date()
        out = [Dose(m.name, slot, day.isoformat(), now.timestamp()) for m in medicines
               if not self.taken(m.name, slot, day)]
        if self.path is not None and out:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a") as f:
                for d in out:
                    f.write(json.dumps(d.to_json()) + "\n")
                f.flush()
                os.fsync(f.fileno())
        self.doses.extend(out)  # kept in memory only once it is on disk
        return out

    def record(self, now: datetime, medicine: Medicine | None = None) -> list[Dose]:
        """Record the doses due now (of ``medicine`` only, if given) when they all belong
        to one dose time; returns what was recorded (nothing when none is due or the
        choice is unclear: see :func:`device.medication.record_doses`)."""
        slots = [(slot, at, tuple(m for m in meds if medicine is None
                                  or m.name == medicine.name))
                 for slot, at, meds in self.open_slots(now, EARLY_MIN)]
        slots = [x for x in slots if x[2]]
        if len(slots) != 1:
            return []
        return self.add(slots[0][2], slots[0][1], now)
