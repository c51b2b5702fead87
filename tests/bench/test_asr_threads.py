"""`eldercare bench asr --threads N` reaches the engines that have a thread setting and is
recorded for every engine."""

from __future__ import annotations

import pytest

from device.cli import build_parser


def test_threads_reach_whisper_and_are_recorded() -> None:
    from bench.speech_asr import recognizer_for
    from speech.asr import EngineUnavailable

    try:
        rec, record = recognizer_for("whisper-tiny.en", 3)
    except EngineUnavailable as exc:  # the edge extra's Whisper wheel is not installed
        pytest.skip(str(exc))
    from speech.asr_whisper import load_model

    assert record == {"threads": 3, "setting": "faster_whisper cpu_threads", "note": ""}
    # load_model keeps one WhisperModel per (folder, device, type, threads): the recognizer's
    # is the one built with cpu_threads=3, not the one for another count.
    args = (str(rec.model_path), rec.device, rec.compute_type)
    assert rec._model is load_model(*args, 3)
    assert rec._model is not load_model(*args, 1)


def test_single_threaded_engines_say_so() -> None:
    from bench.speech_asr import recognizer_for

    rec, record = recognizer_for("pocketsphinx", 4)
    assert rec.name == "pocketsphinx"
    assert record["threads"] == 1 and record["setting"] is None
    assert "calling thread" in record["note"]
    with pytest.raises(ValueError, match="unknown ASR engine"):
        recognizer_for("kaldi", 2)


def test_cli_passes_threads_and_engines() -> None:
    args = build_parser().parse_args(["bench", "asr", "--threads", "3", "--engines",
                                      "pocketsphinx", "whisper-tiny.en"])
    assert args.threads == 3 and args.engines == ["pocketsphinx", "whisper-tiny.en"]
    from bench.cli import ASR_ENGINES
    from bench.speech_asr import ENGINES

    assert ASR_ENGINES == ENGINES
