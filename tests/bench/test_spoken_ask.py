"""bench.spoken_ask: the spoken ask threshold fitted on a committed run's recorded
transcripts (real rows of the spoken dev part, the shipped model's session)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import spoken_ask
from bench.speech_commands import command_rows
from device.intent import IntentModel

ROOT = Path(__file__).resolve().parents[2]
DEV_ROWS = ROOT / "bench" / "speech_results" / "dev_hybrid_rows.jsonl"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    """The dev part's rows whose decision moves with the ask threshold (the misheard calls
    and the questions about ordinary sentences), with a few that do not."""
    everything = command_rows(DEV_ROWS, "hybrid")
    hypothesis_text = {"my clothes got iron in", "them send a iron gun as a fire",
                       "hey i can't sleep because of the pain", "call home"}
    picked = [r for r in everything if r["heard"] in hypothesis_text]
    return picked + [r for r in everything if r["set"] == "commands"][:12]


@pytest.fixture()
def model_dir(model_copy: Path) -> Path:
    """The shipped model without its fitted spoken ask threshold."""
    conf = json.loads((model_copy / "config.json").read_text())
    conf.pop("spoken_ask", None)
    (model_copy / "config.json").write_text(json.dumps(conf))
    return model_copy


def test_fit_finds_the_highest_ask_that_keeps_the_calls(rows: list[dict[str, object]],
                                                        model_dir: Path) -> None:
    alert = min(t[0] for t in IntentModel.load(model_dir).safety_thresholds.values())
    most = spoken_ask.point(rows, str(model_dir), 0.0)["calls_caught"]
    fewest = spoken_ask.point(rows, str(model_dir), alert)["calls_caught"]
    assert fewest < most  # the ask threshold matters on these rows
    best, tried = spoken_ask.fit(rows, str(model_dir), most, alert, resolution=0.01)
    assert best is not None and best["calls_caught"] >= most
    # every point tried above the fitted one lost a call; none under it is better
    above = [p for p in tried if p["ask"] > best["ask"]]
    assert above and all(p["calls_caught"] < most for p in above)
    assert min(p["ask"] for p in above) - best["ask"] <= 0.01
    # calls caught never rise as the ask threshold rises
    ordered = sorted(tried, key=lambda p: p["ask"])
    assert all(a["calls_caught"] >= b["calls_caught"]
               for a, b in zip(ordered, ordered[1:], strict=False))
    # a count that the highest threshold already keeps: the alert threshold itself
    top, _ = spoken_ask.fit(rows, str(model_dir), fewest, alert, resolution=0.01)
    assert top is not None and top["ask"] == pytest.approx(alert)


def test_main_writes_spoken_ask_and_the_device_reads_it(
        rows: list[dict[str, object]], model_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    keep = spoken_ask.point(rows, str(model_dir), 0.0)["calls_caught"]
    out = tmp_path / "fit.json"
    assert spoken_ask.main([str(path), "--keep-calls", str(keep), "--model", str(model_dir),
                            "--resolution", "0.02", "--write", "--json", str(out)]) == 0
    result = json.loads(out.read_text())
    assert result["written"] and result["fitted"]["calls_caught"] >= keep
    written = json.loads((model_dir / "config.json").read_text())["spoken_ask"]
    assert written["ask"] == result["fitted"]["ask"] and written["keep_calls"] == keep
    assert written["fitted_on"] == "rows.jsonl"
    assert IntentModel.load(model_dir).config.spoken_ask == written["ask"]
    capsys.readouterr()


def test_main_refuses_what_cannot_be_kept_and_bad_input(
        rows: list[dict[str, object]], model_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    before = (model_dir / "config.json").read_text()
    assert spoken_ask.main([str(path), "--keep-calls", "10000", "--model", str(model_dir),
                            "--write"]) == 1
    assert "no ask threshold catches 10000 calls" in capsys.readouterr().err
    assert (model_dir / "config.json").read_text() == before  # nothing written
    assert spoken_ask.main([str(tmp_path / "missing.jsonl"), "--keep-calls", "3",
                            "--model", str(model_dir)]) == 2
    assert "spoken_ask: error" in capsys.readouterr().err
    assert spoken_ask.main([str(path), "--keep-calls", "0", "--model", str(model_dir)]) == 2
    assert "positive count" in capsys.readouterr().err
    assert (model_dir / "config.json").read_text() == before


DEV_SECOND = ROOT / "bench" / "speech_results" / "dev_second_rows.jsonl"


@pytest.fixture(scope="module")
def alert_rows() -> list[dict[str, object]]:
    """Calls of the spoken dev part (with Whisper's second opinion) that the decision alerts
    at once, most of them on the model's own score, and a few other clips."""
    from speech.command_set import SAFETY

    everything = command_rows(DEV_SECOND, "hybrid")
    calls = [r for r in everything if r["intent"] in SAFETY and r["alert"]]
    return calls[:40] + [r for r in everything if r["intent"] not in SAFETY][:8]


def test_fit_alert_keeps_the_calls_alerted_and_asks_about_the_rest(
        alert_rows: list[dict[str, object]], model_dir: Path) -> None:
    thresholds = IntentModel.load(model_dir).safety_thresholds
    typed = max(a for a, _ in thresholds.values())
    ask = min(q for _, q in thresholds.values())
    low = spoken_ask.point(alert_rows, str(model_dir), ask, typed)
    high = spoken_ask.point(alert_rows, str(model_dir), ask, 1.0)
    assert high["calls_alerted"] < low["calls_alerted"] - 2  # the alert threshold matters
    keep = low["calls_alerted"] - 2
    best, tried = spoken_ask.fit_alert(alert_rows, str(model_dir), ask, keep, typed, 0.005)
    assert best is not None and best["calls_alerted"] >= keep and best["alert"] > typed
    above = [p for p in tried if p["alert"] > best["alert"]]
    assert above and all(p["calls_alerted"] < keep for p in above)
    # raising it moves alerts to questions: no call lost, no false safety added
    assert {p["calls_caught"] for p in tried} == {low["calls_caught"]}
    assert {p["false_safety"] for p in tried} == {low["false_safety"]}
    ordered = sorted(tried, key=lambda p: p["alert"])
    assert all(a["calls_alerted"] >= b["calls_alerted"]
               for a, b in zip(ordered, ordered[1:], strict=False))
    # more than the typed threshold alerts: nothing to fit
    none, _ = spoken_ask.fit_alert(alert_rows, str(model_dir), ask, low["calls_alerted"] + 1,
                                   typed, 0.005)
    assert none is None


def test_main_writes_the_spoken_alert_and_the_device_reads_it(
        alert_rows: list[dict[str, object]], model_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in alert_rows))
    typed = max(a for a, _ in IntentModel.load(model_dir).safety_thresholds.values())
    keep_calls = spoken_ask.point(alert_rows, str(model_dir), 0.0)["calls_caught"]
    base = ["--keep-calls", str(keep_calls), "--model", str(model_dir), "--resolution", "0.01"]
    assert spoken_ask.main([str(path), *base, "--keep-alerts", "0"]) == 2
    assert "positive count" in capsys.readouterr().err
    out = tmp_path / "fit.json"
    assert spoken_ask.main([str(path), *base, "--keep-alerts", "10", "--write",
                            "--json", str(out)]) == 0
    result = json.loads(out.read_text())
    written = json.loads((model_dir / "config.json").read_text())["spoken_ask"]
    assert written["alert"] == result["fitted_alert"]["alert"] > typed
    assert written["keep_alerts"] == 10 and written["calls_alerted"] >= 10
    model = IntentModel.load(model_dir)
    assert model.config.spoken_alert == written["alert"]
    assert {a for a, _ in model.spoken().safety_thresholds.values()} == {written["alert"]}
    # a count the typed threshold cannot keep: the spoken ask alone is written
    assert spoken_ask.main([str(path), *base, "--keep-alerts", "10000", "--write"]) == 0
    assert "no spoken alert written" in capsys.readouterr().err
    assert "alert" not in json.loads((model_dir / "config.json").read_text())["spoken_ask"]
