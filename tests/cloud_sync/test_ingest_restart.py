"""The ingest on a real mosquitto: events sent while it is down wait in its persistent
session; malformed messages are counted and never stored; events round-trip; the sync
settings refuse bad values with a message."""

from __future__ import annotations

import json
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest

from cloud_sync.deid import Pseudonyms
from cloud_sync.events import SyncEvent
from cloud_sync.ingest import Ingest
from cloud_sync.store import EventStore
from device.settings import example_config_path, load_settings
from health.broker import EmbeddedBroker


def _events(n: int) -> list[SyncEvent]:
    p = Pseudonyms(b"k" * 32)
    home = p.of("home", "h")
    return [SyncEvent(p.of("event", str(i), 32), home, "alert", 3600 * (i + 1),
                      {"alert": p.of("alert", str(i)), "type": "fall", "level": "urgent"})
            for i in range(n)]


def _send(broker: EmbeddedBroker, payloads: list[tuple[str, bytes]]) -> None:
    pub = mqtt.Client(callback_api_version=mqtt.CallbackAPIVersion.VERSION2,
                      client_id="test-sender")
    pub.connect(broker.host, broker.port)
    pub.loop_start()
    for info in [pub.publish(t, p, qos=1) for t, p in payloads]:
        info.wait_for_publish(10)
    pub.disconnect()
    pub.loop_stop()


def test_events_sent_while_the_ingest_is_down_are_stored(broker: EmbeddedBroker,
                                                         tmp_path: Path) -> None:
    store = EventStore(tmp_path / "cloud.sqlite")
    events = _events(40)
    first = Ingest(broker.url, store, client_id="ingest-restart").start(wait_s=10)
    _send(broker, [(f"eldercare-sync/{e.home}/sync", e.to_bytes()) for e in events[:10]])
    assert first.wait_for(10)
    first.stop()  # down: the broker keeps its session and queues what arrives
    bad = [("eldercare-sync/abcdef0123456789/sync", b"not json"),
           ("eldercare-sync/abcdef0123456789/sync", json.dumps([1]).encode()),
           (f"eldercare-sync/{'0' * 16}/sync", events[0].to_bytes())]  # topic/home mismatch
    _send(broker, [(f"eldercare-sync/{e.home}/sync", e.to_bytes()) for e in events[5:]] + bad)
    second = Ingest(broker.url, store, client_id="ingest-restart").start(wait_s=10)
    try:
        assert second.wait_for(30, timeout_s=20), second.stats  # 35 sent, 5 already stored
        assert store.count() == 40
        assert {e.id for e in store.rows()} == {e.id for e in events}
        deadline = time.monotonic() + 10
        while second.stats.rejected < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert second.stats.rejected == 3 and second.stats.duplicates == 5
    finally:
        second.stop()
        store.close()


def test_event_round_trip_and_validation() -> None:
    (e,) = _events(1)
    assert SyncEvent.from_bytes(e.to_bytes()) == e
    for bad, match in (({**e.to_json(), "hour": 3601}, "whole hour"),
                       ({**e.to_json(), "id": "XYZ"}, "hex"),
                       ({**e.to_json(), "kind": "transcript"}, "kind"),
                       ({**e.to_json(), "v": 2}, "version")):
        with pytest.raises(ValueError, match=match):
            SyncEvent.from_json(bad)
    with pytest.raises(ValueError, match="over"):
        SyncEvent.from_bytes(b" " * 70000)


