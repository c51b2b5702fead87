"""`eldercare cloud ingest` into SQLite and into PostgreSQL (a throwaway cluster on loopback)
from one real mosquitto: each event stored once however often it is sent, a clean stop on
SIGTERM, and the same report from both stores."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest

from cloud_sync.deid import Pseudonyms, coarsen_hour
from cloud_sync.events import SyncEvent
from cloud_sync.pgserver import PostgresUnavailable, ThrowawayPostgres
from cloud_sync.store import EventStore
from health.broker import EmbeddedBroker

ROOT = Path(__file__).resolve().parents[2]
LABELS = ("fall_report", "greeting", "time_query", "medication_query", "thanks")


@pytest.fixture(scope="module")
def postgres() -> Any:
    try:
        pg = ThrowawayPostgres()
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))
    with pg:
        yield pg


def fleet_events(homes: int, days: int, seed: int = 7) -> list[SyncEvent]:
    """Events as homes' devices send them (alerts, acks, hourly intent statistics)."""
    rng = random.Random(seed)
    p = Pseudonyms(bytes(range(32)))
    t0 = coarsen_hour(1_796_000_000)
    out: list[SyncEvent] = []
    for h in range(homes):
        home = p.of("home", f"home{h}")
        for d in range(days):
            for hour in range(8, 22, 3):
                when = t0 + (d * 24 + hour) * 3600
                key = f"{h}/{d}/{hour}"
                labels = {lb: rng.randint(0, 3) for lb in rng.sample(LABELS, 3)}
                out.append(SyncEvent(p.of("event", "i" + key, 32), home, "intent_stats", when, {
                    "turns": sum(labels.values()), "labels": labels,
                    "low_confidence": rng.randint(0, 1), "safety_asked": 0,
                    "safety_answers": {}, "misunderstood": rng.randint(0, 1)}))
                if rng.random() < 0.3:
                    aid = p.of("alert", key)
                    out.append(SyncEvent(p.of("event", "a" + key, 32), home, "alert", when, {
                        "alert": aid, "type": rng.choice(["spoken_fall", "news2"]),
                        "level": "urgent", "news2": None, "resident": p.of("resident", "r")}))
                    out.append(SyncEvent(p.of("event", "k" + key, 32), home, "alert_ack", when, {
                        "alert": aid, "type": "spoken_fall", "level": "urgent", "acked": True,
                        "ack_delay_s": rng.randint(20, 400), "escalation_steps": 0}))
    return out


def _publish(url_host: str, port: int, events: list[SyncEvent], times: int) -> None:
    pub = mqtt.Client(callback_api_version=mqtt.CallbackAPIVersion.VERSION2,
                      client_id="test-fleet-publisher")
    pub.max_inflight_messages_set(200)
    pub.connect(url_host, port)
    pub.loop_start()
    try:
        infos = [pub.publish(f"eldercare-sync/{e.home}/sync", e.to_bytes(), qos=1)
                 for _ in range(times) for e in events]
        for info in infos:
            info.wait_for_publish(20)
    finally:
        pub.disconnect()
        pub.loop_stop()


def _eldercare(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "device", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _report(db: str, *extra: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-m", "device", "cloud", "report", "--db", db,
                           *extra], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    return dict(json.loads(proc.stdout.splitlines()[-1]))


def test_sqlite_and_postgres_give_the_same_report(broker: EmbeddedBroker, postgres: Any,
                                                  tmp_path: Path) -> None:
    events = fleet_events(homes=12, days=3)
    dbs = {"sqlite": f"sqlite:///{tmp_path / 'cloud.sqlite'}", "postgres": postgres.url}
    procs = {name: _eldercare("cloud", "ingest", "--db", db, "--broker", broker.url,
                              "--client-id", f"ingest-{name}") for name, db in dbs.items()}
    try:
        for proc in procs.values():  # the first line says it is subscribed
            assert proc.stdout is not None
            started = json.loads(proc.stdout.readline())
            assert started["ingest"] == "started" and started["connected"], started
        _publish(broker.host, broker.port, events, times=2)  # every event sent twice
        stores = {name: EventStore(db, migrate_schema=False) for name, db in dbs.items()}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(s.count() < len(events)
                                                  for s in stores.values()):
            time.sleep(0.1)
        for s in stores.values():
            assert s.count() == len(events)
            s.close()
    finally:
        outs = {}
        for name, proc in procs.items():
            proc.send_signal(signal.SIGTERM)
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
            outs[name] = json.loads(out.splitlines()[-1])
    for final in outs.values():  # each copy arrived; the second of each was ignored
        assert final["ingest"] == "stopped", final
        assert final["stored"] == len(events) and final["received"] == 2 * len(events), final
        assert final["duplicates"] == len(events) and final["rejected"] == 0, final
    png = tmp_path / "fleet.png"
    lite = _report(dbs["sqlite"], "--png", str(png))
    pg = _report(dbs["postgres"])
    assert png.stat().st_size > 1000 and lite.pop("png") == str(png)
    assert lite == pg
    assert lite["homes"] == 12 and lite["events"] == len(events)
    assert lite["alerts"] == sum(1 for e in events if e.kind == "alert") > 0
    assert lite["turns"] == sum(e.data["turns"] for e in events if e.kind == "intent_stats")
    assert lite["ack_delay_s"]["n"] == lite["alerts"]


def test_bad_database_url_is_one_line_error(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "device", "cloud", "report", "--db",
                           "mysql://x/y"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("eldercare: error: database url")
    assert len(proc.stderr.strip().splitlines()) == 1
