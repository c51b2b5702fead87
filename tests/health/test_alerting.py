"""AlertService and CaregiverClient against a real mosquitto on loopback."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest

from health.alerting import CRASH_ENV, AlertService
from health.broker import EmbeddedBroker, free_port
from health.caregiver import CaregiverClient
from health.mqtt_settings import MqttSettings, make_client
from health.policy import EscalationPolicy, SuppressionPolicy

ROOT = Path(__file__).resolve().parents[2]


class FakeClock:
    """A hand-moved clock (seconds since the epoch)."""

    def __init__(self, t: float = 1_800_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, s: float) -> None:
        self.t += s


class Observer:
    """A plain subscriber that records (topic, payload, retain) for given filters."""

    def __init__(self, settings: MqttSettings, *filters: str) -> None:
        self.messages: list[tuple[str, bytes, bool]] = []
        self._ready = threading.Event()
        self.client = make_client(settings)
        self.client.on_connect = lambda c, *a: c.subscribe([(f, 1) for f in filters])
        self.client.on_subscribe = lambda *a: self._ready.set()
        self.client.on_message = lambda c, u, m: self.messages.append(
            (m.topic, m.payload, bool(m.retain)))
        self.client.connect(settings.host, settings.port)
        self.client.loop_start()
        assert self._ready.wait(10)

    def wait(self, pred: Any, timeout_s: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if pred(self.messages):
                return True
            time.sleep(0.02)
        return False

    def stop(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def settings(broker: EmbeddedBroker) -> MqttSettings:
    return MqttSettings(broker.url, prefix="test", home="flat7")


@pytest.fixture
def caregiver(settings: MqttSettings) -> Iterator[CaregiverClient]:
    cg = CaregiverClient(settings, "carer-anna", clean=False).start()
    yield cg
    cg.stop()


def _service(settings: MqttSettings, tmp_path: Path, **kw: Any) -> AlertService:
    return AlertService(settings, tmp_path / "outbox.db", **kw).start(wait_s=10)


def test_alert_is_stored_then_delivered(settings: MqttSettings, caregiver: CaregiverClient,
                                        tmp_path: Path) -> None:
    svc = _service(settings, tmp_path)
    try:
        a = svc.raise_alert("news2", "urgent", "NEWS2 5 (medium)", "r1", news2=5)
        assert a is not None and a.home == "flat7"
        assert svc.flush(10)
        got = caregiver.wait_for(1, 10)
        assert got == [a]
        assert svc.outbox.journal_mode == "wal" and svc.outbox.count_pending() == 0
    finally:
        svc.stop()
    db = sqlite3.connect(tmp_path / "outbox.db")
    rows = db.execute("SELECT key, confirmed FROM outbox").fetchall()
    assert rows == [(a.dedup_key, rows[0][1])] and rows[0][1] is not None


def test_broker_restarts_mid_stream_persistent_caregiver_gets_every_alert(
    broker: EmbeddedBroker, settings: MqttSettings, caregiver: CaregiverClient, tmp_path: Path
) -> None:
    svc = _service(settings, tmp_path)
    sent = []
    try:
        for i in range(60):
            if i == 15:
                broker.restart(down_s=0.3)  # restart while streaming
            if i == 30:
                broker.stop()  # alerts raised while the broker is down
            if i == 35:
                broker.start()
            if i == 40:
                caregiver.stop()  # the caregiver goes away ...
            if i == 45:
                broker.restart()  # ... and the broker restarts while it is away
            a = svc.raise_alert("fall", "emergency", f"fall {i}", f"r{i}", key=f"s{i}")
            assert a is not None
            sent.append(a)
            time.sleep(0.01)
        assert svc.flush(30)
        back = CaregiverClient(settings, "carer-anna", clean=False).start()  # same session
        try:
            got = caregiver.alerts + back.wait_for(60 - len(caregiver.alerts), 30)
        finally:
            back.stop()
    finally:
        svc.stop()
    # every alert arrived (one may reach both sessions if its ack was cut by the stop)
    assert {a.dedup_key for a in got} == {a.dedup_key for a in sent}
    assert len(sent) == 60


def test_kill_9_between_store_and_publish_then_sent_after_restart(
    settings: MqttSettings, caregiver: CaregiverClient, tmp_path: Path
) -> None:
    status = Observer(settings, settings.topic("status"))
    script = (
        "import sys\n"
        "from health.alerting import AlertService\n"
        "from health.mqtt_settings import MqttSettings\n"
        f"s = MqttSettings({settings.url!r}, prefix='test', home='flat7')\n"
        "svc = AlertService(s, sys.argv[1]).start(wait_s=10)\n"
        "print('connected', svc.connected, flush=True)\n"
        "svc.raise_alert('spoken_fall', 'emergency', 'resident said they fell', 'r1')\n"
        "print('not reached', flush=True)\n"
    )
    env = {**os.environ, CRASH_ENV: "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path / "outbox.db")],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "connected True" in proc.stdout and "not reached" not in proc.stdout
    db = sqlite3.connect(tmp_path / "outbox.db")
    (stored,) = db.execute("SELECT key, payload FROM outbox WHERE confirmed IS NULL").fetchall()
    db.close()
    assert caregiver.wait_for(1, 1.0) == []  # it never went out
    # the broker published the Last Will of the killed process
    assert status.wait(lambda m: m and m[-1][1] == b"offline")
    svc = _service(settings, tmp_path)  # the device comes back
    try:
        got = caregiver.wait_for(1, 10)
        assert [a.dedup_key for a in got] == [stored[0]]
        assert got[0].reason == "resident said they fell"
        assert json.loads(stored[1])["id"] == got[0].id
        assert svc.flush(10) and svc.outbox.count_pending() == 0
        assert status.wait(lambda m: m[-1][1] == b"online")
    finally:
        svc.stop()
    assert status.wait(lambda m: m[-1][1] == b"offline")  # clean stop says offline too
    status.stop()
    late = Observer(settings, settings.topic("status"))  # retained for newcomers
    assert late.wait(lambda m: m and m[0][1:] == (b"offline", True))
    late.stop()


def test_suppression_windows_with_injectable_clock(
    settings: MqttSettings, caregiver: CaregiverClient, tmp_path: Path
) -> None:
    clock = FakeClock()
    pol = SuppressionPolicy(repeat_after_s=1800, episode_gap_s=600)
    svc = _service(settings, tmp_path, clock=clock, suppression=pol)
    raised = []
    try:
        def go(level: str = "urgent", news2: int | None = 5) -> Any:
            a = svc.raise_alert("news2", level, "x", "r1", news2=news2)
            if a is not None:
                raised.append(a)
            return a

        first = go()
        assert first is not None and first.id.endswith("-1")
        for _ in range(5):
            clock.advance(60)
            assert go() is None  # sustained, not worse
        assert go(news2=4) is None  # better is not news
        worse = go(news2=6)  # worse score: alert again, same episode
        assert worse is not None and worse.id == first.id[:-2] + "-2"
        assert go("emergency", 6).id.endswith("-3")  # worse level
        for _ in range(6):  # still reported every 299 s: one episode, quiet
            clock.advance(299)
            assert go("emergency", 6) is None
        clock.advance(6)
        assert go("emergency", 6).id.endswith("-4")  # reminder after repeat_after_s
        assert svc.raise_alert("news2", "urgent", "x", "r2", news2=5) is not None  # other one
        assert svc.resolve("news2", "r1")
        fresh = go()
        assert fresh.id.endswith("-1") and fresh.id != first.id  # a new episode
        clock.advance(601)
        assert go().id.endswith("-1")  # quiet longer than the gap: new episode
        assert svc.stats.suppressed == 12
        assert svc.flush(10)
    finally:
        svc.stop()
    # the episode survives a restart: no new id for the same sustained condition
    svc2 = _service(settings, tmp_path, clock=clock, suppression=pol)
    try:
        clock.advance(60)
        assert svc2.raise_alert("news2", "urgent", "x", "r1", news2=5) is None
    finally:
        svc2.stop()
    got = caregiver.wait_for(len(raised) + 1, 10)
    assert len(got) == len(raised) + 1 and caregiver.duplicates == 0


def test_episodes_opened_in_the_same_millisecond_get_distinct_ids(
    settings: MqttSettings, caregiver: CaregiverClient, tmp_path: Path
) -> None:
    clock = FakeClock()  # never moves: resolve and report again at the same instant
    svc = _service(settings, tmp_path, clock=clock)
    try:
        ids = []
        for _ in range(3):
            alert = svc.raise_alert("spoken_fall", "urgent", "fell", "r1")
            assert alert is not None
            ids.append(alert.id)
            assert svc.resolve("spoken_fall", "r1")
        assert len(set(ids)) == 3 and all(i.endswith("-1") for i in ids)
        assert svc.flush(10)
    finally:
        svc.stop()
    got = caregiver.wait_for(3, 10)
    assert sorted(a.id for a in got) == sorted(ids) and caregiver.duplicates == 0


def test_escalation_ladder_until_acknowledged(
    settings: MqttSettings, caregiver: CaregiverClient, tmp_path: Path
) -> None:
    clock = FakeClock()
    ladder = EscalationPolicy(("nurse", "daughter", "gp"), ack_timeout_s=300, min_level="urgent")
    svc = _service(settings, tmp_path, clock=clock, escalation=ladder)
    try:
        info = svc.raise_alert("missed_checkin", "info", "missed 9:00", "r1")
        a = svc.raise_alert("fall", "emergency", "fall", "r1")
        b = svc.raise_alert("news2", "urgent", "NEWS2 5", "r2", news2=5)
        assert info.notify is None and a.notify == "nurse" and b.notify == "nurse"
        assert len(caregiver.wait_for(3, 10)) == 3
        clock.advance(299)
        time.sleep(0.3)
        assert len(caregiver.alerts) == 3  # not yet
        clock.advance(2)
        got = caregiver.wait_for(5, 10)[3:]
        assert sorted((x.id, x.step, x.notify) for x in got) == sorted(
            [(a.id, 1, "daughter"), (b.id, 1, "daughter")])
        caregiver.ack(a.id)  # the daughter answers for the fall
        deadline = time.monotonic() + 10
        while svc.outbox.escalation_state(a.id)[1] is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert svc.outbox.escalation_state(a.id)[2] == "carer-anna"
        clock.advance(301)
        got = caregiver.wait_for(6, 10)
        assert [(x.id, x.step, x.notify) for x in got[5:]] == [(b.id, 2, "gp")]
        clock.advance(301)  # the ladder ends at the gp: nothing more
        time.sleep(0.3)
        assert len(caregiver.alerts) == 6
        assert svc.outbox.escalation_state(info.id) is None
        assert svc.stats.escalations == 3
    finally:
        svc.stop()


def test_discovery_and_status_are_retained(settings: MqttSettings, tmp_path: Path) -> None:
    svc = _service(settings, tmp_path)
    try:
        assert svc.flush(5)
        # The first subscriber may connect before the service's own connect-time
        # publishes reach the broker (then they arrive live, retain=0). Once it has
        # seen them they are stored; a late subscriber must get them as retained.
        first = Observer(settings, "homeassistant/#", settings.topic("status"))
        assert first.wait(lambda m: len(m) >= 3)
        first.stop()
        obs = Observer(settings, "homeassistant/#", settings.topic("status"))
        assert obs.wait(lambda m: len(m) >= 3)
        by_topic = {t: (json.loads(p) if t.startswith("homeassistant") else p, r)
                    for t, p, r in obs.messages}
        assert by_topic[settings.topic("status")] == (b"online", True)
        configs = {t: c for t, (c, r) in by_topic.items() if t.startswith("homeassistant/")}
        assert all(r for t, (c, r) in by_topic.items())
        status_cfg = next(c for t, c in configs.items() if t.startswith(
            "homeassistant/binary_sensor/"))
        assert status_cfg["state_topic"] == "test/flat7/status"
        assert status_cfg["payload_off"] == "offline"
        alert_cfg = next(c for t, c in configs.items() if t.startswith("homeassistant/sensor/"))
        assert alert_cfg["state_topic"] == "test/flat7/alerts"
        obs.stop()
    finally:
        svc.stop()


def test_topic_prefix_keeps_homes_apart(broker: EmbeddedBroker, tmp_path: Path) -> None:
    home_a = MqttSettings(broker.url, prefix="careco", home="a")
    home_b = MqttSettings(broker.url, prefix="other", home="a")
    cg_a = CaregiverClient(home_a, "cg-a", clean=True).start()
    cg_b = CaregiverClient(home_b, "cg-b", clean=True).start()
    svc = AlertService(home_b, tmp_path / "b.db", discovery=False).start(wait_s=10)
    try:
        svc.raise_alert("fall", "emergency", "fall", "r1")
        assert len(cg_b.wait_for(1, 10)) == 1
        assert cg_a.wait_for(1, 0.5) == []
    finally:
        svc.stop()
        cg_a.stop()
        cg_b.stop()


def test_bad_alert_payloads_are_counted_not_delivered(
    settings: MqttSettings, caregiver: CaregiverClient
) -> None:
    pub = make_client(settings)
    pub.connect(settings.host, settings.port)
    pub.loop_start()
    for payload in (b"{oops", b'{"id": "x"}', b'{"id": "a/b", "resident": "r", "level": "urgent",'
                    b' "reason": "r", "ts": 1, "kind": "k"}'):
        pub.publish(settings.topic("alerts"), payload, qos=1).wait_for_publish(5)
    pub.disconnect()
    pub.loop_stop()
    deadline = time.monotonic() + 5
    while caregiver.malformed < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert caregiver.malformed == 3 and caregiver.alerts == []


def test_caregiver_reports_an_unreachable_broker() -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(ConnectionError, match="broker"):
        CaregiverClient(MqttSettings(f"mqtt://127.0.0.1:{port}"), "x").start(timeout_s=1)


def test_mqtt_callback_api_is_version2(settings: MqttSettings) -> None:
    client = make_client(settings)
    assert client._callback_api_version == mqtt.CallbackAPIVersion.VERSION2


def test_ack_sent_while_the_service_is_down_stops_escalation(
    settings: MqttSettings, caregiver: CaregiverClient, tmp_path: Path
) -> None:
    clock = FakeClock()
    ladder = EscalationPolicy(("nurse", "son"), ack_timeout_s=300)
    svc = _service(settings, tmp_path, clock=clock, escalation=ladder)
    a = svc.raise_alert("fall", "emergency", "fall", "r1")
    assert svc.flush(10)
    svc.stop()
    assert [x.id for x in caregiver.wait_for(1, 10)] == [a.id]
    caregiver.ack(a.id).wait_for_publish(5)  # the broker keeps it for the service's session
    clock.advance(301)
    svc = _service(settings, tmp_path, clock=clock, escalation=ladder)
    try:
        deadline = time.monotonic() + 10
        while svc.outbox.escalation_state(a.id)[1] is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert svc.outbox.escalation_state(a.id)[2] == "carer-anna"
        time.sleep(0.3)
        assert len(caregiver.alerts) == 1 and svc.stats.escalations == 0
    finally:
        svc.stop()


def test_outbox_prunes_only_delivered_history(settings: MqttSettings, tmp_path: Path) -> None:
    clock = FakeClock()
    svc = _service(settings, tmp_path, clock=clock, keep_days=365)  # the pump keeps all
    try:
        svc.raise_alert("fall", "emergency", "old fall", "r1")
        assert svc.flush(10)
        svc.resolve("fall", "r1")
        clock.advance(8 * 86400)
        svc.raise_alert("fall", "emergency", "new fall", "r2")
        assert svc.flush(10)
        assert svc.outbox.prune(clock() - 7 * 86400) == 2  # the old message and episode
        db = sqlite3.connect(tmp_path / "outbox.db")
        reasons = [json.loads(p)["reason"] for (p,) in db.execute("SELECT payload FROM outbox")]
        assert reasons == ["new fall"]
    finally:
        svc.stop()


def test_unacknowledged_messages_are_retried_with_backoff(
    broker: EmbeddedBroker, settings: MqttSettings, caregiver: CaregiverClient, tmp_path: Path
) -> None:
    svc = _service(settings, tmp_path, retry_s=0.2, retry_max_s=0.8)
    assert broker._proc is not None
    pid = broker._proc.pid
    try:
        time.sleep(0.3)  # past the quiet time after connecting
        os.kill(pid, signal.SIGSTOP)  # the broker hangs: no PUBACK comes
        try:
            a = svc.raise_alert("fall", "emergency", "fall", "r1")
            time.sleep(1.5)
            retries = svc.stats.retries
            # 0.2, 0.4, 0.8, 0.8 ... s apart: a few re-sends, not one per 50 ms pump cycle
            assert 1 <= retries <= 6
            assert not svc.flush(0.1)
        finally:
            os.kill(pid, signal.SIGCONT)
        assert svc.flush(10)
        got = caregiver.wait_for(1, 10)
        time.sleep(0.3)
        assert [x.id for x in caregiver.alerts] == [a.id] == [x.id for x in got]
        assert caregiver.duplicates >= 1  # re-sends arrived too, and were deduplicated
    finally:
        svc.stop()


def test_service_started_before_the_broker_sends_when_it_appears(
    broker: EmbeddedBroker, settings: MqttSettings, caregiver: CaregiverClient, tmp_path: Path
) -> None:
    broker.stop()
    svc = AlertService(settings, tmp_path / "outbox.db").start(wait_s=0.5)
    try:
        assert not svc.connected
        a = svc.raise_alert("help_request", "emergency", "resident asked for help", "r1")
        assert a is not None and svc.outbox.count_pending() == 1
        broker.start()
        assert [x.id for x in caregiver.wait_for(1, 20)] == [a.id]
        assert svc.flush(10) and svc.outbox.count_pending() == 0
    finally:
        svc.stop()


def test_outbox_that_cannot_store_holds_alerts_and_the_monitor_goes_on(
    settings: MqttSettings, caregiver: CaregiverClient, tmp_path: Path
) -> None:
    """A read-only outbox: every sensor alert of the reading is held (none is lost to the
    first failure), sent directly, and stored once the outbox works again."""
    from health.alerting import AlertNotStored
    from health.monitor import HealthMonitor

    svc = _service(settings, tmp_path, retry_s=0.5)
    try:
        svc.outbox._db.execute("PRAGMA query_only=1")
        with pytest.raises(AlertNotStored) as info:
            svc.raise_alert("help_request", "emergency", "resident asked for help", "r1")
        assert svc.is_held(info.value.alert.id) and info.value.published
        mon = HealthMonitor(svc, "r1")
        now = time.time()
        got = mon.process({"sensor": "wrist1", "resident": "r1", "ts": now, "kind": "vitals",
                           "values": {"resp_rate": 26, "spo2": 90}}, now=now)
        assert [a.kind for a in got] == ["news2"] and svc.stats.held == 2
        assert len(caregiver.wait_for(2, 10)) == 2  # published directly
        svc.outbox._db.execute("PRAGMA query_only=0")
        deadline = time.monotonic() + 20
        while svc.stats.held and time.monotonic() < deadline:
            time.sleep(0.05)
        assert svc.stats.held == 0 and svc.flush(10)
        stored = sqlite3.connect(tmp_path / "outbox.db").execute(
            "SELECT COUNT(*) FROM outbox").fetchone()[0]
        assert stored == 2
    finally:
        svc.stop()


def test_outbox_pending_oldest_first_and_limited(tmp_path: Path) -> None:
    from health.outbox import Outbox, PendingMessage

    box = Outbox(tmp_path / "box.sqlite")
    try:
        box.store([PendingMessage(f"k{i}", "t", b"x", float(i)) for i in (3, 1, 2, 0)])
        assert [m.key for m in box.pending()] == ["k0", "k1", "k2", "k3"]
        assert [m.key for m in box.pending(limit=2)] == ["k0", "k1"]
        box.confirm(["k0"], 10.0)
        assert [m.key for m in box.pending(limit=2)] == ["k1", "k2"]
    finally:
        box.close()
