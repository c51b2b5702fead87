"""bench.whisper_variants: a hybrid run's Whisper-path clips decoded again as the device
decodes them and in other ways (a prompt, another n-best, the spectral gate first, a second
opinion from another Whisper model; Whisper tiny.en and base, real spoken WAVs), and the
device's decision retaken."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("faster_whisper")

from bench.speech_commands import redecide  # noqa: E402
from bench.whisper_variants import (  # noqa: E402
    main,
    parse_variant,
    recognizer,
    second_recognizer,
    second_sets,
    whisper_rows,
)
from speech.audio import write_wav  # noqa: E402

SAID = (("help me i have fallen", "fall_report", "whisper"),
        ("could you turn the kitchen light on", "light_on", "whisper"),
        ("call an ambulance", "emergency_help", "fast-safety"))


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A clips folder (manifest.jsonl + WAVs) and a run's rows of it, as the benchmark
    writes them; the Whisper-path rows hold tiny.en's own decode (no prompt)."""
    from speech.tts import Speaker

    folder = tmp_path_factory.mktemp("clips")
    speaker = Speaker(rate_wpm=130)
    rows, manifest = [], []
    for i, (text, intent, path) in enumerate(SAID):
        name = f"cmd{i:04d}.wav"
        clip = speaker.synthesize(text, 16000)
        write_wav(folder / name, clip)
        manifest.append({"text": text, "intent": intent, "voice": "espeak", "rate_wpm": 130,
                         "snr_db": None, "file": name})
        rows.append({"set": "commands", "file": name, "ref": text, "intent": intent,
                     "voice": "espeak", "rate_wpm": 130, "snr_db": None,
                     "seconds": round(clip.seconds, 3), "heard": text, "alternatives": [],
                     "confidence": 0.9, "word_conf": [], "edits": 0,
                     "ref_words": len(text.split()), "decided": intent, "alert": False,
                     "asked": False, "latency_ms": 30.0, "cpu_s": 0.1, "decide_cpu_ms": 1.0,
                     "path": path, "engine": "hybrid"})
    (folder / "manifest.jsonl").write_text("".join(json.dumps(m) + "\n" for m in manifest))
    decoded, times = whisper_rows(rows, folder, recognizer({}, "tiny.en"))
    assert len(times) == 2 and decoded[2] == rows[2]  # the fast path's row is kept as it was
    run = folder / "run_rows.jsonl"
    run.write_text("".join(json.dumps(r) + "\n" for r in decoded))
    return folder, run


def test_variants_are_parsed_with_their_types() -> None:
    assert parse_variant("beam=8;nbest=7") == {"beam": 8, "nbest": 7}
    assert parse_variant("prompt=Hello. x=y") == {"prompt": "Hello. x=y"}
    assert parse_variant("denoise=1; min_window_s=10") == {"denoise": 1, "min_window_s": 10.0}
    for bad, message in (("temperature=1", "KEY=VALUE"), ("nbest", "KEY=VALUE"),
                         ("nbest=two", "nbest must be int"), ("prompt= ", "empty prompt"),
                         ("beam=5;beam=6", "sets beam twice")):
        with pytest.raises(ValueError, match=message):
            parse_variant(bad)


def test_a_second_opinion_is_parsed_and_checked() -> None:
    assert parse_variant("second=tiny.en; second_below=0.74") == {"second": "tiny.en",
                                                                  "second_below": 0.74}
    assert parse_variant("second=tiny.en;second_nbest=2;nbest=3") == {
        "second": "tiny.en", "second_nbest": 2, "nbest": 3}
    for bad, message in (("second_below=0.5", "need second=MODEL"),
                         ("second= ", "second needs a Whisper model"),
                         ("second=tiny.en;second_below=1.5", r"confidence in \(0, 1\]"),
                         ("second=tiny.en;second_below=0", r"confidence in \(0, 1\]"),
                         ("second=tiny.en;second_nbest=-1", "second_nbest must be >= 0"),
                         ("second=tiny.en;nbest=4", "nbest must be at most 3")):
        with pytest.raises(ValueError, match=message):
            parse_variant(bad)
    # the decision reads the second's hypotheses too: the window widens by their number
    assert second_sets({}) == second_sets({"nbest": 4}) == ()
    assert second_sets({"second": "tiny.en"}) == ("spoken.safety_from_alternatives=4",)
    assert second_sets({"second": "base", "second_nbest": 2}) == (
        "spoken.safety_from_alternatives=6",)
    assert second_recognizer({"nbest": 2}) is None
    rec = second_recognizer({"second": "tiny.en", "second_nbest": 2}, threads=1)
    assert rec.model_path.name == "model" and rec.options.nbest == 2
    assert recognizer({"second": "tiny.en", "nbest": 1}, "tiny.en").options.nbest == 1


def test_a_second_hypothesis_past_the_first_three_is_asked_about() -> None:
    """A call heard only by the second model, after the first model's three alternatives:
    the device's window (3) does not read it; the widened one asks about it, never alerts
    at once."""
    said = "could you turn the kitchen light on"
    row = {"set": "commands", "file": "x.wav", "ref": said, "intent": "home_control",
           "seconds": 2.0, "heard": said, "confidence": 0.5, "engine": "hybrid",
           "alternatives": ["could you turn the kitchen light off",
                            "could you turn the kitchen lights on",
                            "could you turn a kitchen light on", "help me i have fallen"]}
    device, = redecide([row])
    second, = redecide([row], None, second_sets({"second": "tiny.en"}))
    assert not device["alert"] and not device["asked"] and device["decided"] == "home_control"
    assert second["asked"] and not second["alert"] and second["from_alternative"] == 4


