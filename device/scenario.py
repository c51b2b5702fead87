"""`eldercare scenario`: a JSON-lines script played on a simulated clock through the real
device (docs/runtime.md, "Scenarios").

The device is the real :class:`device.runtime.Runtime` (intent model, dialogue, safety
question, reminders, health monitor, durable AlertService and its outbox) on a broker
(an embedded mosquitto unless one is given), with a caregiver subscriber on the alert
topic. Only the clock is simulated: it drives the dialogue, the reminders, the safety
question's timeout, the alert service (escalations) and liveness, and it jumps from tick
to tick without sleeping.

Each script line is a JSON object with ``"at"`` (an ISO local time, or ``"+SECONDS"``
after the previous line) and one of ``"say"`` (typed text), ``"wav"`` (a WAV file,
relative to the script), ``"reading"`` (a sensor reading as on the sensor topic),
``"ack"`` (``"last"`` or an alert id; optional ``"by"``), ``"restart": true`` (the device
is off from the previous line until this one, then starts again from its state folder),
or ``"set"`` (``{"section.key": value}``; the device restarts with the new settings).
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

__all__ = ["ACTIONS", "ScenarioError", "ScenarioPlayer", "SimClock", "Step", "parse_script"]

log = logging.getLogger(__name__)

ACTIONS = ("say", "wav", "reading", "ack", "restart", "set")
"""The keys of which each script line has exactly one."""
IDLE_TICK_S = 60.0
"""Simulated seconds between ticks while no safety question waits; ticks fall on the
minute, as reminders do."""
BUSY_TICK_S = 1.0
"""Simulated seconds between ticks while a safety question waits for its answer."""


class ScenarioError(ValueError):
    """A script line is wrong; the message names the file and line."""


@dataclass(frozen=True)
class Step:
    """One script line."""

    line: int
    """Line number in the script, from 1."""
    at: datetime
    """Simulated local time it happens."""
    action: str
    """One of :data:`ACTIONS`."""
    value: Any
    by: str | None = None
    """Who acknowledges (``ack`` only)."""


def _parse_at(raw: Any, prev: datetime | None, where: str) -> datetime:
    if not isinstance(raw, str) or not raw.strip():
        raise ScenarioError(f'{where}: "at" must be an ISO local time or "+SECONDS" '
                            f"(got {raw!r})")
    raw = raw.strip()
    if raw.startswith("+"):
        try:
            seconds = float(raw[1:])
        except ValueError:
            raise ScenarioError(f'{where}: "at" {raw!r} is not "+SECONDS"') from None
        if not seconds >= 0 or seconds > 366 * 86400:
            raise ScenarioError(f'{where}: "at" {raw!r} must be 0..31622400 seconds')
        base = prev if prev is not None else datetime.now().replace(
            hour=8, minute=0, second=0, microsecond=0)
        return base + timedelta(seconds=seconds)
    try:
        at = datetime.fromisoformat(raw)
    except ValueError:
        raise ScenarioError(f'{where}: "at" {raw!r} is not an ISO time such as '
                            '"2026-11-30T08:00:00"') from None
    if at.tzinfo is not None:
        at = at.astimezone().replace(tzinfo=None)
    if prev is not None and at < prev:
        raise ScenarioError(f'{where}: "at" {raw} is before the previous line '
                            f"({prev.isoformat()}); lines go forward in time")
    return at


def _check_action(action: str, value: Any, data: dict[str, Any], where: str) -> None:
    if action in ("say", "wav") and (not isinstance(value, str) or not value.strip()):
        raise ScenarioError(f'{where}: "{action}" needs non-empty text')
    if action == "reading" and not isinstance(value, dict):
        raise ScenarioError(f'{where}: "reading" must be an object, as on the sensor topic')
    if action == "ack" and (not isinstance(value, str) or not value.strip()):
        raise ScenarioError(f'{where}: "ack" must be "last" or an alert id')
    if action == "restart" and value is not True:
        raise ScenarioError(f'{where}: "restart" must be true')
    if action == "set":
        if not isinstance(value, dict) or not value or \
                not all(isinstance(k, str) and "." in k for k in value):
            raise ScenarioError(f'{where}: "set" must be an object such as '
                                '{"safety.confirm": false}')
    if "by" in data and (action != "ack" or not isinstance(data["by"], str)
                         or not data["by"].strip() or "/" in data["by"]):
        raise ScenarioError(f'{where}: "by" goes with "ack" and names who acknowledges')


def parse_script(path: str | Path) -> list[Step]:
    """The steps of a script file; :class:`ScenarioError` names the first bad line.
    Relative times before any ISO time count from 08:00 today."""
    from health.limits import MAX_LINE_BYTES, InputRejected, parse_json

    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ScenarioError(f"{p}: not UTF-8 text ({exc.reason})") from None
    steps: list[Step] = []
    prev: datetime | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        where = f"{p}:{n}"
        if not raw.strip():
            continue
        try:  # size- and depth-checked (docs/input-limits.md)
            data = parse_json(raw, MAX_LINE_BYTES, what="the line")
        except InputRejected as exc:
            why = "malformed JSON" if exc.reason == "malformed_json" else exc.reason
            raise ScenarioError(f"{where}: {why} ({exc.message})") from None
        if not isinstance(data, dict):
            raise ScenarioError(f"{where}: each line must be a JSON object")
        if "at" not in data:
            raise ScenarioError(f'{where}: "at" is missing')
        unknown = sorted(set(data) - {"at", "by", *ACTIONS})
        if unknown:
            raise ScenarioError(f"{where}: unknown key {unknown[0]!r}: use at, by and one of "
                                f"{', '.join(ACTIONS)}")
        actions = [a for a in ACTIONS if a in data]
        if len(actions) != 1:
            raise ScenarioError(f"{where}: give exactly one of {', '.join(ACTIONS)} "
                                f"(got {', '.join(actions) or 'none'})")
        action = actions[0]
        value = data[action]
        _check_action(action, value, data, where)
        at = _parse_at(data["at"], prev, where)
        if action == "wav":
            wav = Path(value).expanduser()
            wav = wav if wav.is_absolute() else p.resolve().parent / wav
            if not wav.is_file():
                raise ScenarioError(f"{where}: WAV file {wav} does not exist")
            value = str(wav)
        steps.append(Step(n, at, action, value, data.get("by")))
        prev = at
    if not steps:
        raise ScenarioError(f"{p}: the script has no lines")
    return steps


class SimClock:
    """Simulated local time; thread-safe to read (the alert service's pump reads it)."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def epoch(self) -> float:
        return self._now.timestamp()

    def set(self, when: datetime) -> None:
        if when < self._now:
            raise ValueError("the simulated clock only goes forward")
        self._now = when


class ScenarioPlayer:
    """Plays steps through a real device; see the module docstring.

    Args:
        load: builds validated settings from extra ``--set`` strings (the CLI's loader,
            so that a ``set`` line is checked exactly as the command line is).
        steps: the parsed script.
        emit: where JSON lines go.
        work_dir: state and output folders (default: a fresh temporary folder).
        wait_s: how long each step waits for the caregiver to receive what was sent.
        runtime_hook: called with each Runtime once it has started; step_hook: called
            with each step and the player before the step is played (fault injection in
            the tests).
    """

    def __init__(self, load: Callable[[list[str]], Any], steps: list[Step],
                 emit: Callable[[str], None] = print, work_dir: Path | None = None,
                 wait_s: float = 5.0, runtime_hook: Callable[[Any], None] | None = None,
                 step_hook: Callable[[Step, ScenarioPlayer], None] | None = None):
        self.load = load
        self.steps = steps
        self._emit = emit
        self.work_dir = work_dir
        self.wait_s = wait_s
        self.runtime_hook = runtime_hook
        self.step_hook = step_hook
        self.clock = SimClock(steps[0].at.replace(microsecond=0))
        self.sets: list[str] = []
        self.runtime: Any = None
        self.caregiver: Any = None
        self.broker: Any = None
        self.received: list[Any] = []
        self.turns = 0
        self.reminders = 0
        self.errors = 0
        self.script_errors = 0
        self._expected = 0
        """Alerts (and escalations) published by runtimes already stopped."""
        self._shown = 0
        self._audio = any(s.action == "wav" for s in steps)
        self._escalation_stuck = False
        self._settings: Any = None

    # -- output -----------------------------------------------------------------------
    def emit(self, line: str) -> None:
        data = json.loads(line)
        if "heard" in data:
            self.turns += 1
        elif "reminder" in data:
            self.reminders += 1
        self._emit(line)

    def _error(self, step: Step, message: str) -> None:
        self.script_errors += 1
        self._emit(json.dumps({"error": message, "line": step.line}))

    # -- the device -------------------------------------------------------------------
    def _settings_for_run(self, work: Path) -> Any:
        settings = self.load(self.sets)
        out = replace(settings.output, dir=str(work / "out"), state_dir=str(work / "state"))
        if self.broker is not None:
            mqtt = replace(settings.mqtt, url=self.broker.url)
            return replace(settings, output=out, mqtt=mqtt)
        return replace(settings, output=out)

    def _start(self, work: Path) -> None:
        from device.runtime import Runtime

        self._settings = self._settings_for_run(work)
        self._escalation_stuck = False
        rt = Runtime(self._settings, emit=self.emit, clock=self.clock.now,
                     wall=self.clock.epoch, tick_s=BUSY_TICK_S, audio=self._audio,
                     connect_wait_s=self.wait_s, flush_s=self.wait_s)
        self.runtime = rt
        rt.open()
        if self.runtime_hook is not None:
            self.runtime_hook(rt)
        self._tick(rt)  # as the services do as soon as the device is up

    @staticmethod
    def _published_by(alerts: Any) -> int:
        if alerts is None:
            return 0
        stats = alerts.stats
        return int(stats.raised + stats.escalations)

    def _published(self) -> int:
        return self._published_by(self.runtime.home.alerts if self.runtime else None)

    def _stop(self) -> None:
        rt, self.runtime = self.runtime, None
        if rt is None:
            return
        alerts = rt.home.alerts
        try:
            rt.close()
        except Exception as exc:  # noqa: BLE001 - reported as an error line, as a turn's is
            rt.errors += 1
            log.error("the device did not stop cleanly", exc_info=exc)
            self._emit(json.dumps({"error": f"stopping: {type(exc).__name__}: {exc}",
                                   "source": "stop"}))
        finally:
            self.errors += rt.errors
            self._expected += self._published_by(alerts)

    def _sync(self, final: bool = False) -> None:
        """Wait (real time, bounded) until the caregiver has what the device sent; then
        print the alerts received since the last sync, in arrival order."""
        alerts = self.runtime.home.alerts if self.runtime is not None else None
        if alerts is not None and not alerts.connected and \
                not self._reconnects(alerts, self.wait_s if final else min(self.wait_s, 2.0)):
            return  # the broker is away: nothing can arrive now (what has, shows later)
        if alerts is not None:
            try:
                alerts.flush(self.wait_s)
            except Exception as exc:  # noqa: BLE001 - the outbox cannot record deliveries
                log.error("outbox flush failed; waiting for the caregiver anyway",
                          exc_info=exc)
        want = self._expected + self._published()
        if self.caregiver is not None:
            self.caregiver.wait_for(want, timeout_s=self.wait_s)
            alerts = list(self.caregiver.alerts)
            for alert in alerts[self._shown:]:
                self._emit(json.dumps({"alert": alert.to_json()}, ensure_ascii=False))
            self._shown = len(alerts)
            self.received = alerts

    def _reconnects(self, alerts: Any, wait_s: float) -> bool:
        """Whether the alert service has its broker back within ``wait_s`` (real time)."""
        deadline = time.monotonic() + wait_s
        while not alerts.connected and time.monotonic() < deadline:
            time.sleep(0.05)
        return bool(alerts.connected)

    def _advance(self, to: datetime) -> None:
        """Tick the device from now to ``to`` (a tick each second while a safety question
        waits, else every :data:`IDLE_TICK_S`)."""
        if self.runtime is None:  # the device is off: time just passes
            self.clock.set(max(self.clock.now(), to))
            return
        while self.clock.now() < to:
            rt = self.runtime
            busy = rt is not None and rt.assistant is not None and \
                rt.assistant.dialogue.pending_safety is not None
            step = BUSY_TICK_S if busy else IDLE_TICK_S
            t = self.clock.epoch()
            self.clock.set(min(to, datetime.fromtimestamp((t // step + 1) * step)))
            if rt is not None:
                before = self._published()
                self._tick(rt)
                if self._published() != before:  # alerts keep their place in the output
                    self._sync()

    def _tick(self, rt: Any) -> None:
        try:
            rt.tick()
        except Exception as exc:  # noqa: BLE001 - as the runtime's supervised services do
            rt.errors += 1
            log.error("tick failed at %s", self.clock.now().isoformat(), exc_info=exc)
            self._emit(json.dumps({"error": f"{type(exc).__name__}: {exc}",
                                   "source": "tick", "at": self.clock.now().isoformat()}))
        self._escalations_done(rt)

    def _escalations_done(self, rt: Any) -> None:
        """Escalations fall due on the simulated clock but are sent by the alert service's
        own thread: wait (briefly, real time) until it has sent those due now, so they
        happen at this tick and not some simulated minutes later."""
        alerts = rt.home.alerts
        if alerts is None or self._escalation_stuck:
            return
        deadline = time.monotonic() + 1.0
        try:
            while alerts.outbox.due_escalations(self.clock.epoch()):
                if time.monotonic() > deadline:  # e.g. the outbox cannot be written
                    self._escalation_stuck = True
                    log.warning("escalations are not being sent; the scenario goes on")
                    return
                time.sleep(0.005)
        except Exception as exc:  # noqa: BLE001 - the outbox cannot be read: reported, go on
            self._escalation_stuck = True
            log.error("escalations cannot be read", exc_info=exc)

    # -- steps ------------------------------------------------------------------------
    def _do(self, step: Step) -> None:
        rt = self.runtime
        if step.action == "say":
            rt._turn(step.value)
        elif step.action == "wav":
            rt._turn(None, step.value)
        elif step.action == "reading":
            self._reading(step)
        elif step.action == "ack":
            self._ack(step)
        elif step.action == "restart":
            self._restart()
        elif step.action == "set":
            self._set(step)

    def _reading(self, step: Step) -> None:
        from health.ingest import SensorIngest

        rt = self.runtime
        reading = dict(step.value)
        reading.setdefault("ts", self.clock.epoch())
        sensor = str(reading.get("sensor") or "scenario")
        topic = rt.home.mqtt.topic("sensors", sensor)
        # the ingest's own entry point for one message (what paho's callback calls)
        ingest = rt.ingest or SensorIngest(rt.home.mqtt, rt.home.monitor, notify=False)
        ingest.receive(topic, json.dumps(reading).encode(), self.clock.epoch())

    def _ack(self, step: Step) -> None:
        alert_id = step.value
        if alert_id == "last":
            self._sync()
            if not self.received:
                self._error(step, '"ack": "last" but the caregiver has received no alert')
                return
            alert_id = self.received[-1].id
        alerts = self.runtime.home.alerts
        before = alerts.stats.acks
        name = self.caregiver.name
        self.caregiver.name = step.by or name
        try:
            self.caregiver.ack(alert_id).wait_for_publish(self.wait_s)
        finally:
            self.caregiver.name = name
        deadline = time.monotonic() + self.wait_s
        while alerts.stats.acks == before and time.monotonic() < deadline:
            time.sleep(0.01)
        if alerts.stats.acks == before:
            self._error(step, f"the device did not receive the ack of {alert_id}")

    def _restart(self) -> None:
        assert self.work_dir is not None
        if self.runtime is not None:
            self._stop()
            self._sync()
        self._start(self.work_dir)

    def _set(self, step: Step) -> None:
        extra = [f"{k}={json.dumps(v)}" for k, v in step.value.items()]
        try:
            self.load(self.sets + extra)
        except (ValueError, OSError) as exc:
            self._error(step, str(exc))
            return
        self.sets += extra
        self._restart()

    # -- main -------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        """Play every step; returns the summary {turns, alerts_received, reminders,
        errors}, which is also the last line emitted."""
        from health.caregiver import CaregiverClient

        with tempfile.TemporaryDirectory(prefix="eldercare-scenario-") as tmp:
            if self.work_dir is None:
                self.work_dir = Path(tmp)
            settings = self.load(self.sets)
            if settings.mqtt.url is None:
                from health.broker import EmbeddedBroker

                self.broker = EmbeddedBroker(workdir=Path(tmp) / "mosquitto").start()
            url = self.broker.url if self.broker is not None else settings.mqtt.url
            mqtt = settings.mqtt.to_mqtt(url)
            # a persistent session, as a caregiver's phone has: alerts sent while it
            # reconnects after a broker restart are kept for it; wiped before and after
            cid = f"eldercare-scenario-caregiver-{mqtt.home}"
            CaregiverClient(mqtt, client_id=cid, clean=True).start().stop()
            try:
                self.caregiver = CaregiverClient(mqtt, client_id=cid, clean=False,
                                                 name="caregiver").start()
                self._start(self.work_dir)
                for step in self.steps:
                    if step.action == "restart":  # off from the previous line to this one
                        self._stop()
                        self._sync()
                    self._advance(step.at)
                    if self.step_hook is not None:
                        self.step_hook(step, self)
                    try:
                        self._do(step)
                    except (ValueError, OSError) as exc:
                        self._error(step, str(exc))
                    self._sync()
                self._settle()
                self._sync(final=True)  # before the device stops, what it holds goes out
                self._stop()
                self._sync()
            finally:
                if self.runtime is not None:
                    self._stop()
                if self.caregiver is not None:
                    self.caregiver.stop()
                    try:
                        CaregiverClient(mqtt, client_id=cid, clean=True).start().stop()
                    except ConnectionError as exc:
                        log.warning("scenario caregiver session not wiped: %s", exc)
                if self.broker is not None:
                    self.broker.close()
        summary = {"turns": self.turns, "alerts_received": len(self.received),
                   "reminders": self.reminders, "errors": self.errors + self.script_errors}
        self._emit(json.dumps(summary))
        return summary

    def _settle(self) -> None:
        """After the last line: a pending safety question still gets its timeout."""
        rt = self.runtime
        if rt is None or rt.assistant is None:
            return
        pending = rt.assistant.dialogue.pending_safety
        if pending is not None:
            self._advance(max(self.clock.now(), pending.deadline) + timedelta(seconds=1))
            self._sync()
