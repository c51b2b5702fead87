"""`eldercare run`: the device runtime (docs/runtime.md).

Services, each an asyncio task under :func:`supervise` (logs each restart with its
traceback, backs off, and starts the back-off afresh after a healthy period): input (text
lines on stdin, WAV files, or the microphone) -> ASR (with its n-best) -> intent ->
dialogue -> TTS; unanswered safety questions timing out; reminders falling due; the health
monitor's timed checks; liveness (heartbeats of every service, "monitoring offline" alerts,
the status file and retained status topic); an optional replay of readings. Sensor
readings arrive over MQTT through ``health.ingest.SensorIngest`` and alerts leave through
the durable ``health.alerting.AlertService``.

Every turn has its own error boundary (:meth:`Runtime._turn`): whatever it raises is
logged with its traceback, counted and emitted as a JSON error line, and the input goes on
with the next utterance. One JSON line per turn, per reminder and per liveness change goes
to stdout.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import math
import os
import secrets
import sqlite3
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from device.calls import CallService, calls_disabled
from device.careplan import DoseLog
from device.dialogue import DialogueManager
from device.home import HomeServices, read_replay, shift_to
from device.home_control import HomeController
from device.liveness import (
    Change,
    Liveness,
    WatchedIntentModel,
    WatchedRecognizer,
    WatchedSpeaker,
)
from device.pipeline import ActionExecutor, Assistant, Turn
from device.settings import Settings

__all__ = ["STATUS_FILE", "Runtime", "supervise"]

STATUS_FILE = "status.json"
"""Written to the state folder every :data:`STATUS_EVERY_S` and on every change of the
offline services; ``eldercare status`` reads it."""
STATUS_EVERY_S = 5.0
"""Seconds (on the runtime's clock) between rewrites of an unchanged status."""
SELFTEST_TEXT = "help me"

log = logging.getLogger(__name__)


async def supervise(name: str, service: Callable[[], Awaitable[None]], stop: asyncio.Event,
                    backoff_s: float = 1.0, max_backoff_s: float = 30.0,
                    healthy_s: float = 60.0,
                    on_restart: Callable[[str, Exception], None] | None = None) -> int:
    """Run ``service`` until it returns or ``stop`` is set; on an error, log it with its
    traceback, wait (doubling from ``backoff_s`` up to ``max_backoff_s`` seconds) and start
    it again. A run that lasted ``healthy_s`` seconds or more starts the back-off afresh.
    ``on_restart`` hears of each failure. Returns the number of restarts."""
    delay = backoff_s
    restarts = 0
    while not stop.is_set():
        started = time.monotonic()
        try:
            await service()
            return restarts
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - a service must not take the runtime down
            if time.monotonic() - started >= healthy_s:
                delay = backoff_s
            restarts += 1
            log.error("service %s failed (%s: %s); restart %d in %.1f s", name,
                      type(exc).__name__, exc, restarts, delay, exc_info=exc)
            if on_restart is not None:
                on_restart(name, exc)
            try:
                await asyncio.wait_for(stop.wait(), delay)
            except asyncio.TimeoutError:
                pass
            delay = min(delay * 2, max_backoff_s)
    return restarts


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
        wall: seconds since the epoch for the alert service, liveness and the status file
            (default ``time.time``; the scenario player hands in its simulated clock).
        audio: build a recognizer even for typed input (the scenario player's WAV lines).
    """

    def __init__(self, settings: Settings, emit: Callable[[str], None] | None = None,
                 stdin: IO[str] | None = None, clock: Callable[[], datetime] = datetime.now,
                 tick_s: float = 1.0, connect_wait_s: float = 5.0,
                 flush_s: float = 10.0, wall: Callable[[], float] = time.time,
                 audio: bool = False) -> None:
        self.settings = settings
        self.emit = emit or (lambda line: print(line, flush=True))
        self.stdin = stdin if stdin is not None else sys.stdin
        self.clock = clock
        self.wall = wall
        self.audio = audio or settings.input.source != "stdin"
        self.tick_s = tick_s
        self.connect_wait_s = connect_wait_s
        self.flush_s = flush_s
        self.out_dir = Path(settings.output.dir).expanduser()
        self.state_dir = Path(settings.output.state_dir).expanduser()
        self.home = HomeServices(settings, self.state_dir, broker_dir=self.state_dir / "mqtt",
                                 clock=wall)
        self.liveness = Liveness(settings.liveness.timeout_s, clock=wall)
        self.turns: list[Turn] = []
        self.turn_ids: list[str] = []
        """Each turn's id, in the order of ``turns``: ``<boot>-<n>``, on its turn line as
        ``turn_id`` (a caregiver marks a misunderstood turn by it, docs/cloud-sync.md)."""
        self._boot = secrets.token_hex(4)
        self.reminders_said = 0
        self.errors = 0
        self.restarts: dict[str, int] = {}
        """Restarts of each supervised service."""
        self.models: dict[str, Any] = {}
        """Versions of the models in use (``eldercare status``)."""
        self._lock = threading.Lock()
        self.assistant: Assistant | None = None
        self.home_control: HomeController | None = None
        """Switches the home's devices (docs/home-control.md)."""
        self.calls: CallService | None = None
        """Sends call requests (None: calls.enabled is false)."""
        self.sync: Any = None
        """De-identified events to the cloud (``cloud_sync.collector.SyncService``; None:
        sync.enabled is false; docs/cloud-sync.md)."""
        self.ingest: Any = None
        """The running ``health.ingest.SensorIngest`` (None until subscribed)."""
        self._replay_rows: list[dict[str, Any]] = []
        self._stop = asyncio.Event()
        self._wav_next = 0
        """Index of the next input WAV: a restarted input service never hears one twice."""
        self._lines: asyncio.Queue[str | BaseException | None] | None = None
        self._unsent: list[Change] = []
        """Liveness changes whose caregiver alert could not be stored yet (retried)."""
        self._published_status: tuple[str, ...] | None = None
        self._published_at = 0.0
        self._status_failed = False
        self._selftest_at: dict[str, float] = {}
        self.stopped = False
        """Set once the runtime has shut down (the last status says so)."""
        self._written_at = -math.inf
        self._written_offline: tuple[str, ...] | None = None
        self._duplex: Any = None
        """The running ``device.duplex.DuplexListener`` (microphone input), if any."""
        self._speculator: Any = None
        """Its ``device.speculative.Speculator`` (input.speculate_after_s), if any."""
        self._last_clip: Any = None
        """The last microphone utterance's audio, for Whisper's second opinion."""
        self.audio_stats: dict[str, Any] = {}
        """Microphone counters of the last listening run (chunks, dropped, overflows,
        barge-ins; ``device.duplex.DuplexListener.stats``)."""

    # -- set-up -----------------------------------------------------------------------
    def _build(self) -> Assistant:
        from device.loaders import load_intent_model, make_recognizer, make_speaker

        s = self.settings
        if s.health.replay is not None:  # a malformed replay file fails before anything starts
            self._replay_rows = read_replay(s.health.replay)
        self.home.start(connect_wait_s=self.connect_wait_s)
        raw_model = load_intent_model(s, say=lambda m: log.warning("%s", m))
        self.models = {"intent": _model_version(raw_model), "asr": None,
                       "tts": {"rate_wpm": s.tts.rate_wpm, "voice": s.tts.voice}}
        model = WatchedIntentModel(raw_model, self.liveness)
        recognizer = None
        if self.audio:
            recognizer = WatchedRecognizer(make_recognizer(s, self.state_dir), self.liveness)
            self.models["asr"] = {"engine": s.asr.engine, "model": s.asr.model}
        speaker = WatchedSpeaker(make_speaker(s), self.liveness)
        doses = DoseLog(s.care_plan, self.state_dir / "doses.jsonl")
        wait = self.connect_wait_s if self.home.alerts.connected else 0.0
        self.home_control = HomeController(s.home, self.home.mqtt).start(wait_s=wait)
        if s.calls.enabled:
            self.calls = CallService(self.home.mqtt, self.state_dir / "calls-outbox.sqlite",
                                     s.calls, s.resident.name, clock=self.wall).start(wait)
        dialogue = DialogueManager(s.care_plan, clock=self.clock, doses=doses, safety=s.safety,
                                   pending_path=self.state_dir / "safety-pending.json",
                                   reminders_path=self.state_dir / "reminders.json")
        dialogue.mark_daily_fired_before(self.clock())
        dialogue.home = self.home_control.catalog
        self.out_dir.mkdir(parents=True, exist_ok=True)
        executor = ActionExecutor(s.resident.name, alerts=self.home.alerts, speaker=speaker,
                                  events_path=self.out_dir / "events.jsonl", plan=s.care_plan)
        executor.register("home", self.home_control.execute)
        executor.register("call", self.calls.execute if self.calls is not None else
                          calls_disabled)
        return Assistant(model, dialogue, executor, recognizer, speaker, self.out_dir,
                         safety_from_alternatives=s.spoken.safety_from_alternatives,
                         understood_best=s.spoken.understood_best,
                         sounds_like=s.spoken.sounds_like,
                         fast_second_opinion=s.asr.fast_second_opinion)

    def _start_sync(self) -> None:
        """Start the de-identified sync to the cloud when ``sync.enabled``."""
        if self.settings.sync.enabled and self.sync is None:
            from cloud_sync.collector import SyncService

            self.sync = SyncService(self).start()

    def _stop_sync(self) -> None:
        """Gather the last events and stop the sync (unsent events stay in its outbox)."""
        sync, self.sync = self.sync, None
        if sync is not None:
            try:
                sync.stop(self.flush_s)
            except Exception as exc:  # noqa: BLE001 - stopping goes on; logged with its cause
                log.error("the cloud sync did not stop cleanly", exc_info=exc)

    # -- services ---------------------------------------------------------------------
    def _turn(self, text: str | None = None, wav: str | None = None,
              heard: Any = None) -> Turn | None:
        """One turn inside its own error boundary: whatever fails (bad audio, the
        recognizer, the model, SQLite, TTS) is logged with its traceback, counted in
        ``errors`` and emitted as ``{"error", "type", "source"}`` (with the ids of any
        alerts the turn raised before it failed); the caller goes on with the next input."""
        assert self.assistant is not None
        raised = getattr(self.assistant.executor, "raised", [])
        before = len(raised)
        recognizer = self.assistant.recognizer
        if isinstance(recognizer, WatchedRecognizer):
            recognizer.last = None
        self._last_clip = None  # a microphone turn keeps its clip (_hear_clip)
        try:
            with self._lock:
                turn = self.assistant.hear(wav) if wav is not None else \
                    self._hear_clip(heard) if heard is not None else \
                    self.assistant.respond(text or "")
                turn_id = self._record(turn)
        except Exception as exc:  # noqa: BLE001 - the turn's error boundary; logged, emitted
            self.errors += 1
            source = wav or ("mic" if heard is not None else "text")
            log.error("turn failed for %s", source if heard is not None else wav or repr(text),
                      exc_info=exc)
            line: dict[str, Any] = {"error": str(exc) or type(exc).__name__,
                                    "type": type(exc).__name__, "source": source}
            alerts = [a.id for a in raised[before:]]
            heard_text = text
            if heard_text is None and isinstance(recognizer, WatchedRecognizer) and \
                    recognizer.last is not None:  # the ASR heard it before the turn failed
                heard_text = recognizer.last.text
                line["transcript"] = heard_text
            if not alerts and heard_text:
                alerts = self._safety_net(heard_text, line)
            if alerts:
                line["alerts"] = alerts
            self.emit(json.dumps(line, ensure_ascii=False))
            if line.get("say"):
                self._play(line["say"])
            return None
        if getattr(turn, "tts_error", ""):  # reply audio failed; the turn and its alerts stand
            self.errors += 1
        line = {"turn_id": turn_id, **turn.to_json()}
        provider = (self.models.get("intent") or {}).get("provider")
        if provider:  # which execution provider and model variant decided (docs/bundles.md)
            line["provider"] = {"provider": provider.get("provider"),
                                "variant": provider.get("variant")}
        self.emit(json.dumps(line, ensure_ascii=False))
        self._play(getattr(turn, "say", turn.reply.text))
        if self.assistant.second_opinion_due:
            self._second_opinion()
        return turn

    def _second_opinion(self) -> None:
        """Whisper's transcript of the utterance whose fast-path words were just asked about
        (``asr.fast_second_opinion``): when it alerts, the question's alert goes now. A
        failure (the recognizer, the model, the alert's store) is logged with its cause,
        counted and emitted; the question stands, and its answer or its timeout still
        raises the alert."""
        assert self.assistant is not None
        try:
            with self._lock:
                clip, self._last_clip = self._last_clip, None
                heard, turn = self.assistant.hear_second_opinion(clip=clip)
                if turn is None:
                    if heard is not None:
                        ms = round(heard.rtf * heard.seconds * 1000.0, 1)
                        self.emit(json.dumps({"second_opinion": heard.text, "asr_ms": ms,
                                              "alert": False}, ensure_ascii=False))
                    return
                turn_id = self._record(turn)
        except Exception as exc:  # noqa: BLE001 - the question stands; logged, counted, emitted
            self.errors += 1
            log.error("the second opinion failed; the safety question stands", exc_info=exc)
            self.emit(json.dumps({"error": str(exc) or type(exc).__name__,
                                  "type": type(exc).__name__, "source": "second_opinion"}))
            return
        self.emit(json.dumps({"turn_id": turn_id, **turn.to_json()}, ensure_ascii=False))
        self._play(getattr(turn, "say", turn.reply.text))

    def _record(self, turn: Turn) -> str:
        """Keep ``turn`` and give it its id (called under ``_lock``)."""
        self.turns.append(turn)
        self.turn_ids.append(f"{self._boot}-{len(self.turns)}")
        return self.turn_ids[-1]

    def _safety_net(self, text: str, line: dict[str, Any]) -> list[str]:
        """The last resort of a failed turn: typed or recognized words that plainly call for help
        (:func:`device.safety.safety_label_of_words`) still raise their alert through the
        executor, and the error line carries its outcomes and what to say. Returns the
        alert ids."""
        from device.safety import safety_label_of_words, safety_reply

        assert self.assistant is not None
        label = safety_label_of_words(text)
        if label is None:
            return []
        reply = safety_reply(self.assistant.dialogue.plan, label, text,
                             "raised after the turn failed")
        try:
            with self._lock:
                outcomes = list(self.assistant.executor.run(reply.actions))
        except Exception as exc:  # noqa: BLE001 - reported on the error line and logged
            log.error("the safety net could not raise the alert for %r", text, exc_info=exc)
            line["safety_net"] = f"{type(exc).__name__}: {exc}"
            return []
        line["outcomes"] = [o.to_json() for o in outcomes]
        line["say"] = " ".join(p for p in (reply.text, *(o.say for o in outcomes)) if p)
        return [str(o.data["alert"]) for o in outcomes
                if o.kind == "alert" and "alert" in o.data]

    def _play(self, text: str) -> None:
        """Say ``text`` on the speaker (``output.speak``); a failure is logged and counted,
        after the turn's line and its alerts are out."""
        if not self.settings.output.speak or self.assistant is None or \
                self.assistant.speaker is None:
            return
        try:
            if self._duplex is not None:  # microphone input: played so barge-in can cut it
                self._duplex.say(self._synthesize(text))
            else:
                self.assistant.speaker.say(text)
        except Exception as exc:  # noqa: BLE001 - playback must not cost the turn; reported
            self.errors += 1
            log.error("playback failed", exc_info=exc)
            self.emit(json.dumps({"error": f"playback failed: {exc}",
                                  "type": type(exc).__name__, "source": "tts"}))

    def _read_lines(self, queue: asyncio.Queue[Any],
                    loop: asyncio.AbstractEventLoop) -> None:
        """stdin reader thread: lines, then None at EOF (or the exception that ended it)."""
        from health.limits import MAX_TEXT_CHARS, InputRejected, read_lines

        item: str | BaseException | None = None
        try:  # bytes where there are: a line that is not UTF-8 is refused, not fatal
            for n, line in read_lines(getattr(self.stdin, "buffer", self.stdin)):
                if isinstance(line, str) and len(line) > MAX_TEXT_CHARS:
                    line = InputRejected("too_large", f"the line is {len(line)} characters "
                                         f"(limit {MAX_TEXT_CHARS})")
                loop.call_soon_threadsafe(queue.put_nowait,
                                          (n, line) if isinstance(line, InputRejected) else line)
        except Exception as exc:  # noqa: BLE001 - handed to the input service, which raises it
            item = exc
        try:
            loop.call_soon_threadsafe(queue.put_nowait, item)
        except RuntimeError:  # the loop closed first: the runtime is gone
            pass

    async def _input_stdin(self) -> None:
        """Typed lines. One reader thread per runtime, so that a restart of this service
        neither loses nor re-reads a line; the service beats while it waits."""
        if self._lines is None:
            self._lines = asyncio.Queue()
            threading.Thread(target=self._read_lines, name="stdin-reader", daemon=True,
                             args=(self._lines, asyncio.get_running_loop())).start()
        while True:
            self.liveness.beat("input")
            try:
                item = await asyncio.wait_for(self._lines.get(), self.tick_s)
            except asyncio.TimeoutError:
                continue
            if isinstance(item, tuple):  # (line number, InputRejected): answered, counted
                self.errors += 1
                self.emit(json.dumps({"error": item[1].message, "type": "InputRejected",
                                      "source": "stdin", "line": item[0]}))
                continue
            if isinstance(item, BaseException):
                self._lines = None
                raise item
            if item is None:
                self.liveness.unwatch("input")
                return
            if item.strip():
                await asyncio.to_thread(self._turn, item.strip())

    async def _input_wav(self) -> None:
        wavs = self.settings.input.wav
        while self._wav_next < len(wavs):
            wav = wavs[self._wav_next]
            self._wav_next += 1  # first: a file that brings the service down is not replayed
            self.liveness.beat("input")
            await asyncio.to_thread(self._turn, None, wav)
        self.liveness.unwatch("input")

    async def _input_mic(self) -> None:
        """The microphone, full duplex (:mod:`device.duplex`): capture on its own thread,
        the endpointer (long trailing silence for older speakers), barge-in while a reply
        plays ("stop" cuts it; a call for help cuts it and is handled first), one turn per
        utterance. Heard audio stays in memory unless ``output.keep_heard_audio``. A
        missing microphone raises here; the supervisor logs it and retries."""
        from device.duplex import DuplexListener, HeardAudioKeeper, PartialSpotter, Player
        from device.loaders import make_recognizer
        from speech.capture import Capture
        from speech.endpoint import EndpointConfig, Endpointer

        s = self.settings
        rate = s.asr.sample_rate
        capture = Capture(self._make_audio_source(rate))
        player = spotter = None
        if s.output.speak:
            player = Player(self._make_sink(), on_error=self._playback_failed)
            spotter = PartialSpotter(make_recognizer(s))  # a second one, fed during replies
        keeper = (HeardAudioKeeper(self.out_dir / "heard", s.output.keep_heard_max_mb,
                                   s.output.keep_heard_max_days)
                  if s.output.keep_heard_audio else None)

        def handle(heard: Any) -> None:
            if keeper is not None:
                keeper.keep(heard.clip)
            self._turn(None, None, heard)

        speculator = None
        assert self.assistant is not None
        if s.input.speculate_after_s and self.assistant.recognizer is not None:
            # its own recognizer, made as the runtime's (the Whisper model is shared); the
            # cepstral-mean file stays the runtime recognizer's alone
            from device.speculative import Speculator

            speculator = Speculator(make_recognizer(s), capture.as_clip,
                                    main=self.assistant.recognizer)
        config = EndpointConfig(sample_rate=rate, speculate_after_s=s.input.speculate_after_s)
        listener = DuplexListener(capture, Endpointer(config),
                                  handle, player=player, spotter=spotter,
                                  should_stop=self._stop.is_set,
                                  beat=lambda: self.liveness.beat("input"),
                                  echo_guard=s.input.echo_guard, speculator=speculator)
        self._duplex = listener
        self._speculator = speculator
        try:
            await asyncio.to_thread(listener.run)
        finally:
            self.audio_stats = listener.stats()
            self._duplex = None
            self._speculator = None
            if speculator is not None:
                speculator.close()
            if player is not None:
                player.close()
        if self.audio_stats.get("dropped") or self.audio_stats.get("device_overflows"):
            log.warning("audio capture lost chunks: %s", self.audio_stats)
        self.liveness.unwatch("input")

    def _make_audio_source(self, rate: int) -> Any:
        """The microphone (tests hand in a stand-in by overriding this)."""
        from speech.capture import MicrophoneSource

        return MicrophoneSource(sample_rate=rate)

    def _make_sink(self) -> Any:
        """The speaker as an interruptible sink (tests hand in their own)."""
        from speech.playback import SoundDeviceSink

        return SoundDeviceSink()

    def _playback_failed(self, exc: BaseException) -> None:
        self.errors += 1
        self.emit(json.dumps({"error": f"playback failed: {exc}", "type": type(exc).__name__,
                              "source": "tts"}))

    def _synthesize(self, text: str) -> Any:
        """``text`` as reply audio (a clip for the duplex player)."""
        import tempfile

        from speech.audio import read_wav

        assert self.assistant is not None and self.assistant.speaker is not None
        with tempfile.TemporaryDirectory() as tmp:
            wav = self.assistant.speaker.to_wav(text, Path(tmp) / "reply.wav")
            return read_wav(wav, 22050)

    def _hear_clip(self, heard: Any) -> Turn:
        """One turn from an utterance heard in memory (``device.duplex.Heard``): the
        transcript of its speculation when there is a usable one (docs/speech.md,
        "Speculative decoding"), else the recognizer decodes the clip."""
        from device.speculative import transcribe_heard

        assert self.assistant is not None
        recognizer = self.assistant.recognizer
        if recognizer is None:
            raise ValueError("audio input needs a recognizer: set asr.engine in the config")
        t0 = time.perf_counter()
        transcript, speculative = transcribe_heard(recognizer, heard, self._speculator)
        self._last_clip = heard.clip  # for a second opinion (the speculation's decoder moved on)
        if speculative and isinstance(recognizer, WatchedRecognizer):
            recognizer.last = transcript  # the error boundary's safety net reads it
            self.liveness.beat("asr")
        asr_ms = round((time.perf_counter() - t0) * 1000.0, 1)
        source = "mic (barge-in: " + heard.keyword + ")" if heard.keyword else "mic"
        return self.assistant.respond_transcript(transcript, source=source, asr_ms=asr_ms)

    def _safety_tick(self, force: bool = False) -> None:
        """Raise the alert of a safety question left unanswered past its timeout (``force``:
        now), and say so. A failure propagates: the safety service restarts and tries
        again (the question stays pending until its alert is stored)."""
        assert self.assistant is not None
        with self._lock:
            turn = self.assistant.tick(force=force)
            if turn is None:
                return
            turn_id = self._record(turn)
        self.emit(json.dumps({"turn_id": turn_id, **turn.to_json()}, ensure_ascii=False))
        self._play(getattr(turn, "say", turn.reply.text))

    async def _safety(self) -> None:
        while not self._stop.is_set():
            await asyncio.to_thread(self._safety_tick)
            self.liveness.beat("safety")
            await self._sleep(self.tick_s)

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

    def say_due_reminders(self) -> int:
        """Say every reminder due now (a late one says its time), and tell the caregivers
        of doses left unconfirmed (docs/audio-and-careplan.md); returns how many reminders."""
        from device.reminders import reminder_text

        assert self.assistant is not None
        with self._lock:
            due = self.assistant.dialogue.due_reminders()
            unconfirmed = self.assistant.dialogue.unconfirmed_doses()
            outcomes = self.assistant.executor.run(unconfirmed) if unconfirmed else []
        for action, outcome in zip(unconfirmed, outcomes, strict=True):
            self.emit(json.dumps({"dose_unconfirmed": action.to_json(),
                                  "outcome": outcome.to_json()}, ensure_ascii=False))
        for r in due:
            text = reminder_text(r)
            wav = self.assistant.speak(text, f"reminder-{r.id}")
            self.reminders_said += 1
            self.emit(json.dumps({"reminder": r.to_json(), "say": text, "wav_out": wav,
                                  "at": self.clock().isoformat(timespec="seconds")}))
        return len(due)

    def say_call_news(self) -> int:
        """Say what became of call requests ("Anna is calling you now."; docs/home-control.md);
        returns how many messages."""
        if self.calls is None or self.assistant is None:
            return 0
        news = self.calls.announcements()
        for n in news:
            wav = self.assistant.speak(n.say, f"call-{n.call.id}-{n.status}")
            self.emit(json.dumps({**n.to_json(), "wav_out": wav}, ensure_ascii=False))
        return len(news)

    async def _reminders(self) -> None:
        assert self.assistant is not None
        while not self._stop.is_set():
            await asyncio.to_thread(self.say_due_reminders)
            await asyncio.to_thread(self.say_call_news)
            self.liveness.beat("reminders")
            await self._sleep(self.tick_s)

    async def _health_ticks(self) -> None:
        while not self._stop.is_set():
            await asyncio.to_thread(self.home.monitor.tick, self.wall())
            self.liveness.beat("health")
            await self._sleep(max(self.tick_s, 5.0))

    async def _sensors(self) -> None:
        """Sensor readings over MQTT into the health monitor; a broker that is not there
        yet raises here and the supervisor retries with backoff."""
        ingest = await asyncio.to_thread(self._start_ingest)
        try:
            while not self._stop.is_set():
                self._check_ingest(ingest)
                await self._sleep(self.tick_s)
        finally:
            self.ingest = None
            await asyncio.to_thread(ingest.stop)

    def _start_ingest(self) -> Any:
        from health.ingest import SensorIngest

        assert self.home.mqtt is not None
        ingest = SensorIngest(self.home.mqtt, self.home.monitor,
                              dead_letter=self.home.dead_letter_path)
        ingest.start(5.0)
        self.ingest = ingest
        log.info("sensor ingest subscribed to %s", self.home.mqtt.topic("sensors", "+"))
        return ingest

    def _check_ingest(self, ingest: Any) -> None:
        """Beat for a working ingest; raise (and report) when its network thread died."""
        if not ingest_thread_alive(ingest):
            why = "the sensor ingest network thread has ended"
            self.liveness.fail("ingest", why)
            raise RuntimeError(f"sensor ingest stopped: {why}")
        # not connected (the broker is away) or failing on every message: no heartbeat,
        # so it shows as offline once that lasts liveness.timeout_s
        healthy = getattr(ingest, "healthy", None)
        if not callable(healthy) or healthy():
            self.liveness.beat("ingest")

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

    # -- liveness and status ----------------------------------------------------------
    def _watch_services(self) -> None:
        s = self.settings
        for name in ("input", "safety", "reminders", "health", "outbox"):
            self.liveness.watch(name)
        # used on demand: each turn beats them, a self-test does when no turn has for
        # liveness.selftest_s; a failure shows at once
        on_demand = s.liveness.selftest_s + s.liveness.timeout_s
        self.liveness.watch("intent", on_demand)
        if self.audio:
            self.liveness.watch("asr", on_demand)
        self.liveness.watch("tts", math.inf)  # offline only while failing
        if s.health.subscribe_sensors:
            self.liveness.watch("ingest")

    def _selftest(self) -> None:
        """The periodic check of the alarm path: a model or recognizer that no turn has
        used for ``liveness.selftest_s`` is tried on a known input (its wrapper beats on
        success and reports a failure)."""
        assert self.assistant is not None
        now = self.wall()
        every = self.settings.liveness.selftest_s
        states = self.liveness.states()

        def due(name: str) -> bool:
            st = states.get(name)
            if st is None:
                return False
            last = max(st.last_beat or 0.0, self._selftest_at.get(name, 0.0))
            return now - last >= every or not st.online

        if due("intent"):
            self._selftest_at["intent"] = now
            with self._lock:
                self.assistant.intent_model.classify(SELFTEST_TEXT)
        if "tts" in states and not states["tts"].online:  # retried until it works again
            self._selftest_at["tts"] = now
            try:
                self.assistant.speaker.to_wav(SELFTEST_TEXT, self.state_dir / "selftest.wav")
            except Exception as exc:  # noqa: BLE001 - reported to liveness by the wrapper
                log.error("TTS self-test failed", exc_info=exc)
        if due("asr") and self.assistant.recognizer is not None:
            import numpy as np

            from speech.asr import transcribe_clip
            from speech.audio import AudioClip

            self._selftest_at["asr"] = now
            rate = self.assistant.recognizer.sample_rate
            clip = AudioClip(np.zeros(rate // 2, dtype=np.int16), rate)
            try:
                with self._lock:
                    transcribe_clip(self.assistant.recognizer, clip)
            except Exception as exc:  # noqa: BLE001 - reported to liveness by the wrapper
                log.error("ASR self-test failed", exc_info=exc)

    def check_liveness(self) -> list[Change]:
        """One round of the liveness check: outbox delivery and self-tests, state
        changes told to the caregivers (stored first; retried while storing fails), the
        status file written and the retained status topic published."""
        alerts = self.home.alerts
        pump = getattr(alerts, "_pump", None)  # the outbox delivery thread
        if pump is not None and pump.is_alive():
            self.liveness.beat("outbox")
        else:
            self.liveness.fail("outbox", "the outbox delivery thread is not running")
        self._selftest()
        changes = self.liveness.check()
        for change in changes:
            line = {"service": change.service, "online": change.online,
                    "detail": change.detail}
            self.emit(json.dumps({"liveness": line}))
            (log.info if change.online else log.error)("service %s %s: %s", change.service,
                                                       "back online" if change.online
                                                       else "offline", change.detail)
        self._unsent.extend(changes)
        while self._unsent:
            self._tell_caregivers(self._unsent[0])
            self._unsent.pop(0)  # only once stored
        self.write_status()
        return changes

    def _tell_caregivers(self, change: Change) -> None:
        """Raise the change's alert; returns once the alert service has it (stored, or
        held in memory and retried by the service itself); raises when it could not take
        it, so that the change is tried again next tick."""
        from health.alerting import AlertNotStored

        name, resident = change.service, self.settings.resident.name
        alerts = self.home.alerts
        details = {"service": name, "detail": change.detail}
        kind = "monitoring_online" if change.online else "monitoring_offline"
        try:
            if change.online:
                alerts.raise_alert(kind, "info",
                                   f"{name} is working again: monitoring is back online",
                                   resident, key=name, details=details)
            else:
                alerts.raise_alert(kind, "urgent",
                                   f"monitoring is offline: {name} stopped ({change.detail})",
                                   resident, key=name, details=details)
        except AlertNotStored as exc:  # the alert service holds it and keeps storing it
            log.error("%s alert for %s not stored yet: %s", kind, name, exc)
        if change.online:
            # the outage is over: the next one is a new episode, told again
            for ended in ("monitoring_offline", "monitoring_online"):
                try:
                    alerts.resolve(ended, resident, key=name)
                except (sqlite3.Error, OSError) as exc:  # the episode ends in memory anyway
                    log.error("could not record the end of %s for %s: %s", ended, name, exc)

    def status(self) -> dict[str, Any]:
        """What ``eldercare status`` prints: services and their last heartbeat, outbox
        depth, model versions, counters."""
        alerts = self.home.alerts
        depth = None
        if alerts is not None:
            try:
                depth = alerts.outbox.count_pending()
            except Exception as exc:  # noqa: BLE001 - shown as unknown; the outbox reports
                log.warning("outbox depth unknown: %s", exc)
        states = self.liveness.states()
        return {"ts": round(self.wall(), 3), "pid": os.getpid(),
                "home": self.settings.mqtt.home, "resident": self.settings.resident.name,
                "services": {n: st.to_json() for n, st in sorted(states.items())},
                "offline": [n for n, st in sorted(states.items()) if not st.online],
                "outbox_depth": depth,
                "broker_connected": bool(alerts is not None and alerts.connected),
                "models": self.models, "turns": len(self.turns), "errors": self.errors,
                "reminders": self.reminders_said, "restarts": dict(self.restarts),
                "tick_s": self.tick_s, "every_s": STATUS_EVERY_S, "stopped": self.stopped,
                # microphone counters: drops and overflows are reported, never silent
                "audio": self._duplex.stats() if self._duplex is not None
                else dict(self.audio_stats)}

    def write_status(self, publish: bool = False) -> None:
        """``<state>/status.json`` (atomic) when the set of offline services changed,
        every :data:`STATUS_EVERY_S` or with ``publish``; then, when that set changed,
        every 30 s or with ``publish``, the retained ``<prefix>/<home>/status/services``
        topic."""
        offline = tuple(n for n, st in sorted(self.liveness.states().items())
                        if not st.online)
        now = self.wall()
        if not publish and offline == self._written_offline and \
                now - self._written_at < STATUS_EVERY_S:
            return
        self._written_offline, self._written_at = offline, now
        status = self.status()
        data = json.dumps(status)
        path = self.state_dir / STATUS_FILE
        try:
            tmp = path.with_suffix(".tmp")
            tmp.write_text(data)
            os.replace(tmp, path)
            if self._status_failed:
                self._status_failed = False
                self.liveness.beat("state")
        except OSError as exc:
            if not self._status_failed:  # reported once per failure, not every tick
                log.error("cannot write %s: %s", path, exc)
                self.liveness.watch("state", math.inf)
                self.liveness.fail("state", f"state folder not writable: {exc}")
            self._status_failed = True
        if publish or offline != self._published_status or \
                time.monotonic() - self._published_at > 30:
            if self.home.publish_status(data.encode()):
                self._published_status = offline
                self._published_at = time.monotonic()

    async def _liveness(self) -> None:
        while not self._stop.is_set():
            await asyncio.to_thread(self.check_liveness)
            await self._sleep(self.tick_s)

    def _restarted(self, name: str, exc: Exception) -> None:
        self.restarts[name] = self.restarts.get(name, 0) + 1

    def _supervise(self, name: str, service: Callable[[], Awaitable[None]]) -> Any:
        return supervise(name, service, self._stop, healthy_s=self.settings.liveness.healthy_s,
                         on_restart=self._restarted)

    # -- synchronous driving (the scenario player) ------------------------------------
    def open(self) -> None:
        """Build and start everything (broker connection, models, state); a question left
        pending by the last run raises its alert now."""
        self.assistant = self._build()
        self._start_sync()
        self._watch_services()
        self._safety_tick(True)
        if self.settings.health.subscribe_sensors:
            self._start_ingest()

    def tick(self) -> None:
        """One round of the timed work, as the services do it each ``tick_s``: each part
        on its own (a part that fails does not beat, and the others still run); the
        first failure is raised at the end."""
        assert self.assistant is not None
        self.liveness.beat("input")  # the caller is the input
        parts: list[tuple[str, Callable[[], Any]]] = [
            ("safety", self._safety_tick), ("reminders", self.say_due_reminders),
            ("health", lambda: self.home.monitor.tick(self.wall())),
            ("ingest", self._tick_ingest), ("liveness", self.check_liveness)]
        if self.sync is not None:
            parts.append(("sync", self.sync.tick))
        first: Exception | None = None
        for name, part in parts:
            try:
                part()
            except Exception as exc:  # noqa: BLE001 - logged; raised once the rest ran
                log.error("%s failed in this tick", name, exc_info=exc)
                first = first or exc
                continue
            if name in ("safety", "reminders", "health"):
                self.liveness.beat(name)
        if first is not None:
            raise first

    def _tick_ingest(self) -> None:
        if self.ingest is not None:
            try:
                self._check_ingest(self.ingest)
            except RuntimeError as exc:  # as the supervisor would: log, subscribe afresh
                log.error("%s; subscribing again", exc)
                self.ingest.stop()
                self.ingest = None
        if self.ingest is None and self.settings.health.subscribe_sensors:
            self._start_ingest()

    def close(self) -> None:
        """Stop: a pending question raises its alert (stored, sent at the next start)."""
        try:
            if self.assistant is not None and self.assistant.dialogue.pending_safety:
                self._safety_tick(True)
        finally:
            if self.ingest is not None:
                self.ingest.stop()
                self.ingest = None
            self._final_status()
            self._stop_sync()
            self._stop_home_control()
            self.home.stop()

    def _final_status(self) -> None:
        """The last status says the device stopped on purpose (``eldercare status``)."""
        if self.home.alerts is None:
            return
        self.stopped = True
        try:
            self.write_status(publish=True)
        except Exception as exc:  # noqa: BLE001 - stopping goes on; the next start rewrites it
            log.error("final status not written", exc_info=exc)

    # -- main -------------------------------------------------------------------------
    def _start_watchdog(self) -> Any:
        """Under systemd (docs/bundles.md): READY=1, then watchdog pings only while the
        safety service's heartbeat is online (device.service.SystemdWatchdog); outside
        systemd it does nothing."""
        from device.service import SystemdWatchdog, safety_alive

        watchdog = SystemdWatchdog(safety_alive(self.liveness))
        watchdog.ready()
        watchdog.start()
        return watchdog

    async def run(self) -> dict[str, Any]:
        """Run until the input ends (stdin EOF, last WAV) or is interrupted; returns a
        summary {turns, errors, reminders, alerts_raised, alerts_flushed, seconds}."""
        t0 = time.perf_counter()
        self._stop = asyncio.Event()
        watchdog = None
        try:
            self.assistant = await asyncio.to_thread(self._build)
            await asyncio.to_thread(self._start_sync)
            self._watch_services()
            watchdog = self._start_watchdog()
            # a question left unanswered when the device last stopped: alert now
            await asyncio.to_thread(self._safety_tick, True)
            source = {"stdin": self._input_stdin, "wav": self._input_wav,
                      "mic": self._input_mic}[self.settings.input.source]
            services = [("safety", self._safety), ("reminders", self._reminders),
                        ("health", self._health_ticks), ("liveness", self._liveness)]
            if self.settings.health.subscribe_sensors:
                services.append(("sensors", self._sensors))
            if self.settings.health.replay is not None:
                services.append(("replay", self._replay))
            if self.sync is not None:
                sync = self.sync
                services.append(("sync", lambda: sync.serve(self._stop)))
            background = [asyncio.create_task(self._supervise(n, f)) for n, f in services]
            await self._supervise("input", source)
            await self._settle_safety()
            self._stop.set()
            await asyncio.gather(*background, return_exceptions=True)
            flushed = await asyncio.to_thread(self.home.alerts.flush, self.flush_s)
            raised = getattr(self.assistant.executor, "raised", [])
            return {"turns": len(self.turns), "errors": self.errors,
                    "reminders": self.reminders_said,
                    "alerts_raised": len(raised), "alerts_flushed": flushed,
                    "restarts": dict(self.restarts),
                    "seconds": round(time.perf_counter() - t0, 2)}
        finally:
            self._stop.set()
            if watchdog is not None:
                watchdog.stop()
            try:
                if self.assistant is not None and self.assistant.dialogue.pending_safety:
                    await asyncio.to_thread(self._safety_tick, True)  # stored, sent next start
            finally:
                await asyncio.to_thread(self._final_status)
                await asyncio.to_thread(self._stop_sync)
                await asyncio.to_thread(self._stop_home_control)
                await asyncio.to_thread(self.home.stop)

    def _stop_home_control(self) -> None:
        """Disconnect home control and the call service (unsent call requests stay in
        their outbox and go out at the next start)."""
        if self.home_control is not None:
            self.home_control.stop()
        if self.calls is not None:
            self.calls.stop()
            self.calls = None


def ingest_thread_alive(ingest: Any) -> bool:
    """Whether paho's network thread of a started ``SensorIngest`` still runs (an
    exception escaping a message callback, or a stopped loop, ends it for good)."""
    client = getattr(ingest, "_client", None)
    thread = getattr(client, "_thread", None)
    return thread is not None and thread.is_alive()


def _model_version(model: Any) -> dict[str, Any]:
    """Folder, base model and a content hash of the intent model in use."""
    folder = Path(getattr(model, "model_dir", "") or "")
    onnx = folder / "model.onnx"
    digest = None
    if onnx.is_file():
        h = hashlib.sha256()
        with onnx.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        digest = h.hexdigest()[:16]
    raw = getattr(getattr(model, "config", None), "raw", None) or {}
    choice = getattr(model, "provider_choice", None)  # device.providers: provider + variant
    return {"dir": str(folder), "sha256": digest, "format": raw.get("format"),
            "base_model": raw.get("base_model"), "preset": raw.get("preset"),
            "layers": raw.get("layers"),
            "provider": choice.to_json() if choice is not None else None}
