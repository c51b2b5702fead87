"""Device settings: one frozen dataclass tree, loaded once from a JSON file (+ overrides).

Every section checks itself in ``__post_init__`` and says what to change. Load with
:func:`load_settings`; :func:`example_config_path` is the shipped example.
"""

from __future__ import annotations

import typing
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from device.careplan import CarePlan
from device.settings_home import CallSettings, HomeSettings
from device.settings_runtime import LivenessSettings
from device.settings_sections import (
    AsrSettings,
    HealthSettings,
    InputSettings,
    IntentSettings,
    MqttConfig,
    OutputSettings,
    ResidentSettings,
    SafetySettings,
    SettingsError,
    TtsSettings,
    _check,
)
from device.settings_sync import SyncSettings

__all__ = [
    "AsrSettings", "CallSettings", "HealthSettings", "HomeSettings", "InputSettings",
    "IntentSettings", "LivenessSettings", "MqttConfig", "OutputSettings", "ResidentSettings",
    "SafetySettings", "Settings", "SettingsError", "SpokenSettings", "TtsSettings",
    "example_config_path", "load_settings", "parse_override", "settings_from_dict",
]


@dataclass(frozen=True)
class SpokenSettings:
    """How the intent of spoken input is decided from the ASR n-best
    (:func:`speech.spoken_intent.spoken_intent`); typed text is classified as it is."""

    safety_from_alternatives: int = 3
    """How many ASR n-best alternatives after the 1-best may raise a safety label
    (emergency_help, fall_report) that the 1-best did not give; 0: the 1-best alone decides.
    Such a label is always checked with one question before a caregiver is alerted. The
    recognizer gives at most its own n-best size (3 for Whisper, 2 for the pocketsphinx
    engines); 3 caught one more call on each part of the spoken benchmark than 2
    (docs/speech.md)."""
    understood_best: float = 0.9
    """A 1-best that the intent model classifies as an ordinary request (not a safety label,
    not out_of_scope) with at least this probability counts as understood: an alternative
    then raises a safety label only at the model's alert threshold (a garbled 1-best still
    lets an alternative ask). 1.0 keeps alternatives at the ask threshold whatever the
    1-best (docs/speech.md, "Alternatives under an understood 1-best")."""
    sounds_like: float = 80.0
    """Least score (0-100) at which a transcript's sounds align with a call phrase ("alert
    my car alert" for "alert my carer") to read it as that call and ask the safety question
    (speech.sounds_like; docs/speech.md, "Calls that sound like a call"); 0: off. Works
    with the alternatives: nothing while a question waits or when
    ``safety_from_alternatives`` is 0."""

    def __post_init__(self) -> None:
        n = self.safety_from_alternatives
        _check(isinstance(n, int) and not isinstance(n, bool) and n >= 0,
               f"spoken.safety_from_alternatives must be a whole number >= 0 (got {n!r}); "
               "3 suits the bundled recognizer, 0 lets the 1-best alone decide")
        u = self.understood_best
        _check(isinstance(u, (int, float)) and not isinstance(u, bool) and 0.0 < u <= 1.0,
               f"spoken.understood_best must be a probability in (0, 1] (got {u!r}); "
               "0.9 is the measured default")
        t = self.sounds_like
        _check(isinstance(t, (int, float)) and not isinstance(t, bool) and 0.0 <= t <= 100.0,
               f"spoken.sounds_like must be a score in 0..100 (got {t!r}); 0 turns it off, "
               "80 is the measured default")


