"""The sections of the device settings, each a frozen dataclass that checks itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "ASR_ENGINES", "INPUT_SOURCES", "LANGUAGES", "AsrSettings", "HealthSettings",
    "InputSettings", "IntentSettings", "MqttConfig", "OutputSettings", "ResidentSettings",
    "SafetySettings", "SettingsError", "TtsSettings",
]

ASR_ENGINES = ("hybrid", "whisper", "pocketsphinx", "pocketsphinx-general", "vosk")
INPUT_SOURCES = ("stdin", "wav", "mic")
LANGUAGES = ("en", "zh")


class SettingsError(ValueError):
    """A setting is missing or wrong; the message says which and what to change."""


def _check(ok: bool, msg: str) -> None:
    if not ok:
        raise SettingsError(msg)


@dataclass(frozen=True)
class ResidentSettings:
    name: str = "Mary"
    """First name used in replies and alerts."""
    language: str = "en"

    def __post_init__(self) -> None:
        _check(bool(self.name.strip()), "resident.name is empty: set the resident's first name")
        _check(self.language in LANGUAGES, f"resident.language must be one of {LANGUAGES}")


@dataclass(frozen=True)
class MqttConfig:
    url: str | None = None
    """mqtt://host:port or mqtts://...; null starts an embedded mosquitto on loopback."""
    username: str | None = None
    password: str | None = None
    tls: bool = False
    ca_file: str | None = None
    prefix: str = "eldercare"
    home: str = "home1"

    def __post_init__(self) -> None:
        if self.url is not None:
            _check(self.url.startswith(("mqtt://", "mqtts://")),
                   f"mqtt.url {self.url!r} must start with mqtt:// or mqtts:// "
                   "(or be null for the embedded broker)")
        _check(self.password is None or self.username is not None,
               "mqtt.password is set but mqtt.username is not: set both or neither")
        _check(self.url is not None or not (self.tls or self.ca_file or self.username),
               "mqtt.tls/ca_file/username need an external broker: set mqtt.url")

    def to_mqtt(self, url: str, client_id: str | None = None) -> Any:
        """A ``health.mqtt_settings.MqttSettings`` for ``url`` (the embedded one if null)."""
        from health.mqtt_settings import MqttSettings

        return MqttSettings(url=url, username=self.username, password=self.password,
                            tls=self.tls, ca_file=self.ca_file, prefix=self.prefix,
                            home=self.home, client_id=client_id)


@dataclass(frozen=True)
class IntentSettings:
    model_dir: str | None = None
    """Folder with model.onnx, tokenizer.json, config.json; null = the shipped model."""
    threads: int = 2
    spin_threads: bool = True
    """onnxruntime's worker threads spin instead of sleeping between the graph's steps:
    faster at batch 1 unless other work at the same priority holds every core; false: they
    always sleep (docs/benchmarks.md, "The intent runtime")."""
    spin_only_in_run: bool = True
    """With spin_threads: stop spinning when a classification ends, so that nothing holds a
    core between utterances (onnxruntime's session.force_spinning_stop); false: spin between
    classifications too."""
    build_if_missing: bool = True
    """Build a tiny model with `eldercare compress --preset tiny` when none is present."""
    cache_dir: str = "~/.cache/eldercare"

    def __post_init__(self) -> None:
        _check(1 <= self.threads <= 64, f"intent.threads must be 1..64 (got {self.threads})")


@dataclass(frozen=True)
class AsrSettings:
    engine: str = "hybrid"
    """hybrid: the fast domain path beside Whisper (docs/speech.md)."""
    model: str | None = None
    """Model folder (vosk needs one); whisper/hybrid: "base", "tiny.en" or a CTranslate2
    folder; null = the engine's bundled model."""
    sample_rate: int = 16000
    """Hz."""
    threads: int = 2
    """CPU threads of the Whisper decoder."""
    language: str = "en"
    """The resident's language as Whisper hears it (the fast path is English only)."""
    fast_torn_signs_ask: bool = True
    """hybrid: safety words that only some of the fast path's n-best hypotheses carry are
    asked about at once instead of alerted (docs/speech.md, "The fast path's false alerts
    at once"); false: the fast path alerts on any safety words the model agrees with."""
    fast_second_opinion: bool = True
    """hybrid: safety words that the fast path alone heard alert at once only where the
    intent model reaches its alert threshold; under it the device asks at once, and raises
    the alert as soon as Whisper's transcript of the same utterance alerts (about 0.8 s on
    two cores; docs/safety-path.md, "A second opinion on the fast path's words"). False:
    any fast-path words the model agrees with alert at once."""
    whisper_prompt: str = ""
    """whisper/hybrid: text Whisper reads as what came before each utterance (its initial
    prompt); "": none, the default. Measure one before using it (`python -m
    bench.whisper_variants`): on the dev care commands a prompt of ordinary care requests
    raised word errors and false safety (docs/speech.md, "Other ways to decode with
    Whisper"). A prompt that the device's safety words hold as a call is refused: Whisper
    then heard that call in an ordinary request."""

    def __post_init__(self) -> None:
        _check(self.engine in ASR_ENGINES,
               f"asr.engine {self.engine!r} is unknown: use one of {', '.join(ASR_ENGINES)}")
        _check(self.engine != "vosk" or self.model is not None,
               "asr.engine is vosk but asr.model is null: set asr.model to a vosk model folder")
        _check(self.sample_rate in (8000, 16000, 22050, 44100, 48000),
               f"asr.sample_rate {self.sample_rate} is unusual: use 16000")
        _check(isinstance(self.threads, int) and 1 <= self.threads <= 64,
               f"asr.threads must be a whole number 1..64 (got {self.threads!r})")
        _check(self.language in LANGUAGES,
               f"asr.language must be one of {LANGUAGES} (got {self.language!r})")
        _check(isinstance(self.whisper_prompt, str),
               f"asr.whisper_prompt must be text (got {self.whisper_prompt!r})")
        if self.whisper_prompt.strip():
            from device.safety import safety_label_of_words

            said = safety_label_of_words(self.whisper_prompt)
            _check(said is None,
                   f"asr.whisper_prompt holds a call for help ({said}): Whisper would hear it "
                   "in ordinary requests (docs/speech.md, \"Other ways to decode with "
                   "Whisper\"); leave calls out of the prompt")


