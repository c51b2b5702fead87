"""Fleet benchmark of the de-identified sync (docs/cloud-sync.md): N homes, each its own
MQTT connection, publish a simulated day of events (QoS 1) through one mosquitto into one
`eldercare cloud ingest` process writing to PostgreSQL (a throwaway cluster on loopback).

Every home also re-sends a share of its events (as a device does after a lost PUBACK), so
the figures include duplicates ignored. Measured: events per second from the first publish
to the last commit, loss (sent but not stored), duplicates stored (must be 0), the
ingest's CPU time, the fleet's average event rate over a day, and how long the ingest
takes to drain the burst of every home sending its two hourly aggregates at once.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from cloud_sync.deid import Pseudonyms, coarsen_hour
from cloud_sync.events import SyncEvent

DAY_START = coarsen_hour(1_796_000_000)
LABELS = ("fall_report", "emergency_help", "greeting", "time_query", "medication_query",
          "medication_taken", "reminder_set", "thanks", "companionship", "home_control")


def home_day(index: int, seed: int) -> list[SyncEvent]:
    """A simulated day of one home's events (hourly intent and service statistics, a
    vital-sign summary, a few alerts and their acknowledgements)."""
    rng = random.Random(seed * 1_000_003 + index)
    p = Pseudonyms(rng.randbytes(32))
    home = p.of("home", f"home{index}")
    out = []
    for hour in range(24):
        when = DAY_START + hour * 3600
        if 7 <= hour <= 22:
            labels = {lb: rng.randint(1, 4) for lb in rng.sample(LABELS, 3)}
            out.append(SyncEvent(p.of("event", f"i{hour}", 32), home, "intent_stats", when, {
                "turns": sum(labels.values()), "labels": labels,
                "low_confidence": rng.randint(0, 2), "safety_asked": rng.randint(0, 1),
                "safety_answers": {}, "misunderstood": rng.randint(0, 1)}))
        out.append(SyncEvent(p.of("event", f"h{hour}", 32), home, "service_health", when, {
            "offline": [], "errors": 0, "restarts": 0, "outbox_depth_max": 0,
            "broker_disconnected_polls": 0, "polls": 720}))
    out.append(SyncEvent(p.of("event", "v", 32), home, "vitals_day", DAY_START, {
        "resident": p.of("resident", "r"), "params": {"pulse": {
            "n": 48, "mean": round(rng.gauss(72, 6), 2), "min": 55, "max": 101}}}))
    for k in range(rng.choice((0, 0, 1, 1, 2, 3))):
        when = DAY_START + rng.randint(0, 23) * 3600
        aid = p.of("alert", str(k))
        out.append(SyncEvent(p.of("event", f"a{k}", 32), home, "alert", when, {
            "alert": aid, "type": rng.choice(("spoken_fall", "news2", "inactivity")),
            "level": "urgent", "news2": None, "resident": p.of("resident", "r")}))
        out.append(SyncEvent(p.of("event", f"k{k}", 32), home, "alert_ack", when, {
            "alert": aid, "type": "spoken_fall", "level": "urgent", "acked": True,
            "ack_delay_s": rng.randint(15, 900), "escalation_steps": 0}))
    return out


def _publisher(host: str, port: int, homes: list[int], seed: int, resend: float,
               start: Any, result: Any) -> None:
    """One process driving several homes, each with its own MQTT connection."""
    import paho.mqtt.client as mqtt

    clients = []
    for i in homes:
        c = mqtt.Client(callback_api_version=mqtt.CallbackAPIVersion.VERSION2,
                        client_id=f"fleet-home-{i}", clean_session=True)
        c.max_inflight_messages_set(50)
        c.connect(host, port, keepalive=60)
        c.loop_start()
        clients.append((i, c))
    start.wait()
    sent = resent = 0
    infos = []
    for i, c in clients:
        rng = random.Random(seed + i)
        for e in home_day(i, seed):
            topic = f"eldercare-sync/{e.home}/sync"
            infos.append(c.publish(topic, e.to_bytes(), qos=1))
            sent += 1
            if rng.random() < resend:
                infos.append(c.publish(topic, e.to_bytes(), qos=1))
                resent += 1
    unacked = 0
    for info in infos:
        try:
            info.wait_for_publish(120)
        except (RuntimeError, ValueError):
            unacked += 1
        if not info.is_published():
            unacked += 1
    for _, c in clients:
        c.disconnect()
        c.loop_stop()
    result.put({"sent": sent, "resent": resent, "unacked": unacked})


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far, seconds (Linux /proc)."""
    import os

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)


