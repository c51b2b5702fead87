"""Every alert a caregiver acknowledges reaches the cloud with its acknowledgement delay,
whatever its level (a warning never escalates); one nobody acknowledges is counted as
unacknowledged once ``sync.ack_horizon_s`` has passed. Real device through the scenario
player, real mosquitto, real ingest, and ``eldercare cloud report`` on the store."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from cloud_sync.events import SyncEvent
from cloud_sync.ingest import Ingest
from cloud_sync.store import EventStore
from health.broker import EmbeddedBroker

ROOT = Path(__file__).resolve().parents[2]



def test_a_warning_acked_after_90_s_reaches_the_report(broker: EmbeddedBroker,
                                                       keyword_intent: Path,
                                                       tmp_path: Path, scenario_play: Any,
                                                       wait_until: Any) -> None:
    store = EventStore(tmp_path / "cloud.sqlite")
    ingest = Ingest(broker.url, store, client_id="test-ingest-acks").start(wait_s=10)
    work = tmp_path / "work"
    try:
        played = scenario_play.play(tmp_path, broker.url, keyword_intent, [
            {"at": "2026-11-30T08:00:00", "say": "I feel dizzy"},
            {"at": "+90", "ack": "last", "by": "Anna"},
            {"at": "2026-11-30T09:00:00", "say": "I feel dizzy"},  # nobody acknowledges it
            {"at": "2026-11-30T10:30:00", "say": "hello"}],
            sets=("sync.enabled=true", "sync.interval_s=600", "sync.ack_horizon_s=3600"),
            work=work)
        assert played.summary["errors"] == 0
        raised = [a for a in played.alerts if a["step"] == 0 and a["kind"] == "symptom"]
        assert [a["level"] for a in raised] == ["warning"] * 2
        con = sqlite3.connect(work / "state" / "alerts-outbox.sqlite")
        try:  # a warning has no escalation: the ack was recorded all the same
            assert con.execute("SELECT COUNT(*) FROM escalations").fetchone()[0] == 0
            acks = con.execute("SELECT id, acked_by FROM acks").fetchall()
        finally:
            con.close()
        assert acks == [(raised[0]["id"], "Anna")]

        sent = sqlite3.connect(work / "state" / "sync-outbox.sqlite")
        try:
            n_sent = sent.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
        finally:
            sent.close()
        assert wait_until(lambda: store.count() >= n_sent)
        acked = [e for e in store.rows() if e.kind == "alert_ack"
                 and e.data["type"] == "symptom"]
        assert sorted((e.data["acked"], e.data["ack_delay_s"], e.data["level"])
                      for e in acked) == [(False, None, "warning"), (True, 90, "warning")]
        assert all(e.data["escalation_steps"] == 0 for e in acked)
    finally:
        ingest.stop()
        store.close()

    proc = subprocess.run([sys.executable, "-m", "device", "cloud", "report", "--db",
                           f"sqlite:///{tmp_path / 'cloud.sqlite'}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.splitlines()[-1])
    assert report["ack_delay_s"]["n"] == 1 and report["ack_delay_s"]["max"] == 90
    assert report["ack_delay_s_by_level"] == {"warning": {"n": 1, "p50": 90.0, "max": 90.0}}
    assert report["acknowledged"] == 1
    assert report["unacknowledged"] == report["by_kind"]["alert_ack"] - 1 >= 1


VITALS = {"sensor": "wrist1", "kind": "vitals", "values": {
    "resp_rate": 16, "spo2": 97, "systolic_bp": 125, "pulse": 72, "consciousness": "A",
    "temperature": 36.8, "on_oxygen": False}}


def test_an_alert_whose_condition_ended_unacknowledged_counts_at_once(
        broker: EmbeddedBroker, keyword_intent: Path, tmp_path: Path,
        scenario_play: Any) -> None:
    bad = {**VITALS, "values": {**VITALS["values"], "resp_rate": 26, "spo2": 90,
                                "pulse": 125, "temperature": 39.6}}
    work = tmp_path / "work"
    played = scenario_play.play(tmp_path, broker.url, keyword_intent, [
        {"at": "2026-11-30T08:00:00", "reading": bad},
        {"at": "+300", "reading": VITALS},  # back to normal: the NEWS2 episode ends
        {"at": "2026-11-30T08:30:00", "say": "hello"}],
        sets=("sync.enabled=true", "sync.interval_s=600", "sync.ack_horizon_s=172800"),
        work=work)
    assert played.summary["errors"] == 0
    assert [a["kind"] for a in played.alerts if a["step"] == 0] == ["news2"]
    con = sqlite3.connect(work / "state" / "alerts-outbox.sqlite")
    try:
        assert con.execute("SELECT ended FROM episodes WHERE ekey LIKE '%news2%'"
                           ).fetchall() == [(1,)]
        assert con.execute("SELECT COUNT(*) FROM acks").fetchone()[0] == 0
    finally:
        con.close()
    con = sqlite3.connect(work / "state" / "sync-outbox.sqlite")
    try:
        events = [SyncEvent.from_bytes(p) for (p,) in con.execute("SELECT payload FROM outbox")]
    finally:
        con.close()
    (ack,) = [e for e in events if e.kind == "alert_ack"]  # long before the horizon
    assert ack.data["type"] == "news2" and ack.data["acked"] is False
    assert ack.data["ack_delay_s"] is None