@dataclass(frozen=True)
class TtsSettings:
    rate_wpm: int = 140
    """Words per minute; slower is clearer for older listeners."""
    volume: float = 0.9
    """0.0 .. 1.0."""
    voice: str | None = None
    language: str = "en"

    def __post_init__(self) -> None:
        _check(80 <= self.rate_wpm <= 250,
               f"tts.rate_wpm must be 80..250 words per minute (got {self.rate_wpm}); "
               "140 suits most residents")
        _check(0.0 <= self.volume <= 1.0, f"tts.volume must be 0.0..1.0 (got {self.volume})")
        _check(self.language in LANGUAGES, f"tts.language must be one of {LANGUAGES}")


@dataclass(frozen=True)
class HealthSettings:
    spo2_scale: int = 1
    """NEWS2 SpO2 scale: 2 only when a clinician set it for a hypercapnic resident."""
    inactivity_day_h: float = 3.0
    """Hours without motion by day before an inactivity alert."""
    inactivity_night_h: float = 10.0
    """Hours without motion by night before an inactivity alert."""
    ack_timeout_s: float = 300.0
    """Seconds an urgent alert waits for an acknowledgement before the next caregiver
    (care_plan contacts with caregiver true, in order) is told."""
    replay: str | None = None
    """JSON-lines file of readings to play through the monitor at start; null = none."""
    subscribe_sensors: bool = True
    """Read sensors from <prefix>/<home>/sensors/+ (and zigbee2mqtt/+) over MQTT."""

    def __post_init__(self) -> None:
        _check(self.spo2_scale in (1, 2),
               f"health.spo2_scale must be 1 or 2 (got {self.spo2_scale}); use 2 only on a "
               "clinician's advice")
        _check(0 < self.inactivity_day_h <= 24 and 0 < self.inactivity_night_h <= 24,
               "health.inactivity_day_h and inactivity_night_h must be hours in (0, 24]")
        _check(self.ack_timeout_s >= 10,
               f"health.ack_timeout_s must be at least 10 seconds (got {self.ack_timeout_s})")


