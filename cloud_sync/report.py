"""Fleet figures from the cloud store (``eldercare cloud report``).

Alerts per home per week, caregivers' acknowledgement delays, intents, the misunderstood
rate and service health, as one JSON object; optionally a PNG of the first two. Every
figure is computed from the stored events alone, so the same events give the same report
in SQLite and in PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from cloud_sync.events import SyncEvent

WEEK_S = 7 * 86400


def _r(x: float) -> float:
    return round(float(x), 3)


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    vs = sorted(values)
    pos = q * (len(vs) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(vs) - 1)
    return _r(vs[lo] + (vs[hi] - vs[lo]) * (pos - lo))


def _delays_by_level(acks: list[SyncEvent]) -> dict[str, Any]:
    """Acknowledgement delays per alert level (every level, escalating or not)."""
    by: dict[str, list[float]] = {}
    for e in acks:
        if e.data.get("acked") and e.data.get("ack_delay_s") is not None:
            by.setdefault(str(e.data.get("level")), []).append(float(e.data["ack_delay_s"]))
    return {lv: {"n": len(d), "p50": _quantile(d, 0.5), "max": max(d)}
            for lv, d in sorted(by.items())}


def fleet_report(events: list[SyncEvent] | Any) -> dict[str, Any]:
    """Figures over ``events`` (any iterable of :class:`SyncEvent`)."""
    evs = sorted(events, key=lambda e: e.id)
    homes = sorted({e.home for e in evs})
    by_kind = Counter(e.kind for e in evs)
    alerts = [e for e in evs if e.kind == "alert"]
    weeks = sorted({e.hour // WEEK_S for e in evs})
    per_home_week = Counter((e.home, e.hour // WEEK_S) for e in alerts)
    slots = len(homes) * len(weeks)
    acks = [e for e in evs if e.kind == "alert_ack"]
    delays = [float(e.data["ack_delay_s"]) for e in acks
              if e.data.get("acked") and e.data.get("ack_delay_s") is not None]
    labels: Counter[str] = Counter()
    answers: Counter[str] = Counter()
    totals = {"turns": 0.0, "low_confidence": 0.0, "safety_asked": 0.0, "misunderstood": 0.0}
    for e in evs:
        if e.kind != "intent_stats":
            continue
        for k in totals:
            totals[k] += float(e.data.get(k, 0))
        labels.update({k: float(v) for k, v in e.data.get("labels", {}).items()})
        answers.update({k: float(v) for k, v in e.data.get("safety_answers", {}).items()})
    health = [e for e in evs if e.kind == "service_health"]
    turns = totals["turns"]
    return {
        "homes": len(homes), "events": len(evs), "by_kind": dict(sorted(by_kind.items())),
        "weeks": len(weeks),
        "alerts": len(alerts),
        "alerts_by_type": dict(sorted(Counter(str(e.data.get("type")) for e in alerts).items())),
        "alerts_by_level": dict(sorted(Counter(str(e.data.get("level"))
                                               for e in alerts).items())),
        "alerts_per_home_week": _r(len(alerts) / slots) if slots else None,
        "alerts_per_home_week_max": max(per_home_week.values(), default=0),
        "ack_delay_s": {"n": len(delays), "mean": _r(sum(delays) / len(delays)) if delays
                        else None, "p50": _quantile(delays, 0.5),
                        "p90": _quantile(delays, 0.9), "max": max(delays, default=None)},
        "ack_delay_s_by_level": _delays_by_level(acks),
        "acknowledged": sum(1 for e in acks if e.data.get("acked")),
        "unacknowledged": sum(1 for e in acks if not e.data.get("acked")),
        "turns": _r(turns),
        "intents": {k: _r(v) for k, v in sorted(labels.items())},
        "low_confidence_rate": _r(totals["low_confidence"] / turns) if turns > 0 else None,
        "safety_questions": _r(totals["safety_asked"]),
        "safety_answers": {k: _r(v) for k, v in sorted(answers.items())},
        "misunderstood": _r(totals["misunderstood"]),
        "misunderstood_rate": _r(totals["misunderstood"] / turns) if turns > 0 else None,
        "corrections": by_kind.get("correction", 0),
        "service_hours": len(health),
        "service_hours_with_offline": sum(1 for e in health if e.data.get("offline")),
    }


def plot_report(events: list[SyncEvent], path: str | Path) -> None:
    """A PNG: alerts per home-week (histogram) and acknowledgement delays."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    alerts = Counter((e.home, e.hour // WEEK_S) for e in events if e.kind == "alert")
    delays = [float(e.data["ack_delay_s"]) for e in events if e.kind == "alert_ack"
              and e.data.get("acked") and e.data.get("ack_delay_s") is not None]
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.5))
    a.hist(list(alerts.values()) or [0], bins=20)
    a.set_xlabel("alerts per home-week")
    a.set_ylabel("home-weeks")
    b.hist(delays or [0], bins=20)
    b.set_xlabel("acknowledgement delay (s)")
    b.set_ylabel("alerts")
    fig.tight_layout()
    fig.savefig(str(path), dpi=100)
    plt.close(fig)
