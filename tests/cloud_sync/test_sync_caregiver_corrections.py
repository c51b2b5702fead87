"""A caregiver marks a misunderstood turn on ``<prefix>/<home>/corrections``: with consent
the utterance reaches the cloud store scrubbed, with the heard and the corrected label, and
becomes a training row for ``eldercare compress --corrections``; without consent only the
count leaves; a bad label, an unknown turn and a second correction of a turn are logged and
ignored. Real device through the scenario player, real mosquitto, real ingest."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest

from cloud_sync.corrections import export_corrections
from cloud_sync.events import SyncEvent
from cloud_sync.ingest import Ingest
from cloud_sync.store import EventStore
from health.broker import EmbeddedBroker

CONTACTS = [{"name": "Tobias Whitfield", "relation": "son", "phone": "+44 7700 900123"}]
SAID = "zebrakettle ring Tobias Whitfield on 07700 900123"
PLANTED = ["Tobias", "Whitfield", "7700", "900123"]



def _publish(broker: EmbeddedBroker, messages: list[bytes]) -> None:
    """The caregiver app: QoS 1 on the home's corrections topic."""
    client = mqtt.Client(callback_api_version=mqtt.CallbackAPIVersion.VERSION2,
                         client_id="test-caregiver-app")
    client.connect(broker.host, broker.port)
    client.loop_start()
    try:
        for payload in messages:
            client.publish("eldercare/home1/corrections", payload, qos=1).wait_for_publish(10)
    finally:
        client.disconnect()
        client.loop_stop()


def _play(broker: EmbeddedBroker, model: Path, tmp_path: Path, consent: bool,
          messages: Any, scenario_play: Any, wait_until: Any) -> Any:
    """Two turns, then (hook at line 3) the caregiver's messages, then an hour later one
    more turn so that the sync gathers them."""
    sent: dict[str, Any] = {}

    def hook(step: Any, player: Any) -> None:
        if step.line == 3:
            rt = player.runtime
            payloads = messages(rt.turn_ids)
            _publish(broker, payloads)
            assert wait_until(lambda: rt.sync.corrections.received >= len(payloads)), \
                "the device did not receive the corrections"
            sent["ids"] = list(rt.turn_ids)

    played = scenario_play.play(tmp_path, broker.url, model, [
        {"at": "2026-11-30T08:00:00", "say": SAID},
        {"at": "+60", "say": "what time is it"},
        {"at": "+60", "say": "hello"},
        {"at": "2026-11-30T10:30:00", "say": "thank you"}],
        sets=("sync.enabled=true", "sync.interval_s=600", "mqtt.home=home1",
              "mqtt.prefix=eldercare", f"sync.consent_transcripts={json.dumps(consent)}",
              f"care_plan.contacts={json.dumps(CONTACTS)}"),
        work=tmp_path / "work", step_hook=hook)
    assert played.summary["errors"] == 0
    # the turn lines carry the ids the caregiver used
    assert [t["turn_id"] for t in played.turns][:2] == sent["ids"][:2]
    return played


def _sent_events(tmp_path: Path) -> list[SyncEvent]:
    con = sqlite3.connect(tmp_path / "work" / "state" / "sync-outbox.sqlite")
    try:
        return [SyncEvent.from_bytes(p) for (p,) in con.execute("SELECT payload FROM outbox")]
    finally:
        con.close()


def test_a_consented_correction_reaches_the_store_scrubbed(
        broker: EmbeddedBroker, keyword_intent: Path, tmp_path: Path,
        caplog: pytest.LogCaptureFixture, scenario_play: Any, wait_until: Any) -> None:
    store = EventStore(tmp_path / "cloud.sqlite")
    ingest = Ingest(broker.url, store, client_id="test-ingest-corrections").start(wait_s=10)
    caplog.set_level(logging.WARNING, logger="cloud_sync.collector")
    try:
        played = _play(broker, keyword_intent, tmp_path, True, lambda ids: [
            json.dumps({"turn_id": ids[0], "label": "call_family",
                        "note": "she asked to ring her son"}).encode(),
            json.dumps({"turn_id": ids[1], "label": "nonsense"}).encode(),
            json.dumps({"turn_id": "feedbeef-99", "label": "greeting"}).encode(),
            json.dumps({"turn_id": ids[0], "label": "greeting"}).encode(),
            b"{not json"], scenario_play, wait_until)
        heard = played.turns[0]["intent"]
        n_sent = len(_sent_events(tmp_path))
        assert wait_until(lambda: store.count() >= n_sent)
        (corr,) = [e for e in store.rows() if e.kind == "correction"]
        assert corr.data["label"] == "call_family" and corr.data["predicted"] == heard
        assert corr.data["text"] == "zebrakettle ring <name> on <phone>"
        assert "note" not in corr.data  # the caregiver's note stays on the device
        stored = json.dumps([e.to_json() for e in store.rows()])
        for planted in PLANTED:
            assert planted not in stored, planted
        stats = [e for e in store.rows() if e.kind == "intent_stats"]
        assert sum(e.data["misunderstood"] for e in stats) == 1
        # the bad ones were logged with their reason and ignored
        log = caplog.text
        assert "label 'nonsense' is not one of the 21 intent labels" in log
        assert "unknown turn id 'feedbeef-99'" in log
        assert "is already corrected" in log and "is not valid JSON" in log
        # it is a training row for eldercare compress --corrections
        train, held = export_corrections(store.rows(), holdout=0.0)
        assert held == [] and [(r["text"], r["intent"]) for r in train] == [
            ("zebrakettle ring Anna on her number", "call_family")]
    finally:
        ingest.stop()
        store.close()


def test_without_consent_only_the_count_leaves(broker: EmbeddedBroker, keyword_intent: Path,
                                               tmp_path: Path, scenario_play: Any,
                                               wait_until: Any) -> None:
    _play(broker, keyword_intent, tmp_path, False, lambda ids: [
        json.dumps({"turn_id": ids[0], "label": "call_family"}).encode()],
        scenario_play, wait_until)
    events = _sent_events(tmp_path)
    assert events and not [e for e in events if e.kind == "correction"]
    text = json.dumps([e.to_json() for e in events])
    assert "zebrakettle" not in text and not any(p in text for p in PLANTED)
    stats = [e for e in events if e.kind == "intent_stats"]
    assert sum(e.data["misunderstood"] for e in stats) == 1
    # nor is the utterance kept for it on the device
    local = (tmp_path / "work" / "state" / "corrections.jsonl").read_text()
    assert json.loads(local)["text"] == "" and "zebrakettle" not in local