@dataclass(frozen=True)
class SafetySettings:
    """When a spoken fall or call for help alerts at once, and when it is checked first.

    A safety intent alerts at once when its score is at least ``confident`` or its words
    say it plainly ("i fell", "help me"); otherwise the device asks "Did you fall? Do you
    need help?" and alerts unless the resident explicitly says no within
    ``confirm_timeout_s``."""

    confirm: bool = True
    """Ask before alerting on a doubtful safety intent; false: every one alerts at once."""
    confident: float = 0.9
    """Intent score (0..1) at or above which a safety intent alerts without a question."""
    confirm_timeout_s: float = 20.0
    """Seconds to wait for an answer before alerting anyway."""
    typed_words_floor: float = 0.0
    """Typed text only: a sentence whose words the words net reads as a call but whose
    safety probability (the model's, with safety thresholds) is under this is answered as
    the model reads it, not asked about ("help, what's the time"); at or above it, and on
    every spoken turn, such words ask. 0 (the default): typed words always ask. Measured
    and left off: 0.05 halved the questions on the read files' other sentences but missed
    a call of a file written blind, which the model scored 0.033 (docs/safety-path.md,
    "Typed words the model is sure are no call")."""

    typed_stock_words_floor: float = 0.002
    """Typed text only: a sentence whose only call words are a call's stock words ("help",
    "ambulance", "stroke", "collapsed", "999": device.safety.stock_words_only) and whose
    safety probability is under this is answered as the model reads it ("i used to work the
    emergency switchboard", "help, where are my glasses"). The model was taught calls in
    those very words: of the typed calls the project holds whose only call words are
    stock words (536 with the files kept blind), the lowest two are calls written blind:
    the sixty-fifth held-out file's "I'm bleeding like a stuck pig, the bread knife slipped"
    scores 0.0037 and the nineteenth's 0.0098.
    The floor, first 0.05, then 0.005 (half the nineteenth's), sits at about half the
    lowest since (docs/safety-path.md, "A call's stock words the model is sure are no
    call", "A nineteenth file", "A sixty-fifth and a sixty-sixth file"). Words that tell
    what is happening ("water's pouring through the ceiling onto the fuse box", 0.030)
    always ask, and so does every spoken turn. 0 turns it off."""

    long_turn_words: int = 20
    """A turn of this many words or more that the model would answer as no call is read
    again by its later parts (device.safety.turn_tails: from each comma, stop or joining
    word such as "but", "and now", to the end), each scored by the model; where two read
    as a call (their safety label's ask threshold, not a denial nor a mention) the device
    asks the safety question, never alerts at once. The model, taught on short
    turns, reads a long story as its start: "... and then my legs went, and now I'm on the
    carpet and I can't get myself up". 0 turns it off (docs/safety-path.md, "A call at the
    end of a long turn")."""

    def __post_init__(self) -> None:
        _check(not isinstance(self.long_turn_words, bool)
               and isinstance(self.long_turn_words, int)
               and (self.long_turn_words == 0 or 8 <= self.long_turn_words <= 200),
               f"safety.long_turn_words must be 0 (off) or 8..200 words (got "
               f"{self.long_turn_words!r})")
        _check(0.0 <= self.typed_stock_words_floor < 0.5,
               f"safety.typed_stock_words_floor must be in [0, 0.5) (got "
               f"{self.typed_stock_words_floor}); 0 turns it off")
        _check(0.0 <= self.typed_words_floor < 0.5,
               f"safety.typed_words_floor must be in [0, 0.5) (got {self.typed_words_floor}); "
               "0 (the default) turns it off")
        _check(0.0 < self.confident <= 1.0,
               f"safety.confident must be in (0, 1] (got {self.confident}); 0.9 suits the "
               "shipped model")
        _check(1.0 <= self.confirm_timeout_s <= 120.0,
               f"safety.confirm_timeout_s must be 1..120 seconds (got "
               f"{self.confirm_timeout_s}); a resident who fell must not wait longer")


@dataclass(frozen=True)
class InputSettings:
    source: str = "stdin"
    """stdin (text lines), wav (files below) or mic."""
    wav: tuple[str, ...] = ()
    echo_guard: bool = False
    """mic with output.speak on a board without acoustic echo cancellation: an utterance
    that began while a reply played is handled only when stop words or a call for help
    were heard in it, so the device does not answer its own voice (the others are logged
    and counted; docs/audio-and-careplan.md)."""
    speculate_after_s: float | None = 0.3
    """mic: seconds of silence inside an utterance after which the audio so far is decoded
    in the background, so that a turn whose pause was its end need not wait for the
    decode (docs/speech.md, "Speculative decoding"); 0 or null: off. Shorter than the
    endpointer's trailing silence."""

    def __post_init__(self) -> None:
        _check(self.source in INPUT_SOURCES,
               f"input.source {self.source!r} is unknown: use one of {', '.join(INPUT_SOURCES)}")
        _check(self.source != "wav" or bool(self.wav),
               "input.source is wav but input.wav lists no files: add WAV paths")
        if self.speculate_after_s:
            from speech.endpoint import EndpointConfig

            try:  # the endpointer's own rule (one frame .. its trailing silence)
                EndpointConfig(speculate_after_s=self.speculate_after_s)
            except ValueError as exc:
                raise SettingsError(f"input.{exc}") from None


@dataclass(frozen=True)
class OutputSettings:
    dir: str = "eldercare-out"
    """Reply WAVs and the run log."""
    state_dir: str = "eldercare-state"
    """Alert outbox and dose log; keep it across restarts."""
    speak: bool = False
    """Also play replies on the speaker (needs an audio device); with input.source mic
    the reply can be cut by barge-in (docs/audio-and-careplan.md)."""
    keep_heard_audio: bool = False
    """Debugging only: keep a WAV of each utterance heard from the microphone in
    <dir>/heard/. Off by default: they are recordings of the resident's home."""
    keep_heard_max_mb: float = 50.0
    """Size limit of the kept WAVs, megabytes; the oldest are deleted first."""
    keep_heard_max_days: float = 7.0
    """Age limit of the kept WAVs, days."""

    def __post_init__(self) -> None:
        _check(0 < self.keep_heard_max_mb <= 10000,
               f"output.keep_heard_max_mb must be in (0, 10000] megabytes (got "
               f"{self.keep_heard_max_mb})")
        _check(0 < self.keep_heard_max_days <= 365,
               f"output.keep_heard_max_days must be in (0, 365] days (got "
               f"{self.keep_heard_max_days})")