@dataclass(frozen=True)
class Settings:
    resident: ResidentSettings = field(default_factory=ResidentSettings)
    care_plan: CarePlan = field(default_factory=CarePlan)
    mqtt: MqttConfig = field(default_factory=MqttConfig)
    intent: IntentSettings = field(default_factory=IntentSettings)
    asr: AsrSettings = field(default_factory=AsrSettings)
    tts: TtsSettings = field(default_factory=TtsSettings)
    health: HealthSettings = field(default_factory=HealthSettings)
    safety: SafetySettings = field(default_factory=SafetySettings)
    spoken: SpokenSettings = field(default_factory=SpokenSettings)
    liveness: LivenessSettings = field(default_factory=LivenessSettings)
    input: InputSettings = field(default_factory=InputSettings)
    output: OutputSettings = field(default_factory=OutputSettings)
    home: HomeSettings = field(default_factory=HomeSettings)
    calls: CallSettings = field(default_factory=CallSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)

    def __post_init__(self) -> None:
        if self.care_plan.resident != self.resident.name:
            object.__setattr__(self, "care_plan",
                               replace(self.care_plan, resident=self.resident.name))
        _check(self.tts.language == self.resident.language,
               f"tts.language ({self.tts.language}) differs from resident.language "
               f"({self.resident.language}): set both to the resident's language")

    def check_files(self) -> None:
        """Paths that must exist before start (model folders, replay file, CA file)."""
        for where, value in (("intent.model_dir", self.intent.model_dir),
                             ("asr.model", self.asr.model), ("health.replay", self.health.replay),
                             ("mqtt.ca_file", self.mqtt.ca_file)):
            if value is not None and not Path(value).expanduser().exists():
                raise SettingsError(f"{where}: {value} does not exist: fix the path or set it "
                                    "to null")
        if self.sync.enabled and self.sync.transport == "https":
            for key in ("https_ca_file", "https_token_file"):
                value = getattr(self.sync, key)
                if value is not None and not Path(value).expanduser().is_file():
                    raise SettingsError(f"sync.{key}: {value} does not exist: fix the path "
                                        "or set it to null")
        ha = self.home.home_assistant
        if ha is not None and not Path(ha.token_file).expanduser().is_file():
            raise SettingsError(f"home.home_assistant.token_file: {ha.token_file} does not "
                                "exist: put the long-lived access token there")
        if self.input.source == "wav":
            for wav in self.input.wav:
                if not Path(wav).is_file():
                    raise SettingsError(f"input.wav: {wav} does not exist")


_SECTIONS = {f.name: f for f in fields(Settings)}
_PATH_KEYS = {("intent", "model_dir"), ("asr", "model"), ("health", "replay"),
              ("mqtt", "ca_file"), ("sync", "secret_file"), ("sync", "https_ca_file"),
              ("sync", "https_token_file")}


def _coerce(where: str, value: Any, hint: Any) -> Any:
    args = typing.get_args(hint)
    if value is None:
        _check(type(None) in args, f"{where} must not be null")
        return None
    if args and type(None) in args:
        hint = next(a for a in args if a is not type(None))
    if typing.get_origin(hint) is tuple:
        _check(isinstance(value, list) and all(isinstance(v, str) for v in value),
               f"{where} must be a list of strings (got {value!r})")
        return tuple(value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    ok = isinstance(value, hint) and not (hint is int and isinstance(value, bool))
    _check(ok, f"{where} must be {hint.__name__} (got {type(value).__name__} {value!r})")
    return value


def _section(cls: type, data: Any, where: str, base: Path | None) -> Any:
    _check(isinstance(data, dict), f"{where} must be an object")
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(data) - set(known))
    _check(not unknown, f"unknown setting {where}.{unknown[0] if unknown else ''}: "
                        f"known ones are {', '.join(known)}")
    kwargs = {}
    for name, value in data.items():
        value = _coerce(f"{where}.{name}", value, hints[name])
        if (where, name) in _PATH_KEYS and isinstance(value, str) and base is not None:
            p = Path(value).expanduser()
            value = str(p if p.is_absolute() else (base / p))
        kwargs[name] = value
    try:
        return cls(**kwargs)
    except SettingsError:
        raise
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"{where}: {exc}") from None