def run_bench(homes: int = 1000, processes: int = 4, resend: float = 0.05, seed: int = 7,
              out_dir: str | Path | None = None) -> dict[str, Any]:
    """Run the fleet; returns (and writes ``fleet_sync.json`` into ``out_dir``) the figures."""
    from bench.machine import machine_info
    from cloud_sync.pgserver import ThrowawayPostgres
    from cloud_sync.store import EventStore
    from health.broker import EmbeddedBroker

    expected = sum(len(home_day(i, seed)) for i in range(homes))
    with EmbeddedBroker(persistence=False) as broker, ThrowawayPostgres() as pg:
        EventStore(pg.url).close()  # schema first, so the ingest starts at once
        ingest = subprocess.Popen(
            [sys.executable, "-m", "device", "cloud", "ingest", "--db", pg.url, "--broker",
             broker.url, "--client-id", "fleet-ingest"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert ingest.stdout is not None
        started = json.loads(ingest.stdout.readline())
        if not started.get("connected"):
            raise OSError(f"the ingest did not connect: {started}")
        ctx = mp.get_context("fork")
        start, result = ctx.Event(), ctx.Queue()
        parts = [list(range(homes))[k::processes] for k in range(processes)]
        procs = [ctx.Process(target=_publisher, args=(broker.host, broker.port, part, seed,
                                                      resend, start, result))
                 for part in parts]
        for proc in procs:
            proc.start()
        time.sleep(2.0 + homes / 500)  # the connections are made before the clock starts
        store = EventStore(pg.url, migrate_schema=False)
        t0 = time.perf_counter()
        start.set()
        stored, last_change, t_last = 0, time.perf_counter(), t0
        while time.perf_counter() - last_change < 20:
            n = store.count()
            if n != stored:
                stored, last_change, t_last = n, time.perf_counter(), time.perf_counter()
            if stored >= expected:
                break
            time.sleep(0.05)
        seconds = t_last - t0
        cpu_s = _cpu_seconds(ingest.pid)
        pubs = [result.get(timeout=120) for _ in procs]
        for proc in procs:
            proc.join(timeout=60)
        ingest.send_signal(signal.SIGTERM)
        out, err = ingest.communicate(timeout=120)
        final = json.loads(out.splitlines()[-1])
        with store.engine.connect() as conn:
            distinct = conn.exec_driver_sql("SELECT COUNT(DISTINCT id) FROM events").scalar_one()
        store.close()
    sent = sum(p["sent"] for p in pubs)
    resent = sum(p["resent"] for p in pubs)
    result_json = {
        "homes": homes, "publisher_processes": processes, "events_per_home_day": round(
            expected / homes, 1), "events": expected, "sent": sent, "resent": resent,
        "stored": stored, "lost": sent - stored, "duplicates_stored": stored - int(distinct),
        "duplicates_ignored": final["duplicates"], "rejected": final["rejected"],
        "unacked_publishes": sum(p["unacked"] for p in pubs),
        "seconds": round(seconds, 2), "events_per_s": round(stored / seconds, 1)
        if seconds > 0 else None,
        "fleet_day_events_per_s": round(expected / 86400, 3),
        "hour_burst_s": round(homes * 2 / (stored / seconds), 2) if seconds > 0 else None,
        "ingest_cpu_s": cpu_s,
        "machine": machine_info(threads="ingest: 1 process"),
    }
    if out_dir is not None:
        from bench.results import write_json

        write_json("fleet_sync", result_json, out_dir)
    return result_json


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(json.dumps(run_bench(n, out_dir=sys.argv[2] if len(sys.argv) > 2 else None)))
