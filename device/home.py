"""The MQTT side of a home: broker (embedded unless configured), alert service, health
monitor and sensor ingest, started and stopped together."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from device.settings import Settings

__all__ = ["HomeServices", "read_replay", "shift_to"]

log = logging.getLogger(__name__)


def read_replay(path: str | Path, now: float | None = None) -> list[dict[str, Any]]:
    """Readings from a JSON-lines replay file (``health.replay``; a malformed line is an
    error naming it). With ``now``, timestamps are shifted so the last reading happens at
    ``now`` (spacing kept), so a recorded stream plays as if live."""
    from health.replay import read_replay as health_read_replay

    rows = list(health_read_replay(path, strict=True))
    for i, row in enumerate(rows, 1):
        if not isinstance(row.get("ts"), (int, float)) or isinstance(row.get("ts"), bool):
            raise ValueError(f"replay file {path}: reading {i} needs a numeric 'ts' (seconds)")
    return shift_to(rows, now) if now is not None else rows


def shift_to(rows: list[dict[str, Any]], now: float) -> list[dict[str, Any]]:
    """Readings with timestamps shifted so that the last one is at ``now`` (epoch s)."""
    if not rows:
        return []
    shift = now - max(float(r["ts"]) for r in rows)
    return [{**r, "ts": float(r["ts"]) + shift} for r in rows]


class HomeServices:
    """Broker + AlertService + HealthMonitor (+ SensorIngest) for one home.

    Args:
        settings: device settings (mqtt, resident, health).
        state_dir: where the alert outbox lives (kept across restarts).
        broker_dir: persistence folder of the embedded broker (when mqtt.url is null).
        clock: seconds since the epoch for the alert service and the monitor (the
            scenario player hands in its simulated clock).
    """

    def __init__(self, settings: Settings, state_dir: Path, broker_dir: Path | None = None,
                 clock: Callable[[], float] = time.time):
        self.settings = settings
        self.state_dir = state_dir
        self.broker_dir = broker_dir
        self.clock = clock
        self.broker: Any = None
        self.url = settings.mqtt.url
        self.mqtt: Any = None
        self.alerts: Any = None
        self.monitor: Any = None
        self.ingest: Any = None

    def start(self, ingest: bool = False, connect_wait_s: float = 5.0) -> HomeServices:
        from health.alerting import AlertService
        from health.monitor import HealthMonitor

        if self.url is None:
            from health.broker import EmbeddedBroker

            self.broker = EmbeddedBroker(workdir=self.broker_dir).start()
            self.url = self.broker.url
        self.mqtt = self.settings.mqtt.to_mqtt(self.url)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.alerts = AlertService(self.mqtt, self.state_dir / "alerts-outbox.sqlite",
                                   escalation=self._escalation(), clock=self.clock)
        self.alerts.start(wait_s=connect_wait_s)
        if not self.alerts.connected:
            log.warning("broker %s not reachable yet: alerts are stored and sent later",
                        self.mqtt.redacted())
        self.monitor = HealthMonitor(self.alerts, self.settings.resident.name,
                                     config=self._monitor_config(), clock=self.clock)
        if ingest:
            from health.ingest import SensorIngest

            self.ingest = SensorIngest(self.mqtt, self.monitor,
                                       dead_letter=self.dead_letter_path).start()
        return self

    @property
    def dead_letter_path(self) -> Path:
        """Where the sensor ingest sets aside messages it rejected or could not handle
        (bounded; docs/input-limits.md)."""
        return self.state_dir / "sensor-dead-letters.jsonl"

    def _escalation(self) -> Any:
        from health.policy import EscalationPolicy

        ladder = tuple(c.name for c in self.settings.care_plan.contacts if c.caregiver)
        return EscalationPolicy(ladder=ladder, ack_timeout_s=self.settings.health.ack_timeout_s)

    def _monitor_config(self) -> Any:
        from health.detectors import InactivityPolicy
        from health.monitor import MonitorConfig

        h = self.settings.health
        return MonitorConfig(spo2_scale=h.spo2_scale, inactivity=InactivityPolicy(
            day_limit_s=h.inactivity_day_h * 3600.0, night_limit_s=h.inactivity_night_h * 3600.0))

    def publish_status(self, payload: bytes) -> bool:
        """Publish the device's service status, retained, on
        ``<prefix>/<home>/status/services`` through the alert service's connection (QoS 1);
        False when not connected (the next status goes out once it is)."""
        alerts = self.alerts
        client = getattr(alerts, "_client", None)
        if alerts is None or client is None or not alerts.connected:
            return False
        client.publish(self.mqtt.topic("status", "services"), payload, qos=1, retain=True)
        return True

    def stop(self) -> None:
        """Stop every part, even when one fails (a full or read-only state folder makes the
        outbox's last save fail); the first failure is raised at the end."""
        first: Exception | None = None
        for name in ("ingest", "alerts", "broker"):
            part = getattr(self, name)
            if part is None:
                continue
            setattr(self, name, None)
            try:
                part.close() if name == "broker" else part.stop()
            except Exception as exc:  # noqa: BLE001 - logged; raised once the rest stopped
                log.error("stopping the %s failed", name, exc_info=exc)
                first = first or exc
        if first is not None:
            raise first

    def __enter__(self) -> HomeServices:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
