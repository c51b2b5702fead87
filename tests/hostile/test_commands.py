"""Hostile input on the command lines: bad lines do not stop a line-oriented command, bad
paths and options fail at once with one clear line (docs/input-limits.md)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _eldercare(*args: str, stdin: bytes = b"", timeout: float = 120) -> tuple[int, str, str,
                                                                               float]:
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "device", *args], input=stdin, cwd=ROOT,
                          capture_output=True, timeout=timeout, check=False)
    return (proc.returncode, proc.stdout.decode(), proc.stderr.decode(),
            time.monotonic() - t0)


def _one_error_line(err: str) -> str:
    lines = [x for x in err.strip().splitlines() if x]
    assert len(lines) == 1 and lines[0].startswith("eldercare: error:"), err
    return lines[0]


def test_health_score_goes_on_after_bad_lines_and_exits_non_zero() -> None:
    stdin = (b'{"pulse": 70}\n' + b"[" * 100_000 + b"\n\xff\xfe\n" + b"[" * 50_000 + b"\n"
             + b'{"spo2": 90}\n')
    rc, out, err, _ = _eldercare("health", "score", stdin=stdin)
    answers = [json.loads(x) for x in out.splitlines()]
    assert rc == 2
    assert [a.get("line") for a in answers] == [None, 2, 3, 4, None]
    assert answers[0]["parameters"] == {"pulse": 0} and answers[4]["parameters"] == {"spo2": 3}
    assert "longer than" in answers[1]["error"] and "UTF-8" in answers[2]["error"]
    assert "deeper" in answers[3]["error"]
    assert len(err.strip().splitlines()) == 3 and "internal error" not in err


def test_say_out_that_cannot_be_written_fails_at_once(tmp_path: Path) -> None:
    for out, needle in ((tmp_path, "is a folder"),
                        (tmp_path / "missing" / "a.wav", "does not exist"),
                        (Path("/proc/eldercare-test.wav"), "cannot be written")):
        rc, stdout, err, took = _eldercare("say", "--out", str(out), "hello", timeout=60)
        assert rc == 2 and stdout == "" and needle in _one_error_line(err), err
        assert took < 30  # refused before any synthesis (it used to stall 60 s)
    assert list(tmp_path.iterdir()) == []


def test_text_or_mp3_piped_as_audio_is_refused_like_a_file(tmp_path: Path) -> None:
    mp3 = b"ID3\x03\x00\x00\x00\x00\x00\x21" + bytes(2000)
    for data, needle in ((b"this is text, not audio\n" * 40, "looks like text"),
                         (mp3, "it is MP3")):
        rc, out, err, _ = _eldercare("asr", "transcribe", "--engine", "pocketsphinx", "-",
                                     stdin=data)
        assert rc == 2 and out == "", out
        assert needle in err and "not audio" in err
        path = tmp_path / "in.wav"
        path.write_bytes(data)
        rc2, out2, err2, _ = _eldercare("asr", "transcribe", "--engine", "pocketsphinx",
                                        str(path))
        assert rc2 == 2 and out2 == "" and needle in err2  # the same verdict by path


def test_run_with_unreadable_wavs_fails_at_start(tmp_path: Path) -> None:
    text = tmp_path / "notes.wav"
    text.write_text("not audio")
    rc, out, err, took = _eldercare(
        "run", "--config", str(ROOT / "device" / "configs" / "example.json"), "--out",
        str(tmp_path / "out"), "--wav", str(text), str(tmp_path / "missing.wav"))
    line = _one_error_line(err)
    assert rc == 2 and out == ""
    assert "2 of 2 --wav file(s)" in line and "notes.wav" in line and "missing.wav" in line
    assert not (tmp_path / "out").exists() and took < 60  # nothing started


def test_numeric_options_state_their_range_in_help_and_refuse_at_once() -> None:
    rc, out, _, _ = _eldercare("intent", "classify", "--help")
    assert rc == 0 and "1-64" in out
    rc, out, err, took = _eldercare("intent", "classify", "--threads", "100000", "hello")
    assert rc == 2 and out == "" and "--threads: must be 1-64, got 100000" in err
    assert took < 30


def test_undecodable_arguments_are_refused_and_the_rest_answered() -> None:
    proc = subprocess.run([sys.executable, "-m", "device", "intent", "classify",
                           b"\xff\xfe", "I fell down"], cwd=ROOT, capture_output=True,
                          timeout=120, check=False)
    answers = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert proc.returncode == 2 and "internal error" not in proc.stderr.decode()
    assert answers[0]["arg"] == 1 and "UTF-8" in answers[0]["error"]
    assert answers[1]["intent"] == "fall_report"
    rc, out, err, _ = _eldercare("say", "--out", "/tmp/never.wav", "\udcff")
    assert rc == 2 and "UTF-8" in _one_error_line(err)