@pytest.mark.parametrize(("setting", "match"), [
    ("sync.dp_epsilon=0", "sync.dp_epsilon must be 0.01..100"),
    ('sync.url="http://x"', "sync.url"),
    ('sync.prefix="a b"', "sync.prefix"),
    ("sync.interval_s=0", "sync.interval_s"),
])
def test_sync_settings_refuse_bad_values(setting: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        load_settings(example_config_path(), None, [setting])


def test_sync_is_off_by_default() -> None:
    s = load_settings(example_config_path()).sync
    assert not s.enabled and not s.consent_transcripts and s.dp_epsilon is None


def test_two_ingests_share_the_events(broker: EmbeddedBroker, tmp_path: Path) -> None:
    store = EventStore(tmp_path / "cloud.sqlite")
    events = _events(60)
    ingests = [Ingest(broker.url, store, client_id=f"ingest-{k}", share="fleet").start(10)
               for k in range(2)]
    try:
        _send(broker, [(f"eldercare-sync/{e.home}/sync", e.to_bytes()) for e in events])
        deadline = time.monotonic() + 20
        while store.count() < 60 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert store.count() == 60
        assert all(i.stats.stored > 0 for i in ingests)  # both took a share
        assert sum(i.stats.stored for i in ingests) == 60
    finally:
        for i in ingests:
            i.stop()
        store.close()
    with pytest.raises(ValueError, match="plain word"):
        Ingest(broker.url, store, share="a/b")


def test_ingest_killed_mid_stream_loses_nothing(broker: EmbeddedBroker, tmp_path: Path) -> None:
    """SIGKILL while events arrive: what was received but not committed was never
    acknowledged, so the broker sends it again to the restarted ingest."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    db = f"sqlite:///{tmp_path / 'cloud.sqlite'}"
    store = EventStore(db)
    events = _events(3000)
    cmd = [sys.executable, "-m", "device", "cloud", "ingest", "--db", db, "--broker",
           broker.url, "--client-id", "ingest-killed"]
    first = subprocess.Popen(cmd, cwd=root, stdout=subprocess.PIPE, text=True)
    assert first.stdout is not None and json.loads(first.stdout.readline())["connected"]
    try:
        pub = mqtt.Client(callback_api_version=mqtt.CallbackAPIVersion.VERSION2,
                          client_id="test-stream")
        pub.connect(broker.host, broker.port)
        pub.loop_start()
        infos = [pub.publish(f"eldercare-sync/{e.home}/sync", e.to_bytes(), qos=1)
                 for e in events]
        deadline = time.monotonic() + 30
        while store.count() < 100 and time.monotonic() < deadline:
            time.sleep(0.005)
        first.kill()
        first.wait(10)
        at_kill = store.count()
        assert 0 < at_kill < len(events), at_kill  # killed mid-stream
        for info in infos:
            info.wait_for_publish(20)
        pub.disconnect()
        pub.loop_stop()
    finally:
        if first.poll() is None:
            first.kill()
    second = subprocess.Popen(cmd, cwd=root, stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while store.count() < len(events) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert store.count() == len(events)
        assert {e.id for e in store.rows()} == {e.id for e in events}
    finally:
        second.terminate()
        second.communicate(timeout=60)
        store.close()
    assert second.returncode == 0


class _FlakyStore:
    """The real store behind a database that fails its first two commits (a database
    restarting: the edge of the world, so a small hand-written stand-in)."""

    def __init__(self, store: EventStore) -> None:
        self.store = store
        self.failures = 2

    def insert(self, batch: list[SyncEvent], received: float) -> int:
        from sqlalchemy.exc import OperationalError

        if self.failures:
            self.failures -= 1
            raise OperationalError("INSERT", {}, Exception("server closed the connection"))
        return self.store.insert(batch, received)


def test_a_failing_database_is_retried_and_nothing_is_lost(broker: EmbeddedBroker,
                                                           tmp_path: Path) -> None:
    store = EventStore(tmp_path / "cloud.sqlite")
    flaky = _FlakyStore(store)
    ingest = Ingest(broker.url, flaky, client_id="ingest-flaky")  # type: ignore[arg-type]
    ingest.retry_s = 0.05
    ingest.start(wait_s=10)
    events = _events(30)
    try:
        _send(broker, [(f"eldercare-sync/{e.home}/sync", e.to_bytes()) for e in events])
        assert ingest.wait_for(30, timeout_s=20), ingest.stats
        assert ingest.db_errors == 2 and ingest.error is None
        assert store.count() == 30
    finally:
        ingest.stop()
        store.close()


def test_the_ingest_is_ready_only_once_its_subscription_is_acknowledged(
        broker: EmbeddedBroker, tmp_path: Path) -> None:
    """start() returns when the broker has acknowledged the subscription, not when the
    SUBSCRIBE was sent: on a first session an event published in between is not queued
    for the ingest (the restart test above lost its first events so under load)."""
    from paho.mqtt.packettypes import PacketTypes
    from paho.mqtt.reasoncodes import ReasonCode

    store = EventStore(tmp_path / "cloud.sqlite")
    ingest = Ingest(broker.url, store, client_id="ingest-suback")
    refused = ReasonCode(PacketTypes.SUBACK, identifier=0x80)
    ingest._on_subscribe(None, None, 1, [refused], None)
    assert not ingest.connected  # a refused subscription is not ready
    try:
        ingest.start(wait_s=10)
        assert ingest.connected
        events = _events(5)
        _send(broker, [(f"eldercare-sync/{e.home}/sync", e.to_bytes()) for e in events])
        assert ingest.wait_for(5)
    finally:
        ingest.stop()
    assert store.count() == 5
