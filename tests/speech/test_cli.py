"""`eldercare asr transcribe` and `eldercare say` in a subprocess: JSON shape and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "device.cli", *args], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=120, check=False)


def test_transcribe_json_lines(librivox: dict, tmp_path: Path) -> None:
    path, _ref = librivox["sense_and_sensibility_01_austen_64kb-0880"]
    proc = run("asr", "transcribe", str(path), str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(lines) == 2
    for obj in lines:
        # the default engine is the hybrid: it says which path decided
        assert set(obj) == {"file", "text", "seconds", "rtf", "alternatives", "path"}
        assert obj["path"] in ("fast-safety", "fast", "whisper")
        assert obj["file"] == str(path) and obj["text"]
        assert abs(obj["seconds"] - 2.99) < 0.05 and obj["rtf"] > 0


def test_transcribe_stdin_raw_pcm_with_words(librivox: dict) -> None:
    path, _ref = librivox["sense_and_sensibility_01_austen_64kb-0880"]
    raw = Path(path).read_bytes()[44:]
    proc = run("asr", "transcribe", "--words", "-", stdin=raw)
    assert proc.returncode == 0, proc.stderr.decode()
    obj = json.loads(proc.stdout)
    assert obj["file"] == "-" and obj["words"] and "confidence" in obj
    assert {"word", "start", "end", "conf"} == set(obj["words"][0])


def test_bad_files_exit_2_with_one_line_each(librivox: dict, tmp_path: Path) -> None:
    good, _ref = librivox["sense_and_sensibility_01_austen_64kb-0880"]
    text = tmp_path / "notes.wav"
    text.write_text("these are my shopping notes, not audio")
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    proc = run("asr", "transcribe", str(text), str(good), str(empty), str(tmp_path / "nope.wav"))
    assert proc.returncode == 2
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [o["file"] for o in out] == [str(good)]  # the good file is still transcribed
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert "not a WAV file" in err and "empty file" in err and "no such file" in err
    assert "3 of 4 file(s) could not be read" in err


def test_unknown_engine_and_missing_model() -> None:
    proc = run("asr", "transcribe", "--engine", "nope", "x.wav")
    assert proc.returncode == 2 and b"unknown ASR engine" in proc.stderr
    proc = run("asr", "transcribe", "--engine", "vosk", "x.wav")
    assert proc.returncode == 2 and b"model directory" in proc.stderr
    assert b"Traceback" not in proc.stderr


def test_say_writes_wav(tmp_path: Path) -> None:
    out = tmp_path / "reply.wav"
    proc = run("say", "--out", str(out), "--rate", "120", "Time", "for", "your", "tablets.")
    assert proc.returncode == 0, proc.stderr.decode()
    obj = json.loads(proc.stdout)
    assert obj["out"] == str(out) and obj["seconds"] > 0.5 and obj["rate_wpm"] == 120
    assert out.read_bytes()[:4] == b"RIFF"
    proc = run("say", "--out", str(tmp_path / "zh.wav"), "--lang", "zh", "你好")
    assert proc.returncode == 0 and (tmp_path / "zh.wav").stat().st_size > 1000


def test_say_errors() -> None:
    proc = run("say", "--out", "/no/such/folder/x.wav", "hello")
    assert proc.returncode == 2 and b"does not exist" in proc.stderr
    proc = run("say", "--rate", "5", "--out", "x.wav", "hello")
    assert proc.returncode == 2 and b"rate" in proc.stderr
    assert b"Traceback" not in proc.stderr
