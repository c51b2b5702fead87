from __future__ import annotations

import json
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from device.settings import (
    Settings,
    SettingsError,
    example_config_path,
    load_settings,
    parse_override,
    settings_from_dict,
)


def test_example_config_loads_with_care_plan() -> None:
    s = load_settings(example_config_path())
    assert s.resident.name == "Mary" and s.care_plan.resident == "Mary"
    assert [m.name for m in s.care_plan.medicines] == ["metformin", "amlodipine"]
    assert s.care_plan.find_contact("daughter").name == "Anna"  # type: ignore[union-attr]
    assert s.mqtt.url is None and s.asr.engine == "hybrid"
    with pytest.raises(FrozenInstanceError):
        s.tts.rate_wpm = 200  # type: ignore[misc]


def test_defaults_without_file() -> None:
    s = load_settings(None)
    assert s == Settings()
    assert s.tts.rate_wpm == 140 and s.health.spo2_scale == 1


def test_overrides_and_set(tmp_path: Path) -> None:
    s = load_settings(example_config_path(),
                      overrides={"mqtt.url": "mqtt://127.0.0.1:1999", "intent.model_dir": None},
                      sets=["tts.rate_wpm=120", "resident.name=Joan", "output.dir=out x"])
    assert s.mqtt.url == "mqtt://127.0.0.1:1999"
    assert s.tts.rate_wpm == 120 and s.output.dir == "out x"
    assert s.resident.name == "Joan" and s.care_plan.resident == "Joan"
    assert parse_override("health.replay=null") == ("health", "replay", None)
    with pytest.raises(SettingsError, match="SECTION.KEY=VALUE"):
        parse_override("rate_wpm=120")


def test_relative_paths_resolve_against_config_folder(tmp_path: Path) -> None:
    (tmp_path / "replay.jsonl").write_text("{}\n")
    cfg = tmp_path / "c.json"
    cfg.write_text(json.dumps({"health": {"replay": "replay.jsonl"}}))
    s = load_settings(cfg)
    assert s.health.replay == str(tmp_path / "replay.jsonl")
    s.check_files()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"tts": {"rate_wpm": 500}}, "tts.rate_wpm must be 80..250"),
        ({"tts": {"volume": 2}}, "tts.volume must be 0.0..1.0"),
        ({"tts": {"rat": 1}}, "unknown setting tts.rat: known ones are rate_wpm"),
        ({"speech": {}}, "unknown section 'speech'"),
        ({"asr": {"engine": "kaldi"}}, "asr.engine 'kaldi' is unknown"),
        ({"asr": {"engine": "vosk"}}, "set asr.model to a vosk model folder"),
        ({"asr": {"whisper_prompt": "Hello. Please call an ambulance."}},
         "asr.whisper_prompt holds a call for help (emergency_help)"),
        ({"asr": {"whisper_prompt": "Remind me of my tablets. I've fallen."}},
         "leave calls out of the prompt"),
        ({"asr": {"whisper_prompt": 3}}, "asr.whisper_prompt must be"),
        ({"resident": {"name": " "}}, "resident.name is empty"),
        ({"intent": {"threads": "two"}}, "intent.threads must be int"),
        ({"intent": {"threads": True}}, "intent.threads must be int"),
        ({"mqtt": {"url": "http://x"}}, "must start with mqtt://"),
        ({"mqtt": {"password": "x"}}, "mqtt.password is set but mqtt.username is not"),
        ({"mqtt": {"tls": True}}, "need an external broker"),
        ({"health": {"spo2_scale": 3}}, "health.spo2_scale must be 1 or 2"),
        ({"health": {"inactivity_day_h": 0}}, "inactivity_night_h must be hours"),
        ({"health": {"ack_timeout_s": 1}}, "health.ack_timeout_s must be at least 10"),
        ({"input": {"source": "wav"}}, "input.wav lists no files"),
        ({"input": {"wav": "a.wav"}}, "input.wav must be a list of strings"),
        ({"tts": {"language": "zh"}}, "tts.language (zh) differs from resident.language"),
        ({"care_plan": {"medicines": [{"name": "x", "times": ["25:00"]}]}},
         "time '25:00' is not HH:MM"),
        ({"care_plan": {"medicines": [{"dose": "5 mg"}]}}, "lacks the field 'name'"),
        ({"care_plan": {"contacts": {"name": "Anna"}}}, "care_plan.contacts must be a list"),
        ({"care_plan": {"pets": []}}, "unknown setting care_plan.pets"),
        ({"care_plan": {"contacts": [{"name": "A/B"}]}}, "without '/'"),
        ({"resident": []}, "resident must be an object"),
    ],
)
def test_bad_settings_say_what_to_change(data: dict, message: str) -> None:
    with pytest.raises(SettingsError) as err:
        settings_from_dict(data)
    assert message in str(err.value)


def test_bad_files(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="copy .*example.json"):
        load_settings(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"tts": {"rate_wpm": 140,}}')
    with pytest.raises(SettingsError, match=r"broken.json is not valid JSON: line 1"):
        load_settings(broken)
    arr = tmp_path / "arr.json"
    arr.write_text("[]")
    with pytest.raises(SettingsError, match="must hold a JSON object"):
        load_settings(arr)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"tts": {"rate_wpm": 10}}))
    with pytest.raises(SettingsError, match=r"config .*bad.json: tts.rate_wpm"):
        load_settings(bad)
    missing_model = settings_from_dict({"intent": {"model_dir": str(tmp_path / "nope")}})
    with pytest.raises(SettingsError, match="intent.model_dir: .*does not exist"):
        missing_model.check_files()


def test_mqtt_config_builds_health_settings() -> None:
    s = settings_from_dict({"mqtt": {"prefix": "care", "home": "flat2"}})
    m = s.mqtt.to_mqtt("mqtt://127.0.0.1:1884", client_id="dev")
    assert m.topic("alerts") == "care/flat2/alerts" and m.port == 1884


def test_whisper_prompt_reaches_the_recognizer() -> None:
    pytest.importorskip("faster_whisper")
    from device.loaders import make_recognizer

    prompt = "Could you turn the lights on, please?"
    rec = make_recognizer(settings_from_dict({"asr": {"engine": "whisper", "model": "tiny.en",
                                                      "whisper_prompt": prompt}}))
    assert rec.options.prompt == prompt  # type: ignore[attr-defined]
    plain = make_recognizer(settings_from_dict({"asr": {"engine": "whisper",
                                                        "model": "tiny.en"}}))
    assert plain.options.prompt == ""  # type: ignore[attr-defined]
