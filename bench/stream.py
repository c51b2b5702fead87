"""Synthetic reading streams for the alert benchmark, and its caregiver process.

The stream is deterministic (seeded): residents move between normal vitals and
deteriorations of each NEWS2 band, move around, sometimes fall (an accelerometer
free-fall / impact / stillness window, later cleared by the wearable), and a small share of
readings is invalid (NaN, out of range, stale, wrong type) to exercise the rejection path.

Run as ``python -m bench.stream URL PREFIX HOME CLIENT_ID OUT`` it is the caregiver:
a persistent-session :class:`CaregiverClient` that writes one JSON line per new alert
(``k`` dedup key, ``o`` origin time, ``r`` receipt time) and per connection (``c``), and a
final line with its duplicate count when its stdin closes.
"""

from __future__ import annotations

import json
import random
import sys
import time
from typing import Any

NORMAL = {"resp_rate": 16, "spo2": 97, "systolic_bp": 125, "pulse": 72,
          "consciousness": "A", "temperature": 36.8, "on_oxygen": False}
DETERIORATIONS = (
    {"resp_rate": 26},                                           # 3 -> low-medium
    {"resp_rate": 22, "spo2": 95, "pulse": 105, "temperature": 38.3},  # 5 -> medium
    {"resp_rate": 26, "spo2": 91, "pulse": 115},                 # 8 -> high
)


def fall_window(rate_hz: float = 50.0) -> list[list[float]]:
    """3.2 s of [x, y, z] g: standing, 0.3 s free fall, an impact, then lying still."""
    n = int(rate_hz)
    samples = [[0.0, 0.0, 1.0]] * (n // 2)
    samples += [[0.05, 0.05, 0.1]] * int(0.3 * n)
    samples += [[1.5, 2.0, 2.5], [0.8, 1.2, 1.9]]
    samples += [[0.98, 0.05, 0.1]] * int(2.6 * n)
    return samples


def make_stream(n: int, residents: int = 4, seed: int = 7, episode_len: int = 40,
                bad_every: int = 200, fall_every: int = 2500,
                tag: str = "") -> list[dict[str, Any]]:
    """``n`` reading templates (no ``ts`` yet; ``ts_offset`` marks deliberately bad times).

    ``tag`` prefixes resident names, so repeated runs are separate residents."""
    rng = random.Random(seed)
    names = [f"{tag}r{i}" for i in range(residents)]
    state = {r: 0 for r in names}  # readings left in the current deterioration
    which = {r: 0 for r in names}
    fallen: dict[str, int] = {}
    out: list[dict[str, Any]] = []
    for i in range(n):
        r = names[i % residents]
        base = {"sensor": f"wrist-{r}", "resident": r}
        if bad_every and i % bad_every == bad_every - 1:
            out.append(_bad(rng, base, i // bad_every))
            continue
        if fall_every and i % fall_every == fall_every - 1 - residents:
            out.append({**base, "kind": "accel", "values": {"samples": fall_window(),
                                                            "rate_hz": 50.0}})
            fallen[r] = i + 20 * residents
            continue
        if r in fallen and i >= fallen[r]:
            del fallen[r]
            out.append({**base, "kind": "fall", "values": {"fall": False}})
            continue
        roll = rng.random()
        if roll < 0.25:
            out.append({**base, "sensor": f"pir-{r}", "kind": "motion", "values": {"motion": True}})
            continue
        if roll < 0.28:
            out.append({**base, "sensor": f"door-{r}", "kind": "contact",
                        "values": {"contact": rng.random() < 0.5}})
            continue
        if state[r] == 0 and rng.random() < 1.0 / episode_len:
            state[r] = episode_len
            which[r] = rng.randrange(len(DETERIORATIONS))
        values = dict(NORMAL)
        if state[r] > 0:
            state[r] -= 1
            values.update(DETERIORATIONS[which[r]])
        out.append({**base, "kind": "vitals", "values": values})
    return out


def _bad(rng: random.Random, base: dict[str, Any], k: int) -> dict[str, Any]:
    kind = k % 5
    if kind == 0:
        return {**base, "kind": "vitals", "values": {"pulse": float("nan")}}
    if kind == 1:
        return {**base, "kind": "vitals", "values": {"spo2": 140}}
    if kind == 2:
        return {**base, "kind": "vitals", "values": {"pulse": 80}, "ts_offset": -7200.0}
    if kind == 3:
        return {**base, "kind": "vitals", "values": {"pulse": 80}, "ts_offset": 600.0}
    return {**base, "kind": "vitals", "values": {"pulse": "eighty"}}


def caregiver_main(argv: list[str]) -> int:
    from health.caregiver import CaregiverClient
    from health.mqtt_settings import MqttSettings

    url, prefix, home, client_id, out_path = argv
    settings = MqttSettings(url, prefix=prefix, home=home)
    out = open(out_path, "a", buffering=1)  # noqa: SIM115 - closed below

    def on_alert(alert: Any) -> None:
        out.write(json.dumps({"k": alert.dedup_key, "o": alert.origin_ts,
                              "r": cg.received_at[alert.dedup_key]}) + "\n")

    cg = CaregiverClient(settings, client_id, clean=False, on_alert=on_alert)
    cg.start(timeout_s=20)
    print("ready", flush=True)
    sys.stdin.read()  # until the parent closes the pipe
    time.sleep(0.1)
    cg.stop()
    for t in cg.connect_times:
        out.write(json.dumps({"c": t}) + "\n")
    out.write(json.dumps({"duplicates": cg.duplicates, "malformed": cg.malformed}) + "\n")
    out.close()
    return 0


if __name__ == "__main__":
    sys.exit(caregiver_main(sys.argv[1:]))
