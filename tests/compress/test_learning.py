"""The learning loop's report: with --corrections, report.json gets a ``corrections``
object with the counts and the accuracy before (the baseline model) and after (the new
student) on the test split and on the held-out corrections."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from cloud_sync.corrections import export_corrections, merge_corrections, write_rows
from cloud_sync.deid import Pseudonyms
from cloud_sync.events import SyncEvent
from compress.cli import main
from compress.config import get_preset
from compress.learning import add_to_report, corrections_report, default_heldout

Build = tuple[Path, dict[str, Any]]
TEXTS = [("ring <name> for me", "call_family"), ("i have tumbled over", "fall_report"),
         ("what day is <date>", "time_query"), ("put the big lamp on", "home_control"),
         ("tell me a tale", "companionship"), ("cheerio then", "farewell")]


def _export(folder: Path) -> tuple[Path, Path]:
    p = Pseudonyms(b"s" * 32)
    home = p.of("home", "h")
    events = [SyncEvent(p.of("event", f"c{i}", 32), home, "correction", 3600,
                        {"text": t, "label": lb}) for i, (t, lb) in enumerate(TEXTS * 3)]
    train, held = export_corrections(events, holdout=0.25)
    assert train and held
    return (write_rows(train, folder / "corrections.jsonl"),
            write_rows(held, folder / "corrections-heldout.jsonl"))


def test_report_scores_before_and_after(tiny_build: Build, tmp_path: Path) -> None:
    build, built = tiny_build
    fixed, held = _export(tmp_path / "c")
    assert default_heldout(fixed) == held
    out = tmp_path / "out"
    out.mkdir()
    (out / "intent").symlink_to(build / "intent")  # the session's tiny student is "after"
    shutil.copy(build / "report.json", out / "report.json")
    merged = merge_corrections(fixed, out / "training-data.jsonl")
    cfg = replace(get_preset("tiny"), data=merged["data"])
    section = corrections_report(cfg, None, out, fixed, merged, held, None)
    n_held = len(held.read_text().splitlines())
    assert section["read"] == len(fixed.read_text().splitlines())
    assert section["added"] + section["dropped_near_test"] == section["read"]
    assert 0 <= section["in_training_split"] <= section["added"]
    assert section["baseline_model"] == "device/models/intent"
    details = json.loads((build / "report_details.json").read_text())
    # corrections join the training split only: the test split is the build's own
    assert section["before"]["test"]["n"] == section["after"]["test"]["n"] \
        == details["data"]["test"]
    for when in ("before", "after"):
        assert section[when]["heldout"]["n"] == n_held
        for part in ("test", "heldout"):
            assert 0.0 <= section[when][part]["accuracy"] <= 1.0
    # the shipped model against the random tiny student: "before" must be the shipped one
    assert section["before"]["test"]["accuracy"] > section["after"]["test"]["accuracy"]
    report = add_to_report(out, built, section)
    written = json.loads((out / "report.json").read_text())
    assert written["corrections"] == section and written["test_set"] == built["test_set"]
    assert report["corrections"] == section and report["ratios"] == built["ratios"]


@pytest.mark.parametrize("extra, message", [
    (["--baseline-model", "nowhere"], "need --corrections"),
    (["--corrections", "FIXED", "--baseline-model", "nowhere"], "no intent model folder"),
    (["--corrections", "FIXED", "--corrections-heldout", "nowhere.jsonl"], "no such file"),
])
def test_bad_options_fail_before_training(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          extra: list[str], message: str) -> None:
    fixed, _ = _export(tmp_path / "c")
    args = [str(fixed) if a == "FIXED" else a for a in extra]
    assert main(["--preset", "tiny", "--out", str(tmp_path / "out"), *args]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out" / "training-data.jsonl").exists()


def test_cli_writes_the_section(tiny_build: Build, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    """The verb's wiring: the merged data reaches the build and the section reaches
    report.json and stdout. The build itself is the session's tiny one (training again
    costs half a minute; a full `python -m compress --preset tiny --corrections` run is
    the same path)."""
    import compress.pipeline

    build, built = tiny_build
    fixed, held = _export(tmp_path / "c")
    seen: list[Any] = []

    def run(cfg: Any, out: Path, labels: Any = None) -> dict[str, Any]:
        seen.append(cfg)
        shutil.copytree(build / "intent", out / "intent")
        shutil.copy(build / "report.json", out / "report.json")
        return built

    monkeypatch.setattr(compress.pipeline, "run", run)
    out = tmp_path / "out"
    assert main(["--preset", "tiny", "--out", str(out), "--corrections", str(fixed),
                 "--baseline-model", str(build / "intent")]) == 0
    assert seen[0].data == str(out / "training-data.jsonl")
    printed = json.loads(capsys.readouterr().out.splitlines()[-1])
    section = json.loads((out / "report.json").read_text())["corrections"]
    assert printed["corrections"] == section and printed["ratios"] == built["ratios"]
    assert section["heldout_file"] == str(held)
    assert section["baseline_model"] == str(build / "intent")
    assert section["before"] == section["after"]  # the same model on the same rows
