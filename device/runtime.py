"""`eldercare run`: the device runtime.

Services, each an asyncio task under :func:`supervise` (logs, backs off, retries):
input (text lines on stdin, WAV files, or the microphone) -> ASR (with its n-best) ->
intent -> dialogue -> TTS; reminders falling due and unanswered safety questions timing
out; the health monitor's timed checks; an optional replay of readings. Sensor readings
arrive over MQTT through ``health.ingest.SensorIngest`` and alerts leave through the
durable ``health.alerting.AlertService``. One JSON line per turn and per reminder goes to
stdout.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from device.careplan import DoseLog
from device.dialogue import DialogueManager
from device.home import HomeServices, read_replay, shift_to
from device.pipeline import ActionExecutor, Assistant, Turn
from device.settings import Settings
from device.slots import second_person

__all__ = ["Runtime", "supervise"]

log = logging.getLogger(__name__)


async def supervise(name: str, service: Callable[[], Awaitable[None]], stop: asyncio.Event,
                    backoff_s: float = 1.0, max_backoff_s: float = 30.0) -> None:
    """Run ``service`` until it returns or ``stop`` is set; on an error, log it, wait
    (doubling from ``backoff_s`` up to ``max_backoff_s`` seconds) and start it again."""
    delay = backoff_s
    while not stop.is_set():
        try:
            await service()
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - a service must not take the runtime down
            log.warning("service %s failed: %s: %s; retrying in %.1f s", name,
                        type(exc).__name__, exc, delay)
            try:
                await asyncio.wait_for(stop.wait(), delay)
            except asyncio.TimeoutError:
                pass
            delay = min(delay * 2, max_backoff_s)


class Runtime:
    """The device runtime for one resident and home.

    Args:
        settings: validated settings.
        emit: where JSON lines go (default: stdout).
        stdin: text input when ``input.source`` is stdin.
        clock: local time for the dialogue (injectable).
        tick_s: how often reminders and timed health checks run, seconds.
        connect_wait_s: how long start-up waits for the broker (alerts are stored and sent
            later if it is not there), seconds.
        flush_s: how long shutdown waits for the broker to acknowledge stored alerts.
    """

    def __init__(self, settings: Settings, emit: Callable[[str], None] | None = None,
                 stdin: IO[str] | None = None, clock: Callable[[], datetime] = datetime.now,
                 tick_s: float = 1.0, connect_wait_s: float = 5.0,
                 flush_s: float = 10.0) -> None:
        self.settings = settings
        self.emit = emit or (lambda line: print(line, flush=True))
        self.stdin = stdin if stdin is not None else sys.stdin
        self.clock = clock
        self.tick_s = tick_s
        self.connect_wait_s = connect_wait_s
        self.flush_s = flush_s
        self.out_dir = Path(settings.output.dir).expanduser()
        self.state_dir = Path(settings.output.state_dir).expanduser()
        self.home = HomeServices(settings, self.state_dir, broker_dir=self.state_dir / "mqtt")
        self.turns: list[Turn] = []
        self.reminders_said = 0
        self.errors = 0
        self._lock = threading.Lock()
        self.assistant: Assistant | None = None
        self.ingest: Any = None
        self._replay_rows: list[dict[str, Any]] = []
        """The running ``health.ingest.SensorIngest`` (None until subscribed)."""
        self._stop = asyncio.Event()

    # -- set-up -----------------------------------------------------------------------
    def _build(self) -> Assistant:
        from device.loaders import load_intent_model, make_recognizer, make_speaker

        s = self.settings
        if s.health.replay is not None:  # a malformed replay file fails before anything starts
            self._replay_rows = read_replay(s.health.replay)
        self.home.start(connect_wait_s=self.connect_wait_s)
        model = load_intent_model(s, say=lambda m: log.warning("%s", m))
        recognizer = (make_recognizer(s, self.state_dir) if s.input.source != "stdin"
                      else None)
        speaker = make_speaker(s)
        doses = DoseLog(s.care_plan, self.state_dir / "doses.jsonl")
        dialogue = DialogueManager(s.care_plan, clock=self.clock, doses=doses, safety=s.safety,
                                   pending_path=self.state_dir / "safety-pending.json")
        dialogue.mark_daily_fired_before(self.clock())
        self.out_dir.mkdir(parents=True, exist_ok=True)
        executor = ActionExecutor(s.resident.name, alerts=self.home.alerts, speaker=speaker,
                                  events_path=self.out_dir / "events.jsonl")
        return Assistant(model, dialogue, executor, recognizer, speaker, self.out_dir,
                         safety_from_alternatives=s.spoken.safety_from_alternatives)

    # -- services ---------------------------------------------------------------------
    def _turn(self, text: str | None = None, wav: str | None = None) -> None:
        assert self.assistant is not None
        try:
            with self._lock:
                turn = self.assistant.hear(wav) if wav is not None else \
                    self.assistant.respond(text or "")
                self.turns.append(turn)
        except (ValueError, OSError) as exc:  # bad audio, unreadable file: say so, go on
            self.errors += 1
            log.warning("turn failed for %s: %s", wav or repr(text), exc)
            self.emit(json.dumps({"error": str(exc), "source": wav or "text"}))
            return
        if self.settings.output.speak and self.assistant.speaker is not None:
            self.assistant.speaker.say(turn.reply.text)
        self.emit(json.dumps(turn.to_json(), ensure_ascii=False))

    async def _input_stdin(self) -> None:
        while True:
            line = await asyncio.to_thread(self.stdin.readline)
            if not line:
                return
            if line.strip():
                await asyncio.to_thread(self._turn, line.strip())

    async def _input_wav(self) -> None:
        for wav in self.settings.input.wav:
            await asyncio.to_thread(self._turn, None, wav)

    async def _input_mic(self) -> None:
        """Microphone -> endpointer (long trailing silence for older speakers) -> turns.
        A missing microphone raises here; the supervisor logs it and retries."""
        import numpy as np

        from speech.audio import AudioClip, microphone_chunks, write_wav
        from speech.endpoint import EndpointConfig, Endpointer

        rate = self.settings.asr.sample_rate
        endpointer = Endpointer(EndpointConfig(sample_rate=rate))

        def listen() -> None:
            for n, utt in enumerate(endpointer.utterances(microphone_chunks(sample_rate=rate)),
                                    1):
                if self._stop.is_set():
                    return
                clip = AudioClip(np.frombuffer(utt.audio, dtype=np.int16), rate)
                wav = write_wav(self.out_dir / f"heard-{n:04d}.wav", clip)
                self._turn(None, str(wav))

        await asyncio.to_thread(listen)

    def _safety_tick(self, force: bool = False) -> None:
        """Raise the alert of a safety question left unanswered past its timeout (``force``:
        now), and say so."""
        assert self.assistant is not None
        with self._lock:
            turn = self.assistant.tick(force=force)
            if turn is None:
                return
            self.turns.append(turn)
        if self.settings.output.speak and self.assistant.speaker is not None:
            self.assistant.speaker.say(turn.reply.text)
        self.emit(json.dumps(turn.to_json(), ensure_ascii=False))

    async def _settle_safety(self) -> None:
        """The input has ended: a pending safety question still gets its timeout (ticks
        run meanwhile), then its alert is raised whatever the dialogue clock says."""
        assert self.assistant is not None
        wait_s = self.settings.safety.confirm_timeout_s + self.tick_s
        t0 = time.monotonic()
        while self.assistant.dialogue.pending_safety is not None and \
                time.monotonic() - t0 < wait_s:
            await asyncio.sleep(min(self.tick_s, 0.2))
        await asyncio.to_thread(self._safety_tick, True)

    async def _reminders(self) -> None:
        assert self.assistant is not None
        while not self._stop.is_set():
            await asyncio.to_thread(self._safety_tick)
            with self._lock:
                due = self.assistant.dialogue.due_reminders()
            for r in due:
                text = f"It is time to {second_person(r.task)}."
                wav = await asyncio.to_thread(self.assistant.speak, text, f"reminder-{r.id}")
                self.reminders_said += 1
                self.emit(json.dumps({"reminder": r.to_json(), "say": text, "wav_out": wav}))
            await self._sleep(self.tick_s)

    async def _health_ticks(self) -> None:
        while not self._stop.is_set():
            await asyncio.to_thread(self.home.monitor.tick)
            await self._sleep(max(self.tick_s, 5.0))

    async def _sensors(self) -> None:
        """Sensor readings over MQTT into the health monitor; a broker that is not there
        yet raises here and the supervisor retries with backoff."""
        from health.ingest import SensorIngest

        assert self.home.mqtt is not None
        ingest = SensorIngest(self.home.mqtt, self.home.monitor)
        await asyncio.to_thread(ingest.start, 5.0)
        self.ingest = ingest
        log.info("sensor ingest subscribed to %s", self.home.mqtt.topic("sensors", "+"))
        try:
            await self._stop.wait()
        finally:
            self.ingest = None
            await asyncio.to_thread(ingest.stop)

    async def _replay(self) -> None:
        for reading in shift_to(self._replay_rows, time.time()):
            alerts = await asyncio.to_thread(self.home.monitor.process, reading,
                                             float(reading["ts"]))
            for a in alerts:
                self.emit(json.dumps({"alert": a.to_json()}))

    async def _sleep(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._stop.wait(), seconds)
        except asyncio.TimeoutError:
            pass

    # -- main -------------------------------------------------------------------------
    async def run(self) -> dict[str, Any]:
        """Run until the input ends (stdin EOF, last WAV) or is interrupted; returns a
        summary {turns, errors, reminders, alerts_raised, alerts_flushed, seconds}."""
        t0 = time.perf_counter()
        self._stop = asyncio.Event()
        try:
            self.assistant = await asyncio.to_thread(self._build)
            # a question left unanswered when the device last stopped: alert now
            await asyncio.to_thread(self._safety_tick, True)
            source = {"stdin": self._input_stdin, "wav": self._input_wav,
                      "mic": self._input_mic}[self.settings.input.source]
            background = [asyncio.create_task(supervise("reminders", self._reminders,
                                                        self._stop)),
                          asyncio.create_task(supervise("health", self._health_ticks,
                                                        self._stop))]
            if self.settings.health.subscribe_sensors:
                background.append(asyncio.create_task(
                    supervise("sensors", self._sensors, self._stop)))
            if self.settings.health.replay is not None:
                background.append(asyncio.create_task(
                    supervise("replay", self._replay, self._stop)))
            await supervise("input", source, self._stop)
            await self._settle_safety()
            self._stop.set()
            await asyncio.gather(*background, return_exceptions=True)
            flushed = await asyncio.to_thread(self.home.alerts.flush, self.flush_s)
            raised = self.assistant.executor.raised
            return {"turns": len(self.turns), "errors": self.errors,
                    "reminders": self.reminders_said,
                    "alerts_raised": len(raised), "alerts_flushed": flushed,
                    "seconds": round(time.perf_counter() - t0, 2)}
        finally:
            self._stop.set()
            if self.assistant is not None and self.assistant.dialogue.pending_safety:
                await asyncio.to_thread(self._safety_tick, True)  # stored, sent next start
            await asyncio.to_thread(self.home.stop)