def settings_from_dict(data: dict[str, Any], base: Path | None = None) -> Settings:
    """Build and validate :class:`Settings`; relative file paths resolve against ``base``."""
    _check(isinstance(data, dict), "the config must be a JSON object with sections")
    unknown = sorted(set(data) - set(_SECTIONS))
    _check(not unknown, f"unknown section {unknown[0] if unknown else ''!r}: "
                        f"known ones are {', '.join(_SECTIONS)}")
    resident = _section(ResidentSettings, data.get("resident", {}), "resident", base)
    plan_data = data.get("care_plan", {})
    _check(isinstance(plan_data, dict), "care_plan must be an object")
    known_plan = ("medicines", "contacts", "reminders", "timezone", "dose_confirm_after_min",
                  "late_reminder_max_h")
    bad = sorted(set(plan_data) - set(known_plan))
    _check(not bad, f"unknown setting care_plan.{bad[0] if bad else ''}: known ones are "
                    f"{', '.join(known_plan)}")
    try:
        plan = CarePlan.from_json(plan_data, resident=resident.name)
    except (TypeError, ValueError) as exc:
        raise SettingsError(str(exc)) from None
    kwargs: dict[str, Any] = {"resident": resident, "care_plan": plan}
    for name, f in _SECTIONS.items():
        if name in ("resident", "care_plan"):
            continue
        if name == "home":
            kwargs[name] = HomeSettings.from_json(data.get(name, {}), base)
            continue
        cls = f.default_factory if f.default_factory is not MISSING else None
        assert cls is not None
        kwargs[name] = _section(cls, data.get(name, {}), name, base)  # type: ignore[arg-type]
    return Settings(**kwargs)


def parse_override(text: str) -> tuple[str, str, Any]:
    """``"tts.rate_wpm=120"`` -> ``("tts", "rate_wpm", 120)``; values are JSON or strings."""
    key, sep, raw = text.partition("=")
    section, dot, name = key.strip().partition(".")
    _check(bool(sep and dot and section and name),
           f"--set {text!r}: write SECTION.KEY=VALUE, e.g. --set tts.rate_wpm=120")
    from health.limits import MAX_LINE_BYTES, InputRejected, parse_json

    try:
        value = parse_json(raw, MAX_LINE_BYTES, what=f"--set {key.strip()}")
    except InputRejected as exc:
        _check(exc.reason == "malformed_json", exc.message)  # too long, deep, NaN: refused
        value = raw  # not JSON: the text itself
    return section, name, value


def load_settings(path: str | Path | None = None, overrides: dict[str, Any] | None = None,
                  sets: list[str] | None = None) -> Settings:
    """Settings from a JSON file (None = built-in defaults), then ``overrides``
    (``{"mqtt.url": ...}``, None values ignored) and ``--set`` strings, validated."""
    data: dict[str, Any] = {}
    base = None
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise FileNotFoundError(f"config file {p} does not exist: copy "
                                    f"{example_config_path()} and edit it")
        data = _read_config(p)
        base = p.resolve().parent
        _check(isinstance(data, dict), f"config file {p} must hold a JSON object")
    items = [(k, v) for k, v in (overrides or {}).items() if v is not None]
    for s in sets or []:
        sec, name, value = parse_override(s)
        items.append((f"{sec}.{name}", value))
    for key, value in items:
        sec, _, name = key.partition(".")
        section = data.setdefault(sec, {})
        _check(isinstance(section, dict), f"{sec} must be an object")
        section[name] = value
    try:
        return settings_from_dict(data, base)
    except SettingsError as exc:
        where = f"config {path}: " if path is not None else ""
        raise SettingsError(f"{where}{exc}") from None


def _read_config(p: Path) -> Any:
    """The decoded JSON of a settings file: size, UTF-8, syntax, depth and finite numbers
    checked before anything is built (limits: docs/input-limits.md)."""
    from health.limits import MAX_SETTINGS_BYTES, InputRejected, parse_json

    with p.open("rb") as fh:  # never more than the limit in memory
        raw = fh.read(MAX_SETTINGS_BYTES + 1)
    try:
        return parse_json(raw, MAX_SETTINGS_BYTES, what=f"config file {p}")
    except InputRejected as exc:
        raise SettingsError(exc.message) from None


def example_config_path() -> Path:
    return Path(__file__).resolve().parent / "configs" / "example.json"


def with_output(settings: Settings, out_dir: str) -> Settings:
    return replace(settings, output=replace(settings.output, dir=out_dir))
