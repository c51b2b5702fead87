"""`eldercare run` with typed lines on stdin: a line that is not UTF-8 or too long is
answered with its number and counted; every other line still gets its turn, and the exit
status says that some input failed (docs/input-limits.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_run_stdin_goes_on_after_bad_lines(tmp_path: Path) -> None:
    stdin = b"hello\n\xff\xfe oops\n" + b"help " * 1000 + b"\nwhat time is it\n"
    proc = subprocess.run(
        [sys.executable, "-m", "device", "run", "--config",
         str(ROOT / "device" / "configs" / "example.json"), "--out", str(tmp_path / "out"),
         "--set", "output.speak=false", "--set", f"output.state_dir={tmp_path / 'state'}"],
        input=stdin, capture_output=True, cwd=ROOT, timeout=180, check=False)
    lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    turns = [x["heard"] for x in lines if "heard" in x]
    errors = [(x["line"], x["type"]) for x in lines if "error" in x]
    summary = lines[-1]
    assert turns == ["hello", "what time is it"], proc.stderr.decode()[-2000:]
    assert errors == [(2, "InputRejected"), (3, "InputRejected")]
    assert summary["turns"] == 2 and summary["errors"] == 2
    assert summary["restarts"] == {} or "input" not in summary["restarts"]
    assert proc.returncode == 2
    assert "2 input(s) or turn(s) failed" in proc.stderr.decode()
