"""`eldercare bench alerts`: readings -> monitor -> AlertService -> mosquitto -> caregiver.

Three phases in one run, against one real mosquitto on loopback and one caregiver with a
persistent session in its own process (as a phone would be):

1. capacity: readings fed as fast as the monitor takes them (validate, score, detect,
   store and publish alerts): ``readings_per_s``;
2. delivery: readings paced at ``rate`` per second while the broker is restarted
   ``restarts`` times mid-stream;
3. (unless ``paths`` is None) the durable path against a bare paho-mqtt QoS 1 publish
   (bench/alert_paths.py): latency overhead, and what each loses across a broker restart
   and a ``kill -9`` of the publisher.

Every alert the first two phases raised must reach the caregiver: ``lost`` counts alerts
sent but never received, ``duplicates`` counts alerts received more than once after deduplication
on (id, step) (and ids never sent), ``redelivered`` the raw repeats that deduplication
removed. Latency runs from a reading's arrival at the monitor to the caregiver's receipt;
``latency_ms_p50/p99`` cover the delivery phase while the broker is up, and alerts raised
during an outage (broker down or a client still reconnecting) are reported apart.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.alert_paths import PathsConfig, run_paths
from bench.figures import percentile
from bench.machine import machine_info
from bench.stream import make_stream
from health.alerting import AlertService
from health.broker import EmbeddedBroker
from health.monitor import HealthMonitor
from health.mqtt_settings import MqttSettings


@dataclass(frozen=True)
class BenchConfig:
    capacity_readings: int
    delivery_readings: int
    rate: float
    restarts: int
    down_s: float = 0.5
    seed: int = 7
    repeats: int = 3
    """Capacity runs; the median is reported."""
    paths: PathsConfig | None = None
    """The durable path against a bare paho-mqtt QoS 1 publish (bench/alert_paths.py);
    None: not run."""

    @classmethod
    def preset(cls, quick: bool, rate: float = 5000.0, restarts: int | None = None,
               seed: int = 7) -> BenchConfig:
        if rate <= 0:
            raise ValueError("--rate must be positive readings per second")
        paths = PathsConfig.preset(quick)
        if quick:
            return cls(15_000, 50_000, rate, 2 if restarts is None else restarts, seed=seed,
                       paths=paths)
        return cls(100_000, 150_000, rate, 5 if restarts is None else restarts, seed=seed,
                   paths=paths)


def _pct(values: list[float], q: float) -> float | None:
    return percentile(values, q)


def _feed(mon: HealthMonitor, stream: list[dict[str, Any]], rate: float | None,
          sent: dict[str, float]) -> float:
    """Feed the stream; returns elapsed seconds. ``rate`` None: as fast as possible."""
    t0 = time.perf_counter()
    wall0 = time.time()
    for i, tpl in enumerate(stream):
        if rate is not None and i % 16 == 0:
            lag = wall0 + i / rate - time.time()
            if lag > 0:
                time.sleep(lag)
        now = time.time()
        reading = dict(tpl)
        reading["ts"] = now + reading.pop("ts_offset", 0.0)
        for a in mon.process(reading, now):
            sent[a.dedup_key] = now
    return time.perf_counter() - t0


def run_bench(cfg: BenchConfig, out_dir: str | Path) -> dict[str, Any]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="eldercare-bench-"))
    cap_streams = [make_stream(cfg.capacity_readings, seed=cfg.seed, tag=f"c{i}")
                   for i in range(cfg.repeats)]
    del_stream = make_stream(cfg.delivery_readings, seed=cfg.seed + 1, tag="d")
    recv_file = tmp / "caregiver.jsonl"
    sent: dict[str, float] = {}
    outages: list[tuple[float, float]] = []
    with EmbeddedBroker(workdir=tmp / "mqtt") as broker:
        settings = MqttSettings(broker.url, prefix="eldercare", home="bench")
        care = subprocess.Popen(
            [sys.executable, "-m", "bench.stream", broker.url, settings.prefix,
             settings.home, "bench-caregiver", str(recv_file)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            cwd=str(Path(__file__).resolve().parent.parent))
        try:
            assert care.stdout is not None
            if care.stdout.readline().strip() != "ready":
                raise OSError("the caregiver process did not start (see its stderr)")
            svc = AlertService(settings, tmp / "outbox.db").start(wait_s=10)
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
            t_detect, t_cap, rejected_cap = [], [], 0
            for stream in cap_streams:  # repeats, each with its own residents
                # detection alone (no MQTT, no SQLite): the scoring path's ceiling
                t_detect.append(_feed(HealthMonitor(None, "r0"), stream, None, {}))
                cap_mon = HealthMonitor(svc, "r0")
                t_cap.append(_feed(cap_mon, stream, None, sent))
                rejected_cap += sum(cap_mon.rejected.values())
            mon = HealthMonitor(svc, "r0")
            phase2_start = time.time()
            restarter = threading.Thread(target=_restarts, args=(broker, cfg, outages))
            restarter.start()
            t_del = _feed(mon, del_stream, cfg.rate, sent)
            restarter.join()
            flushed = svc.flush(60)
            received = _collect(recv_file, set(sent), timeout_s=60)
            svc_connects = list(svc.connect_times)
            stats = asdict(svc.stats)
            rejected = dict(mon.rejected)
            svc.stop()
            comparison = None
            if cfg.paths is not None:  # the same mosquitto, after the service has left it
                comparison = run_paths(broker, cfg.paths, tmp / "paths")
        finally:
            if care.stdin is not None:
                care.stdin.close()
            care.wait(timeout=30)
    lines = [json.loads(x) for x in recv_file.read_text().splitlines() if x.strip()]
    got = {x["k"]: x for x in lines if "k" in x}
    tail: dict[str, Any] = next((x for x in reversed(lines) if "duplicates" in x), {})
    care_connects = sorted(x["c"] for x in lines if "c" in x)
    windows = _outage_windows(outages, svc_connects, care_connects)
    steady, outage_lat, cap_lat = [], [], []
    for k, x in got.items():
        if k not in sent or x.get("o") is None:
            continue
        ms = (x["r"] - x["o"]) * 1000.0
        if x["o"] < phase2_start:
            cap_lat.append(ms)
        elif any(a <= x["o"] <= b for a, b in windows):
            outage_lat.append(ms)
        else:
            steady.append(ms)
    lost = sorted(set(sent) - set(got))
    summary = {
        "readings": cfg.capacity_readings * cfg.repeats + cfg.delivery_readings,
        "readings_per_s": round(cfg.capacity_readings / statistics.median(t_cap), 1),
        "alerts_sent": len(sent),
        "alerts_received": len(set(got) & set(sent)),
        "lost": len(lost),
        "duplicates": len(set(got) - set(sent)),
        "latency_ms_p50": _round(_pct(steady, 50)),
        "latency_ms_p99": _round(_pct(steady, 99)),
        "broker_restarts": len(outages),
        "redelivered": int(tail.get("duplicates", 0)),
        "alerts_during_outage": len(outage_lat),
        "latency_ms_p99_outage": _round(_pct(outage_lat, 99)),
        "latency_ms_max_outage": _round(max(outage_lat) if outage_lat else None),
        "latency_ms_p99_capacity_phase": _round(_pct(cap_lat, 99)),
        "readings_per_s_runs": [round(cfg.capacity_readings / t, 1) for t in t_cap],
        "readings_per_s_detect_only": round(cfg.capacity_readings / statistics.median(t_detect),
                                            1),
        "delivery_rate_target": cfg.rate,
        "delivery_rate_achieved": round(cfg.delivery_readings / t_del, 1),
        "rejected_delivery_phase": rejected,
        "rejected_capacity_phase": rejected_cap,
        "load_avg_1m_at_start": load,
        "flushed": flushed and received,
    }
    result = {"summary": summary, "comparison": comparison, "config": asdict(cfg),
              "stats": stats, "lost_ids": lost[:20],
              "outages": windows, "machine": machine_info(
                  threads="main + paho network (x2) + outbox pump", repeats=cfg.repeats)}
    (out / "alerts.json").write_text(json.dumps(result, indent=2) + "\n")
    _plot(steady, outage_lat, cap_lat, out / "alerts_latency.png")
    shutil.rmtree(tmp, ignore_errors=True)
    return result


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 2)


def _restarts(broker: EmbeddedBroker, cfg: BenchConfig, outages: list[tuple[float, float]]) -> None:
    """Restart the broker at evenly spaced points of the delivery phase."""
    start = time.time()
    duration = cfg.delivery_readings / cfg.rate
    for i in range(cfg.restarts):
        time.sleep(max(0.0, start + duration * (i + 1) / (cfg.restarts + 1) - time.time()))
        t_stop = time.time()
        broker.restart(down_s=cfg.down_s)
        outages.append((t_stop, time.time()))


def _outage_windows(outages: list[tuple[float, float]], svc_connects: list[float],
                    care_connects: list[float]) -> list[tuple[float, float]]:
    """Broker down until both the service and the caregiver are connected again."""
    windows = []
    for stop, up in outages:
        ends = [up]
        for times in (svc_connects, care_connects):
            after = [t for t in times if t >= up]
            ends.append(after[0] if after else float("inf"))
        windows.append((stop, max(ends)))
    return windows


def _collect(path: Path, keys: set[str], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if path.exists():
            seen = {json.loads(x).get("k") for x in path.read_text().splitlines() if x.strip()}
            if keys <= seen:
                return True
        time.sleep(0.1)
    return False


def _plot(steady: list[float], outage: list[float], cap: list[float], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots(figsize=(7, 4))
    every = [v for v in steady + cap + outage if v > 0]
    if every:
        bins = list(np.logspace(np.log10(min(every)), np.log10(max(every) * 1.01), 60))
        for data, label in ((steady, "delivery phase, broker up"), (cap, "capacity phase"),
                            (outage, "raised during a broker outage")):
            if data:
                ax.hist(data, bins=bins, alpha=0.6, label=f"{label} (n={len(data)})")
        ax.set_xscale("log")
        p99 = _pct(steady, 99)
        if p99 is not None:
            ax.axvline(p99, color="k", ls="--", lw=1, label=f"p99 broker up: {p99:.1f} ms")
    ax.set_xlabel("reading arrival -> caregiver receipt (ms)")
    ax.set_ylabel("alerts")
    ax.set_title("eldercare alert latency through mosquitto (loopback)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
