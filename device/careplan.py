"""The resident's care plan (medicines, contacts, daily reminders) and the dose log.

The care plan is part of the settings file; the dose log is the device's record of
doses the resident said they took (kept in memory, optionally appended to a JSON-lines
file so a restart remembers today's doses).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

__all__ = ["CarePlan", "Contact", "Dose", "DoseLog", "Medicine", "PlannedReminder", "parse_hhmm"]


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

    def __post_init__(self) -> None:
        if not self.resident.strip():
            raise ValueError("resident.name must not be empty: set it to the resident's first name")

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
        return cls(resident, meds, contacts, reminders)

    def to_json(self) -> dict[str, Any]:
        return {
            "medicines": [{"name": m.name, "dose": m.dose, "times": list(m.times)}
                          for m in self.medicines],
            "contacts": [{"name": c.name, "relation": c.relation, "phone": c.phone,
                          "caregiver": c.caregiver} for c in self.contacts],
            "reminders": [{"task": r.task, "time": r.time} for r in self.reminders],
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
    """Doses taken; answers "have I taken my pills" against the care plan."""

    plan: CarePlan
    path: Path | None = None
    doses: list[Dose] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.path is not None and self.path.is_file():
            for line in self.path.read_text().splitlines():
                if line.strip():
                    self.doses.append(Dose.from_json(json.loads(line)))

    def taken(self, medicine: str, slot: str, day: date) -> Dose | None:
        return next((d for d in self.doses if (d.medicine, d.slot, d.day)
                     == (medicine, slot, day.isoformat())), None)

    def due(self, now: datetime) -> list[tuple[Medicine, str]]:
        """Today's doses whose time has come (up to 30 min early) and are not yet taken."""
        out = []
        for med in self.plan.medicines:
            for t in med.slot_times():
                slot_dt = datetime.combine(now.date(), t)
                slot = t.strftime("%H:%M")
                if slot_dt <= now + timedelta(minutes=30) and not self.taken(med.name, slot,
                                                                             now.date()):
                    out.append((med, slot))
        return out

    def taken_today(self, now: datetime) -> list[Dose]:
        return [d for d in self.doses if d.day == now.date().isoformat()]

    def next_dose(self, now: datetime) -> tuple[Medicine, datetime] | None:
        best: tuple[Medicine, datetime] | None = None
        for med in self.plan.medicines:
            for t in med.slot_times():
                for day in (now.date(), now.date() + timedelta(days=1)):
                    dt = datetime.combine(day, t)
                    if dt > now and not self.taken(med.name, t.strftime("%H:%M"), day):
                        if best is None or dt < best[1]:
                            best = (med, dt)
                        break
        return best

    def record(self, now: datetime, medicine: Medicine | None = None) -> list[Dose]:
        """Record the doses due now (of ``medicine`` only, if given); returns what was recorded.

        With nothing due, records the closest upcoming slot within two hours (taken early).
        """
        due = [(m, s) for m, s in self.due(now) if medicine is None or m.name == medicine.name]
        if not due:
            nxt = [(m, s) for m, s in self._upcoming(now, hours=2)
                   if medicine is None or m.name == medicine.name]
            due = nxt[:1] if medicine is None else nxt
        out = [Dose(m.name, s, now.date().isoformat(), now.timestamp()) for m, s in due]
        self.doses.extend(out)
        if self.path is not None and out:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a") as f:
                for d in out:
                    f.write(json.dumps(d.to_json()) + "\n")
        return out

    def _upcoming(self, now: datetime, hours: float) -> list[tuple[Medicine, str]]:
        out = []
        for med in self.plan.medicines:
            for t in med.slot_times():
                dt = datetime.combine(now.date(), t)
                if now < dt <= now + timedelta(hours=hours):
                    out.append((med, t.strftime("%H:%M")))
        return sorted(out, key=lambda x: x[1])
