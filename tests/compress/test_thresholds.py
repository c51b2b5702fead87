"""The two safety thresholds: fitted on dev, applied the same way by compress and the device."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from compress.thresholds import (
    ALERT,
    ALERT_FLOOR,
    ASK,
    NONE,
    OperatingPointError,
    SafetyFit,
    SafetyThresholds,
    check_operating_point,
    decide_labels,
    fit_thresholds,
    fitted_accuracy_note,
    lowest_calls,
    outcomes,
    plot_curve,
    set_figures,
)

LABELS = ("emergency_help", "fall_report", "deny", "out_of_scope")
EM, FALL, DENY, OOS = range(4)


def _row(**p: float) -> list[float]:
    """A probability row: the named labels get their share, the rest split what is left."""
    row = [p.get(lab, 0.0) for lab in LABELS]
    rest = [i for i, lab in enumerate(LABELS) if lab not in p]
    for i in rest:
        row[i] = (1.0 - sum(p.values())) / len(rest)
    return row


def _dev() -> tuple[np.ndarray, np.ndarray, list[str]]:
    rows = [  # (probabilities, gold, family)
        (_row(emergency_help=0.95), EM, "help"), (_row(emergency_help=0.6), EM, "help"),
        (_row(fall_report=0.9), FALL, "fell"), (_row(fall_report=0.3, deny=0.6), FALL, "odd"),
        (_row(deny=0.8, fall_report=0.1), DENY, "negation"),
        (_row(deny=0.9, emergency_help=0.05), DENY, "negation"),
        (_row(out_of_scope=0.7, emergency_help=0.2), OOS, "idiom"),
        (_row(out_of_scope=0.9, fall_report=0.02), OOS, "other"),
    ]
    return (np.array([r[0] for r in rows]), np.array([r[1] for r in rows]),
            [r[2] for r in rows])


def test_fit_keeps_every_dev_safety_utterance_and_alerts_on_none_of_the_others() -> None:
    probs, gold, groups = _dev()
    th = fit_thresholds(probs, gold, groups, LABELS, margin=False)
    assert th.ask == pytest.approx(0.3)  # the lowest safety utterance ("odd", fall 0.3)
    assert th.alert > 0.2 and th.alert >= ALERT_FLOOR  # above the idiom's emergency 0.2
    kinds = outcomes(probs, LABELS, th)
    assert (kinds[gold <= FALL] > NONE).all()
    assert (kinds[gold > FALL] != ALERT).all()
    assert list(kinds) == [ALERT, ALERT, ALERT, ASK, NONE, NONE, NONE, NONE]


def test_leave_one_family_out_margin_widens_both_thresholds() -> None:
    probs, gold, groups = _dev()
    plain = fit_thresholds(probs, gold, groups, LABELS, margin=False)
    kept = fit_thresholds(probs, gold, groups, LABELS)
    # without the "odd" family the ask fit would be 0.6: the margin is that gap in log-odds
    gap = np.log(0.6 / 0.4) - np.log(0.3 / 0.7)
    assert kept.ask_margin == pytest.approx(gap)
    assert kept.ask < plain.ask and kept.alert >= plain.alert
    logit = np.log(kept.ask / (1 - kept.ask))
    assert logit == pytest.approx(np.log(0.3 / 0.7) - gap)


def test_lower_recall_target_and_bad_input() -> None:
    probs, gold, groups = _dev()
    half = fit_thresholds(probs, gold, groups, LABELS, recall=0.5, margin=False)
    assert half.ask == pytest.approx(0.9)
    with pytest.raises(ValueError, match="recall target"):
        fit_thresholds(probs, gold, groups, LABELS, recall=0.0)
    with pytest.raises(ValueError, match="safety and non-safety"):
        fit_thresholds(probs[gold > FALL], gold[gold > FALL], groups[4:], LABELS)


def test_labels_follow_the_ask_threshold_not_the_top_label() -> None:
    th = SafetyThresholds(alert=0.9, ask=0.15)
    probs = np.array([[0.2, 0.05, 0.05, 0.7],  # asked although out_of_scope is on top
                      [0.1, 0.1, 0.5, 0.3],  # both safety labels below ask: the best other
                      [0.11, 0.12, 0.3, 0.47],  # fall_report (0.12) is the safety label, below
                      [0.01, 0.0, 0.35, 0.64]])
    assert list(decide_labels(probs, LABELS, th, threshold=0.0)) == [EM, DENY, OOS, OOS]
    # the out_of_scope threshold applies to the best non-safety label only
    assert list(decide_labels(probs, LABELS, th, threshold=0.55)) == [EM, OOS, OOS, OOS]
    probs[:, [DENY, OOS]] = probs[:, [OOS, DENY]]
    assert list(decide_labels(probs, LABELS, th, threshold=0.0)) == [EM, OOS, DENY, DENY]


def test_set_figures_count_questions_alerts_and_misses() -> None:
    probs, gold, groups = _dev()
    th = SafetyThresholds(alert=0.92, ask=0.19)
    fig = set_figures(probs, gold, LABELS, th, 0.0)
    assert fig["n"] == 8 and fig["n_safety"] == 4 and fig["n_other"] == 4
    assert fig["emergency_recall"] == 1.0 and fig["alerted_at_once"] == 0.25
    assert fig["false_emergencies"] == 0.25 and fig["questions"] == 0.25  # the idiom, asked
    assert fig["false_alerts"] == 0.0
    assert fig["accuracy"] == pytest.approx(7 / 8)


def test_safety_fit_from_logits_and_curve_png(tmp_path: Path) -> None:
    probs, gold, groups = _dev()
    logits = np.log(probs)
    fit = SafetyFit.fit(logits, gold, groups, LABELS, temperature=1.0)
    np.testing.assert_allclose(fit.probs(logits), probs, atol=1e-9)
    assert (fit.predict(logits, LABELS)[gold <= FALL] <= FALL).all()
    assert fit.figures(logits, gold, LABELS)["emergency_recall"] == 1.0
    png = plot_curve({"dev": (probs, gold)}, LABELS, fit.thresholds, tmp_path / "c.png", "t")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_config_value_names_every_safety_label() -> None:
    th = SafetyThresholds(alert=0.97, ask=0.0123456789)
    assert th.to_config(LABELS) == {"emergency_help": {"alert": 0.97, "ask": 0.012346},
                                    "fall_report": {"alert": 0.97, "ask": 0.012346}}


def test_an_operating_point_that_asks_about_everything_is_refused() -> None:
    """One dev call for help that the model all but misses drags the ask threshold down
    until every other utterance is asked about: the build must refuse it, naming it."""
    probs, gold, groups = _dev()
    texts = [f"sentence {i}" for i in range(len(gold))]
    logits = np.log(probs)
    fit = SafetyFit.fit(logits, gold, groups, LABELS, temperature=1.0)
    figures = check_operating_point(fit, logits, gold, LABELS, texts, max_questions=0.5)
    assert figures["questions"] <= 0.5
    probs[3] = _row(fall_report=0.001, emergency_help=0.001, deny=0.9)  # now scored 0.001
    logits = np.log(probs)
    fit = SafetyFit.fit(logits, gold, groups, LABELS, temperature=1.0)
    assert fit.figures(logits, gold, LABELS)["questions"] == 1.0
    with pytest.raises(OperatingPointError, match=r"100\.0% of dev.*'sentence 3' 0\.0010"):
        check_operating_point(fit, logits, gold, LABELS, texts, max_questions=0.25)


def test_a_fit_far_below_the_top_label_is_named_with_its_lowest_calls() -> None:
    """A teacher whose dev fit follows one call it all but misses scores badly at its own
    thresholds while its top label is right: the build warns, naming that call, since the
    student's accuracy ratio against it means little; agreeing figures give no warning."""
    probs, gold, groups = _dev()
    texts = [f"sentence {i}" for i in range(len(gold))]
    probs[3] = _row(fall_report=0.001, emergency_help=0.001, deny=0.9)
    logits = np.log(probs)
    fit = SafetyFit.fit(logits, gold, groups, LABELS, temperature=1.0)
    lowest = lowest_calls(fit, logits, gold, LABELS, texts)
    assert lowest.startswith("'sentence 3' 0.0010")
    fitted = float((fit.predict(logits, LABELS) == gold).mean())
    top = float((logits.argmax(1) == gold).mean())
    assert fitted < top - 0.05
    note = fitted_accuracy_note("the teacher's", fitted, top, lowest)
    assert note is not None and "'sentence 3'" in note and "mean little" in note
    assert fitted_accuracy_note("the teacher's", 0.93, 0.94, lowest) is None