def test_control_gives_the_run_and_each_variant_is_measured(
        recorded: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, run = recorded
    prompt = "Could you turn the lights on, please? Remind me to take my tablets."
    assert main([str(run), "--clips", str(folder), "--model", "tiny.en", "--variant",
                 f"prompt={prompt}", "--variant", "denoise=1;nbest=1", "--out", str(tmp_path),
                 "--prefix", "wp"]) == 0
    result = json.loads((tmp_path / "wp.json").read_text())
    assert result["control_matches_run"] is True
    assert [v["variant"] for v in result["variants"]] == [{}, {"prompt": prompt},
                                                          {"denoise": 1, "nbest": 1}]
    gated = [json.loads(line) for line in (tmp_path / "wp_2_rows.jsonl").read_text()
             .splitlines()]
    assert all(len(r["alternatives"]) <= 1 for r in gated[:2])
    for v in result["variants"]:
        assert v["whisper_clips"] == 2 and v["calls"] == 2
        assert v["decode_ms_p50"] > 0 and v["decode_ms_p95"] >= v["decode_ms_p50"]
        assert 0.0 <= v["whisper_wer"] <= 1.0
    # a clear spoken call is still heard as one with the prompt before it
    assert result["variants"][1]["calls_caught"] == 2
    assert (tmp_path / "wp.png").stat().st_size > 10_000
    prompted = [json.loads(line) for line in (tmp_path / "wp_1_rows.jsonl").read_text()
                .splitlines()]
    assert prompted[2]["heard"] == "call an ambulance"  # the fast path's clip, untouched
    assert "help" in prompted[0]["heard"] and "light" in prompted[1]["heard"]
    assert "control matches the run: True" in capsys.readouterr().out


def test_a_second_opinion_follows_the_first_models_alternatives(
        recorded: tuple[Path, Path], tmp_path: Path) -> None:
    """tiny.en first (as the fixture's run), base as the second opinion: the 1-best and the
    word error rate stay tiny.en's, base's hypotheses follow its alternatives, its time is
    counted; a gate no clip is under leaves the control's rows."""
    folder, run = recorded
    assert main([str(run), "--clips", str(folder), "--model", "tiny.en", "--variant",
                 "second=base", "--variant", "second=base;second_below=0.01", "--out",
                 str(tmp_path), "--prefix", "so"]) == 0
    result = json.loads((tmp_path / "so.json").read_text())
    assert result["control_matches_run"] is True
    control, always, gated = result["variants"]
    assert not {"decided_with", "second_clips"} & set(control)
    assert always["decided_with"] == gated["decided_with"] == [
        "spoken.safety_from_alternatives=4"]
    assert always["second_clips"] == 2 and gated["second_clips"] == 0
    assert always["second_ms_p95"] >= always["second_ms_p50"] > 0
    assert gated["second_ms_p50"] is None
    same = ("whisper_wer", "calls", "false_alert_at_once")
    assert {k: always[k] for k in same} == {k: control[k] for k in same}
    assert always["calls_caught"] >= control["calls_caught"] == 2
    keep = ("whisper_wer", "calls_caught", "false_safety", "decision_accuracy",
            "missed_safety", "false_safety_clips")
    assert {k: gated[k] for k in keep} == {k: control[k] for k in keep}
    rows = [[json.loads(line) for line in (tmp_path / f"so_{n}_rows.jsonl").read_text()
             .splitlines()] for n in range(3)]
    for c, a, g in zip(*rows, strict=True):
        if c["path"] != "whisper":  # the fast path's clip: untouched, no second opinion
            assert c == a == g and "second" not in a
            continue
        assert (a["heard"], a["edits"]) == (c["heard"], c["edits"])
        heard = a["second"]["heard"]
        assert heard and a["second"]["ms"] > 0
        new = [h for h in heard if h != c["heard"] and h not in c["alternatives"]]
        assert a["alternatives"] == c["alternatives"] + new
        assert g["second"] == {"heard": None, "ms": None}
        assert {k: v for k, v in g.items() if k != "second"} == c


def test_bad_input_is_a_clear_error(recorded: tuple[Path, Path], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder, run = recorded
    base = ["--clips", str(folder), "--model", "tiny.en", "--out", str(tmp_path)]
    assert main([str(tmp_path / "none_rows.jsonl"), "--variant", "nbest=1", *base]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main([str(run), "--variant", "prompt=", *base]) == 2
    assert "empty prompt" in capsys.readouterr().err
    assert main([str(run), "--variant", "nbest=9", *base]) == 2  # refused before any decode
    assert "nbest must be 0..beam_size-1" in capsys.readouterr().err
    other = tmp_path / "other"
    other.mkdir()
    (other / "manifest.jsonl").write_text(json.dumps({"text": "something else",
                                                      "file": "cmd0000.wav"}) + "\n")
    assert main([str(run), "--variant", "nbest=1", "--clips", str(other), "--model", "tiny.en",
                 "--out", str(tmp_path)]) == 2
    assert "not of these clips" in capsys.readouterr().err
    assert main([str(run), "--variant", "nbest=1", "--clips", str(tmp_path / "no_clips"),
                 "--out", str(tmp_path)]) == 2
    assert "no manifest.jsonl" in capsys.readouterr().err
    assert main([str(run), "--variant", "nbest=1", "--clips", str(folder), "--model",
                 str(tmp_path / "no_model"), "--out", str(tmp_path)]) == 2
    assert "model.bin" in capsys.readouterr().err
    assert main([str(run), "--variant", f"second={tmp_path / 'no_model'}", *base]) == 2
    assert "model.bin" in capsys.readouterr().err  # refused before the control's decode
    assert not (tmp_path / "whisper_variants.json").exists()
