"""`eldercare run` (the asyncio runtime) honours sync.enabled: its alert reaches the cloud
ingest as a de-identified event; with sync off nothing is sent and no sync files exist."""

from __future__ import annotations

import asyncio
import io
import time
from pathlib import Path

from cloud_sync.ingest import Ingest
from cloud_sync.store import EventStore
from device.runtime import Runtime
from device.settings import example_config_path, load_settings
from health.broker import EmbeddedBroker


def _settings(broker: EmbeddedBroker, model: Path, tmp_path: Path, enabled: bool):  # type: ignore[no-untyped-def]
    return load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(model),
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state"),
        "sync.enabled": enabled, "sync.interval_s": 0.2})


def test_run_sends_its_alert_to_the_cloud(broker: EmbeddedBroker, keyword_intent: Path,
                                          tmp_path: Path) -> None:
    store = EventStore(tmp_path / "cloud.sqlite")
    ingest = Ingest(broker.url, store, client_id="run-ingest").start(wait_s=10)
    try:
        settings = _settings(broker, keyword_intent, tmp_path, True)
        summary = asyncio.run(Runtime(settings, emit=lambda line: None, tick_s=0.05,
                                      stdin=io.StringIO("I fell down\n")).run())
        assert summary["alerts_raised"] == 1 and "sync" not in summary["restarts"]
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any(
                e.kind == "alert" for e in store.rows()):
            time.sleep(0.05)
        (alert,) = [e for e in store.rows() if e.kind == "alert"]
        assert alert.data["type"] == "spoken_fall" and alert.data["level"] == "urgent"
        assert "Mary" not in alert.to_bytes().decode()
    finally:
        ingest.stop()
        store.close()


def test_sync_off_sends_nothing(broker: EmbeddedBroker, keyword_intent: Path,
                                tmp_path: Path) -> None:
    settings = _settings(broker, keyword_intent, tmp_path, False)
    summary = asyncio.run(Runtime(settings, emit=lambda line: None, tick_s=0.05,
                                  stdin=io.StringIO("I fell down\n")).run())
    assert summary["alerts_raised"] == 1
    state = tmp_path / "state"
    assert not list(state.glob("sync-*"))
