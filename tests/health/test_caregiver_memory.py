"""CaregiverClient keeps a bounded dedup memory: the most recent N keys, in arrival order."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from health.alerts import Alert, alert_id
from health.broker import EmbeddedBroker
from health.caregiver import DEFAULT_REMEMBER, CaregiverClient
from health.mqtt_settings import MqttSettings, make_client


def _alert(n: int, step: int = 0) -> Alert:
    return Alert(alert_id("r1", "fall", f"s{n}", 1_700_000_000.0 + n, 1), "r1", "emergency",
                 f"fall {n}", None, 1_700_000_000.0 + n, "fall", "mem", step)


def test_old_keys_are_forgotten_in_order_and_recent_duplicates_dropped(
    broker: EmbeddedBroker, wait_until: Callable[..., bool],
) -> None:
    settings = MqttSettings(broker.url, prefix="eldercare", home="mem")
    cg = CaregiverClient(settings, "carer-mem", clean=True, remember=3).start()
    pub = make_client(settings)
    pub.connect(settings.host, settings.port)
    pub.loop_start()

    def send(a: Alert) -> None:
        pub.publish(settings.topic("alerts"), a.to_bytes(), qos=1).wait_for_publish(5)

    try:
        alerts = [_alert(n) for n in range(5)]
        for a in alerts:
            send(a)
        assert len(cg.wait_for(5, 10)) == 3
        assert cg.received == 5 and cg.forgotten == 2
        # memory holds the last 3 keys, oldest first; the first two were dropped in order
        assert list(cg.received_at) == [a.dedup_key for a in alerts[2:]]
        assert [a.id for a in cg.alerts] == [a.id for a in alerts[2:]]

        # recent re-sends (same id and step) are still duplicates
        send(alerts[4])
        send(alerts[2])
        assert wait_until(lambda: cg.duplicates == 2, timeout_s=10.0)
        assert cg.received == 5
        # the next escalation step of a remembered alert is news, and pushes the oldest out
        send(_alert(4, step=1))
        assert len(cg.wait_for(6, 10)) == 3
        assert list(cg.received_at) == [alerts[3].dedup_key, alerts[4].dedup_key,
                                        _alert(4, step=1).dedup_key]
        assert cg.forgotten == 3 and cg.duplicates == 2
        # memory never grows past the bound, whatever arrives
        for n in range(5, 25):
            send(_alert(n))
        cg.wait_for(26, 10)
        assert cg.received == 26 and len(cg.received_at) == 3 and len(cg.alerts) == 3
        assert cg.duplicates == 2 and cg.malformed == 0
    finally:
        pub.disconnect()
        pub.loop_stop()
        cg.stop()


@pytest.mark.parametrize("bad", [0, -5, 2.5, True, "100"])
def test_remember_must_be_a_positive_integer(bad: object) -> None:
    settings = MqttSettings("mqtt://127.0.0.1:1", home="mem")
    with pytest.raises(ValueError, match="remember must be a positive number"):
        CaregiverClient(settings, "carer", remember=bad)  # type: ignore[arg-type]


def test_default_memory_bound() -> None:
    cg = CaregiverClient(MqttSettings("mqtt://127.0.0.1:1", home="mem"), "carer")
    assert cg.remember == DEFAULT_REMEMBER == 100_000
