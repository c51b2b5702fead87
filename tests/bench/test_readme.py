"""The README's results section is what `eldercare bench readme` writes from the committed
JSON: this test fails when they disagree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.readme import END, START, ReadmeError, render, update
from bench.results import RESULTS_DIR

ROOT = Path(__file__).resolve().parents[2]


def test_readme_agrees_with_committed_results() -> None:
    assert update(ROOT / "README.md", RESULTS_DIR, check=True), \
        "README.md and bench/results disagree: run `eldercare bench readme`"


def test_update_rewrites_only_between_markers(tmp_path: Path) -> None:
    results = tmp_path / "results"
    shutil.copytree(RESULTS_DIR, results, ignore=shutil.ignore_patterns("*.png"))
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\nbefore\n{START}\nstale 0.5\n{END}\nafter\n")
    assert update(readme, results) is False
    text = readme.read_text()
    assert text.startswith("# x\n\nbefore\n") and text.endswith(f"{END}\nafter\n")
    assert "stale" not in text and render(results) in text
    assert update(readme, results, check=True) is True
    alerts = json.loads((results / "alerts.json").read_text())
    alerts["summary"]["lost"] = 12345
    (results / "alerts.json").write_text(json.dumps(alerts))
    assert update(readme, results, check=True) is False  # a changed figure is caught
    assert "12345" not in readme.read_text()  # check changes nothing


def test_readme_without_markers_is_refused(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n")
    with pytest.raises(ReadmeError, match="bench:start"):
        update(readme, RESULTS_DIR)


def test_missing_results_folder_is_refused(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"{START}\n{END}\n")
    with pytest.raises(ReadmeError, match="does not exist"):
        update(readme, tmp_path / "nope")
    assert readme.read_text() == f"{START}\n{END}\n"


def test_cli_readme_check_agrees_and_refuses_bad_folders(tmp_path: Path) -> None:
    import subprocess
    import sys

    def eldercare(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "device.cli", "bench", "readme", *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)

    ok = eldercare("--check")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout.splitlines()[-1])["status"] == "unchanged"
    bad = eldercare("--check", "--results", str(tmp_path / "nope"))
    assert bad.returncode == 2
    assert bad.stderr.startswith("eldercare: error:") and "Traceback" not in bad.stderr
