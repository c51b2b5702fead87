"""NEWS2 (National Early Warning Score 2), exactly per the RCP chart (December 2017).

Parameters and bands (value -> score):

- respiration rate (breaths/min): <=8: 3, 9-11: 1, 12-20: 0, 21-24: 2, >=25: 3
- SpO2 scale 1 (%): <=91: 3, 92-93: 2, 94-95: 1, >=96: 0
- SpO2 scale 2 (%, hypercapnic respiratory failure, a care-plan flag): <=83: 3, 84-85: 2,
  86-87: 1, 88-92: 0, >=93 on air: 0; on oxygen 93-94: 1, 95-96: 2, >=97: 3
- air or oxygen: oxygen 2, air 0
- systolic BP (mmHg): <=90: 3, 91-100: 2, 101-110: 1, 111-219: 0, >=220: 3
- pulse (beats/min): <=40: 3, 41-50: 1, 51-90: 0, 91-110: 1, 111-130: 2, >=131: 3
- consciousness (ACVPU): A: 0; C (new confusion), V, P or U: 3
- temperature (degrees C): <=35.0: 3, 35.1-36.0: 1, 36.1-38.0: 0, 38.1-39.0: 1, >=39.1: 2

Aggregate risk: 0-4 "low"; 0-4 with any single parameter scoring 3 "low-medium";
5-6 "medium"; 7 or more "high".

Values are rounded half-up to the chart's precision before banding (whole numbers; one
decimal for temperature), so 20.5 breaths/min counts as 21.

Missing parameters are never scored 0. When any parameter is missing (or a scale 2 SpO2
of 93 % or more cannot be scored because air/oxygen is unknown), the result is
*incomplete*: ``news2`` is ``None``, ``risk`` is ``"incomplete"``, ``missing`` lists the
parameters, and ``partial_news2`` / ``partial_risk`` give the sum and band of the scored
parameters. They are a lower bound: the full score can only be equal or higher.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .observation import (  # noqa: F401 - re-exported
    ACVPU,
    PARAMETERS,
    RANGES,
    Observation,
    ObservationError,
)

RISKS = ("low", "low-medium", "medium", "high")
INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class News2Result:
    """The score of one observation set."""

    news2: int | None
    """Aggregate score (0-20), or None when incomplete."""
    risk: str
    """low, low-medium, medium, high; or incomplete."""
    parameters: dict[str, int]
    """Score per scored parameter (0-3)."""
    missing: list[str] = field(default_factory=list)
    """Parameters that were not measured or could not be scored."""
    partial_news2: int = 0
    """Sum of the scored parameters: a lower bound when incomplete."""
    partial_risk: str = "low"
    """Risk band of the scored parameters alone (a lower bound when incomplete)."""

    @property
    def complete(self) -> bool:
        return not self.missing

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "news2": self.news2,
            "risk": self.risk,
            "parameters": dict(self.parameters),
            "missing": list(self.missing),
        }
        if self.missing:
            out["partial_news2"] = self.partial_news2
            out["partial_risk"] = self.partial_risk
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> News2Result:
        parameters = {str(k): int(v) for k, v in data["parameters"].items()}
        partial = int(data.get("partial_news2", sum(parameters.values())))
        return cls(
            news2=None if data["news2"] is None else int(data["news2"]),
            risk=str(data["risk"]),
            parameters=parameters,
            missing=[str(m) for m in data.get("missing", [])],
            partial_news2=partial,
            partial_risk=str(data.get("partial_risk", data["risk"])),
        )


def _round(value: float, places: int = 0) -> Decimal:
    quantum = Decimal(1).scaleb(-places)
    return Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)


def score_resp_rate(rate: float) -> int:
    r = _round(rate)
    if r <= 8:
        return 3
    if r <= 11:
        return 1
    if r <= 20:
        return 0
    if r <= 24:
        return 2
    return 3


def score_spo2_scale1(spo2: float) -> int:
    s = _round(spo2)
    if s <= 91:
        return 3
    if s <= 93:
        return 2
    if s <= 95:
        return 1
    return 0


def score_spo2_scale2(spo2: float, on_oxygen: bool) -> int:
    s = _round(spo2)
    if s <= 83:
        return 3
    if s <= 85:
        return 2
    if s <= 87:
        return 1
    if s <= 92 or not on_oxygen:
        return 0
    if s <= 94:
        return 1
    if s <= 96:
        return 2
    return 3


def score_air_oxygen(on_oxygen: bool) -> int:
    return 2 if on_oxygen else 0


def score_systolic_bp(bp: float) -> int:
    b = _round(bp)
    if b <= 90:
        return 3
    if b <= 100:
        return 2
    if b <= 110:
        return 1
    if b <= 219:
        return 0
    return 3


def score_pulse(pulse: float) -> int:
    p = _round(pulse)
    if p <= 40:
        return 3
    if p <= 50:
        return 1
    if p <= 90:
        return 0
    if p <= 110:
        return 1
    if p <= 130:
        return 2
    return 3


def score_consciousness(level: str) -> int:
    return 0 if level == "A" else 3


def score_temperature(temp: float) -> int:
    t = _round(temp, 1)
    if t <= Decimal("35.0"):
        return 3
    if t <= Decimal("36.0"):
        return 1
    if t <= Decimal("38.0"):
        return 0
    if t <= Decimal("39.0"):
        return 1
    return 2


def risk_band(total: int, any_three: bool) -> str:
    """Clinical risk for an aggregate score; ``any_three``: a single parameter scored 3."""
    if total >= 7:
        return "high"
    if total >= 5:
        return "medium"
    if any_three:
        return "low-medium"
    return "low"


def score(obs: dict[str, Any] | Observation) -> News2Result:
    """Score one observation set (a dict as in DESIGN.md, or an :class:`Observation`).

    Raises :class:`ObservationError` (a ValueError) for wrong types or impossible values.
    """
    o = obs if isinstance(obs, Observation) else Observation.from_json(obs)
    params: dict[str, int] = {}
    missing: list[str] = []
    if o.resp_rate is None:
        missing.append("resp_rate")
    else:
        params["resp_rate"] = score_resp_rate(o.resp_rate)
    if o.spo2 is None:
        missing.append("spo2")
    elif o.spo2_scale == 1:
        params["spo2"] = score_spo2_scale1(o.spo2)
    elif o.on_oxygen is None and _round(o.spo2) >= 93:
        missing.append("spo2")  # scale 2 at >= 93 % depends on air/oxygen
    else:
        params["spo2"] = score_spo2_scale2(o.spo2, bool(o.on_oxygen))
    if o.on_oxygen is None:
        missing.append("on_oxygen")
    else:
        params["on_oxygen"] = score_air_oxygen(o.on_oxygen)
    if o.systolic_bp is None:
        missing.append("systolic_bp")
    else:
        params["systolic_bp"] = score_systolic_bp(o.systolic_bp)
    if o.pulse is None:
        missing.append("pulse")
    else:
        params["pulse"] = score_pulse(o.pulse)
    if o.consciousness is None:
        missing.append("consciousness")
    else:
        params["consciousness"] = score_consciousness(o.consciousness)
    if o.temperature is None:
        missing.append("temperature")
    else:
        params["temperature"] = score_temperature(o.temperature)
    total = sum(params.values())
    band = risk_band(total, any(v == 3 for v in params.values()))
    ordered_missing = [p for p in PARAMETERS if p in missing]
    if ordered_missing:
        return News2Result(None, INCOMPLETE, params, ordered_missing, total, band)
    return News2Result(total, band, params, [], total, band)
