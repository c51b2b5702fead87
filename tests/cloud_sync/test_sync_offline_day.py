"""A device offline from the cloud for a simulated day delivers every event exactly once
when it comes back, across a device restart and a cloud broker restart (real mosquitto,
real device through the scenario player, real ingest into SQLite)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest

from cloud_sync.ingest import Ingest
from cloud_sync.report import fleet_report
from cloud_sync.store import EventStore
from health.broker import EmbeddedBroker

VITALS = {"sensor": "wrist1", "kind": "vitals", "values": {
    "resp_rate": 16, "spo2": 97, "systolic_bp": 125, "pulse": 72, "consciousness": "A",
    "temperature": 36.8, "on_oxygen": False}}


def _outbox(work: Path) -> dict[str, tuple[str, bytes, float | None]]:
    db = sqlite3.connect(work / "state" / "sync-outbox.sqlite")
    try:
        rows = db.execute("SELECT key, topic, payload, confirmed FROM outbox").fetchall()
    finally:
        db.close()
    return {r[0]: (r[1], bytes(r[2]), r[3]) for r in rows}



def test_offline_day_delivers_every_event_once(broker: EmbeddedBroker, keyword_intent: Path,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               scenario_play: Any, wait_until: Any) -> None:
    import device.scenario

    # idle ticks every five simulated minutes: a day in a few hundred ticks
    monkeypatch.setattr(device.scenario, "IDLE_TICK_S", 300.0)
    cloud = EmbeddedBroker(workdir=tmp_path / "cloud-mosquitto").start()
    store = EventStore(tmp_path / "cloud.sqlite")
    ingest = Ingest(cloud.url, store, client_id="test-ingest").start(wait_s=10)
    work = tmp_path / "work"
    try:
        assert ingest.connected

        def hook(step: Any, player: Any) -> None:
            if step.line == 1:
                cloud.stop()  # the cloud is unreachable from the first line on
            elif step.line == 9:  # next morning: the cloud broker is back
                cloud.start()
                sync = player.runtime.sync
                assert wait_until(lambda: sync.publisher.connected, 30), "no reconnection"

        played = scenario_play.play(tmp_path, broker.url, keyword_intent, [
            {"at": "2026-11-30T08:00:00", "say": "I fell down"},
            {"at": "+60", "ack": "last", "by": "Anna"},
            {"at": "+600", "say": "what time is it"},
            {"at": "2026-11-30T09:30:00", "reading": VITALS},
            {"at": "2026-11-30T13:00:00", "restart": True},
            {"at": "2026-11-30T15:00:00", "say": "hello"},
            {"at": "2026-11-30T16:00:00", "reading": {**VITALS, "values": {
                **VITALS["values"], "pulse": 80}}},
            {"at": "2026-11-30T20:00:00", "say": "thank you"},
            {"at": "2026-12-01T09:00:00", "say": "good morning"},
            {"at": "+60", "say": "what time is it"}],
            sets=("sync.enabled=true", f"sync.url={json.dumps(cloud.url)}",
                  "sync.interval_s=600"), work=work, wait_s=5.0, step_hook=hook)
        assert played.summary["errors"] == 0
        sent = _outbox(work)
        assert sent, "nothing was stored for the cloud"
        assert wait_until(lambda: ingest.stats.stored >= len(sent), 30), \
            (ingest.stats, len(sent))
        # every stored event was acknowledged by the broker, and the cloud has each once
        assert all(confirmed is not None for _, _, confirmed in sent.values())
        stored = {e.id: e for e in store.rows()}
        assert set(stored) == set(sent)
        assert store.count() == len(sent)

        # the same events again (a device that resends everything): nothing new is stored
        before = ingest.stats.received
        pub = mqtt.Client(callback_api_version=mqtt.CallbackAPIVersion.VERSION2,
                          client_id="test-resend")
        pub.connect(cloud.host, cloud.port)
        pub.loop_start()
        infos = [pub.publish(topic, payload, qos=1) for topic, payload, _ in sent.values()]
        for info in infos:
            info.wait_for_publish(10)
        pub.disconnect()
        pub.loop_stop()
        assert wait_until(lambda: ingest.stats.received >= before + len(sent), 20)
        assert store.count() == len(sent)

        report = fleet_report(list(store.rows()))
        assert report["homes"] == 1
        raised = {a["id"]: a["kind"] for a in played.alerts if a["step"] == 0}
        assert report["alerts"] == len(raised) and raised
        assert report["alerts_by_type"]["spoken_fall"] == 1
        assert report["ack_delay_s"]["n"] == 1 and 55 <= report["ack_delay_s"]["max"] <= 75
        # the hours that ended before the last gathering: every turn in them is counted
        assert report["turns"] == 4  # the last hour's two turns wait for it to end
        assert report["intents"]["fall_report"] == 1
        vitals = [e for e in stored.values() if e.kind == "vitals_day"]
        assert len(vitals) == 1 and vitals[0].data["params"]["pulse"]["n"] == 2
        assert vitals[0].data["params"]["pulse"]["mean"] == 76.0
        assert all(e.hour % 3600 == 0 for e in stored.values())
    finally:
        ingest.stop()
        store.close()
        cloud.close()
