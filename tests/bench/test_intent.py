"""bench/intent.py: each peer built from sentences, the figures' one definition, one entry
measured end to end with the shipped student through the device's safety decision, and
padatious reported as not measured where it does not install."""

from __future__ import annotations

from pathlib import Path

import pytest

import bench.intent
from bench.figures import intent_figures, percentile
from bench.intent import (
    SUMMARY_KEYS,
    hassil_system,
    measure,
    padatious_missing,
    padatious_system,
    rapidfuzz_system,
    run_bench,
    student,
    tfidf_system,
)
from device.settings_sections import SafetySettings

TRAIN = [("i have fallen and cannot get up", "fall_report"),
         ("i fell over in the kitchen", "fall_report"),
         ("help me please call an ambulance", "emergency_help"),
         ("i need an ambulance right now", "emergency_help"),
         ("what time is it", "time_query"), ("tell me the time please", "time_query"),
         ("good morning", "greeting"), ("hello there", "greeting"),
         ("what is the capital of peru", "out_of_scope"), ("who won the football", "out_of_scope"),
         ("did i take my pills", "medication_query"), ("have i had my tablets", "medication_query")]
TEST = [("what time is it now", "time_query"), ("i have fallen in the hall", "fall_report"),
        ("good morning to you", "greeting"), ("have i taken my pills today", "medication_query"),
        ("please call an ambulance", "emergency_help"), ("who won the cricket", "out_of_scope")]


def test_percentile_interpolates_and_handles_empty() -> None:
    assert percentile([], 50) is None
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == pytest.approx(2.5)
    assert percentile([5.0], 95) == 5.0


def test_intent_figures_one_definition() -> None:
    gold = ["fall_report", "emergency_help", "greeting", "out_of_scope", "time_query"]
    pred = ["emergency_help", "greeting", "emergency_help", "out_of_scope", "out_of_scope"]
    routes = ["alert", "answer", "alert", "answer", "ask"]
    f = intent_figures(gold, pred, routes)
    assert f["accuracy"] == 0.2
    assert f["emergency_recall"] == 0.5  # the fall caught as emergency_help counts
    assert f["false_emergencies"] == 1 and f["questions_on_others"] == 1
    assert f["oos_precision"] == 0.5 and f["oos_recall"] == 1.0
    assert f["oos_f1"] == pytest.approx(2 * 0.5 / 1.5, abs=1e-4)
    with pytest.raises(ValueError):
        intent_figures(gold, pred[:2], routes)


@pytest.mark.parametrize("build", [lambda: hassil_system(TRAIN),
                                   lambda: rapidfuzz_system(TRAIN, TEST),
                                   lambda: tfidf_system(TRAIN)])
def test_peers_learn_from_the_training_sentences(build) -> None:  # type: ignore[no-untyped-def]
    system = build()
    assert system.predict("i have fallen and cannot get up")[0] == "fall_report"
    assert system.predict("what time is it")[0] == "time_query"
    entry = measure(system, TEST, TEST[:3], repeats=1, latency_n=None,
                    settings=SafetySettings())
    assert list(entry)[:len(SUMMARY_KEYS)] == list(SUMMARY_KEYS)
    assert entry["test"]["n"] == len(TEST) and entry["challenge"]["n"] == 3
    assert 0.0 <= entry["accuracy"] <= 1.0 and entry["size_mb"] >= 0.0
    assert entry["latency_ms_p50"] <= entry["latency_ms_p95"]


def test_hassil_without_a_match_is_out_of_scope() -> None:
    assert hassil_system(TRAIN).predict("sing me a song about boats")[0] == "out_of_scope"


def test_padatious_learns_from_the_training_sentences() -> None:
    pytest.importorskip("padatious", reason="padatious is not installed: its fann2 dependency "
                        "needs SWIG and libfann (README, set-up)")
    assert padatious_missing() is None
    system = padatious_system(TRAIN, TEST)
    assert system.name == "padatious" and system.size_mb > 0.0
    assert system.extra["cutoff"] in bench.intent.PADATIOUS_CUTOFFS
    # training sentences are matched exactly; unseen ones go through the intents' networks,
    # whose random start (FANN seeds itself) can put one sentence under the cutoff fitted on
    # six: they are judged together, by the accuracy below
    assert system.predict("i have fallen and cannot get up")[0] == "fall_report"
    assert system.predict("what time is it")[0] == "time_query"
    entry = measure(system, TEST, TEST[:3], repeats=1, latency_n=None,
                    settings=SafetySettings())
    assert list(entry)[:len(SUMMARY_KEYS)] == list(SUMMARY_KEYS)
    assert entry["measured"] and entry["test"]["n"] == len(TEST)
    assert entry["accuracy"] >= 0.5 and entry["train_s"] >= 0.0
    assert entry["latency_ms_p50"] <= entry["latency_ms_p95"]


def test_padatious_not_installed_is_reported_not_measured(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(bench.intent, "padatious_missing", lambda: "not installed here (test)")
    entries = run_bench(out_dir=tmp_path, systems=["padatious"])
    pad = [e for e in entries if e["system"] == "padatious"]
    assert pad == [{"system": "padatious", "accuracy": None, "emergency_recall": None,
                    "false_emergencies": None, "oos_f1": None, "latency_ms_p50": None,
                    "size_mb": None, "measured": False, "notes": "not installed here (test)"}]
    assert not any(e.get("measured") for e in entries)
    assert (tmp_path / "intent.json").is_file()


def test_quick_run_skips_padatious_and_says_so(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    """`bench intent --quick` leaves padatious out (its training takes minutes) and says
    why; the other peers (here one small hassil matcher for each) are measured."""
    small = hassil_system(TRAIN)
    monkeypatch.setattr(bench.intent, "padatious_missing", lambda: None)
    monkeypatch.setattr(bench.intent, "padatious_system",
                        lambda *_a: pytest.fail("a quick run trained padatious"))
    monkeypatch.setattr(bench.intent, "_report_teacher", lambda _m: None)
    for name in ("student", "hassil_system", "rapidfuzz_system", "tfidf_system"):
        monkeypatch.setattr(bench.intent, name, lambda *_a: small)
    entries = run_bench(out_dir=tmp_path, quick=True, repeats=1)
    pad = [e for e in entries if e["system"] == "padatious"]
    assert len(pad) == 1 and not pad[0]["measured"] and "--quick" in pad[0]["notes"]
    assert sum(bool(e.get("measured")) for e in entries) == 4


def test_student_through_the_device_decision() -> None:
    system = student(None, threads=2)
    assert system.thresholds is not None or system.answer_floor >= 0.0
    entry = measure(system, TEST, TEST, repeats=1, latency_n=3, settings=SafetySettings())
    assert entry["system"] == "student_int8" and entry["latency_n"] == 3
    # both calls for help in TEST are caught (an alert or the safety question)
    assert entry["emergency_recall"] == 1.0
    assert entry["test"]["emergency_n"] == 2
