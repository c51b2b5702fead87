"""Device intent runtime: the shipped model, the threshold rule, errors and the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from device.intent import IntentModel, IntentModelError, IntentResult, default_model_dir
from device.labels import INTENT_LABELS, OUT_OF_SCOPE, SAFETY_LABELS

UTTERANCES = [
    "i've fallen and i can't get up",
    "um could you put the big light on in the lounge please",
    "what time is it",
    "hello",
    "remind me to take my blood pressure tablets at eight o'clock tonight please dear",
]


@pytest.fixture(scope="module")
def model() -> IntentModel:
    return IntentModel.load()


def _edit_config(folder: Path, **changes: object) -> None:
    conf = json.loads((folder / "config.json").read_text())
    conf.update(changes)
    (folder / "config.json").write_text(json.dumps(conf))


def test_shipped_model_loads_with_the_contract_labels(model: IntentModel) -> None:
    assert model.labels == INTENT_LABELS
    conf = json.loads((default_model_dir() / "config.json").read_text())
    assert conf["format"] == "eldercare-intent/1"
    assert conf["opset"] <= 17
    assert set(conf["inputs"]) >= {"input_ids", "attention_mask"}


def test_classify_gives_a_known_label_and_probabilities(model: IntentModel) -> None:
    for text in UTTERANCES:
        result = model.classify(text)
        assert result.intent in INTENT_LABELS
        assert 0.0 <= result.score <= 1.0
        assert abs(sum(result.scores.values()) - 1.0) < 1e-4
        assert result.score == pytest.approx(max(result.scores.values()))


def test_batch_with_padding_matches_single_utterances(model: IntentModel) -> None:
    batch = model.probabilities(UTTERANCES)  # padded to the longest
    for row, text in enumerate(UTTERANCES):
        single = model.probabilities([text])[0]
        # int8 dynamic quantization scales activations per batch, so rows move slightly
        np.testing.assert_allclose(batch[row], single, atol=1e-2)
    assert [r.intent for r in model.classify_batch(UTTERANCES)] == [
        model.classify(t).intent for t in UTTERANCES]


def test_blank_text_is_out_of_scope(model: IntentModel) -> None:
    assert model.classify("   ").intent == OUT_OF_SCOPE
    assert [r.intent for r in model.classify_batch(["", "hello"])][0] == OUT_OF_SCOPE


def _drop_config_keys(folder: Path, *keys: str) -> None:
    conf = json.loads((folder / "config.json").read_text())
    for key in keys:
        conf.pop(key, None)
    (folder / "config.json").write_text(json.dumps(conf))


def test_threshold_never_suppresses_safety_labels(model_copy: Path) -> None:
    # the rule of a model without them (and so without a spoken ask threshold)
    _drop_config_keys(model_copy, "safety_thresholds", "spoken_ask")
    _edit_config(model_copy, threshold=0.99)
    model = IntentModel.load(model_copy)
    n = len(model.labels)
    for label in INTENT_LABELS:
        probs = np.full(n, 0.5 / (n - 1))
        probs[model.labels.index(label)] = 0.5
        decided = model.decide("x", probs).intent
        assert decided == (label if label in SAFETY_LABELS else OUT_OF_SCOPE)
    _edit_config(model_copy, threshold=0.0)
    assert IntentModel.load(model_copy).decide("x", probs).intent == INTENT_LABELS[-1]


def test_safety_thresholds_decide_the_safety_label(model_copy: Path) -> None:
    _edit_config(model_copy, threshold=0.0, safety_thresholds={
        "emergency_help": {"alert": 0.9, "ask": 0.2}, "fall_report": {"alert": 0.95, "ask": 0.3}})
    model = IntentModel.load(model_copy)
    assert model.safety_thresholds == {"emergency_help": (0.9, 0.2), "fall_report": (0.95, 0.3)}
    n = len(model.labels)

    def probs(**p: float) -> np.ndarray:
        row = np.full(n, (1.0 - sum(p.values())) / (n - len(p)))
        for label, value in p.items():
            row[model.labels.index(label)] = value
        return row

    # a safety label at or above its ask threshold is named even when another label is on top
    result = model.decide("x", probs(deny=0.6, emergency_help=0.25))
    assert result.intent == "emergency_help" and result.score == pytest.approx(0.25)
    assert result.scores["deny"] == pytest.approx(0.6)
    # below ask: the best non-safety label, even when the safety label is on top
    assert model.decide("x", probs(fall_report=0.29, deny=0.2)).intent == "deny"
    assert model.decide("x", probs(fall_report=0.31, deny=0.2)).intent == "fall_report"
    # the most probable safety label is compared with its own thresholds (fall 0.25 < 0.3),
    # even though emergency_help (0.21) reaches its own ask
    assert model.decide("x", probs(fall_report=0.25, emergency_help=0.21)).intent not in \
        SAFETY_LABELS


def test_decision_matches_the_compress_rule(model_copy: Path) -> None:
    from compress.thresholds import SafetyThresholds, decide_labels

    th = SafetyThresholds(alert=0.8, ask=0.05)
    _edit_config(model_copy, threshold=0.3, safety_thresholds=th.to_config(INTENT_LABELS))
    model = IntentModel.load(model_copy)
    rng = np.random.default_rng(3)
    logits = rng.normal(0, 2.5, size=(300, len(INTENT_LABELS)))
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    expected = decide_labels(probs, INTENT_LABELS, th, 0.3)
    got = [INTENT_LABELS.index(model.decide("x", row).intent) for row in probs]
    assert got == list(expected)
    assert len(set(got)) > 5  # the rows reach many labels, safety and not


@pytest.mark.parametrize("value, message", [
    ({"emergency_help": {"alert": 0.5, "ask": 0.9}}, "0 <= ask <= alert <= 1"),
    ({"greeting": {"alert": 0.9, "ask": 0.1}}, "not a safety label"),
    ({"emergency_help": {"alert": 0.9}}, "missing or invalid"),
    ([0.9, 0.1], "must be an object"),
])
def test_bad_safety_thresholds_fail_clearly(model_copy: Path, value: object,
                                            message: str) -> None:
    _edit_config(model_copy, safety_thresholds=value)
    with pytest.raises(IntentModelError, match=message) as info:
        IntentModel.load(model_copy)
    assert "config.json" in str(info.value)


def test_spoken_ask_sets_the_ask_threshold_of_spoken_turns(model_copy: Path) -> None:
    _edit_config(model_copy, threshold=0.0, safety_thresholds={
        "emergency_help": {"alert": 0.9, "ask": 0.3}, "fall_report": {"alert": 0.95, "ask": 0.4}},
        spoken_ask={"ask": 0.1, "keep_calls": 3})
    model = IntentModel.load(model_copy)
    assert model.config.spoken_ask == 0.1
    spoken = model.spoken()
    assert spoken is not model and spoken.config.spoken_ask is None
    assert spoken.safety_thresholds == {"emergency_help": (0.9, 0.1), "fall_report": (0.95, 0.1)}
    assert model.safety_thresholds == {"emergency_help": (0.9, 0.3), "fall_report": (0.95, 0.4)}
    row = np.full(len(model.labels), 0.6 / (len(model.labels) - 1))
    row[model.labels.index("emergency_help")] = 0.2  # under the typed ask, over the spoken
    row[model.labels.index("deny")] = 0.2 + 0.6 / (len(model.labels) - 1)
    row /= row.sum()
    assert model.decide("x", row).intent == "deny"
    assert spoken.decide("x", row).intent == "emergency_help"
    # one session: the spoken view scores exactly as the model does
    text = "i have fallen over"
    assert spoken.classify(text).scores == model.classify(text).scores
    _drop_config_keys(model_copy, "spoken_ask")
    plain = IntentModel.load(model_copy)
    assert plain.config.spoken_ask is None and plain.spoken() is plain


@pytest.mark.parametrize("value, message", [
    ({"ask": 0.95}, "within 0 and the alert threshold 0.9"),
    ({"ask": -0.1}, "within 0 and the alert threshold"),
    ({"ask": "low"}, "must be a number"),
    ({"ask": float("nan")}, "must be a number"),
    ({"keep_calls": 3}, "must be an object"),
    (0.2, "must be an object"),
])
def test_bad_spoken_ask_fails_clearly(model_copy: Path, value: object, message: str) -> None:
    _edit_config(model_copy, safety_thresholds={
        "emergency_help": {"alert": 0.9, "ask": 0.3}, "fall_report": {"alert": 0.95, "ask": 0.3}},
        spoken_ask=value)
    with pytest.raises(IntentModelError, match=message) as info:
        IntentModel.load(model_copy)
    assert "config.json" in str(info.value)


def test_spoken_ask_needs_safety_thresholds(model_copy: Path) -> None:
    _drop_config_keys(model_copy, "safety_thresholds")
    _edit_config(model_copy, spoken_ask={"ask": 0.1})
    with pytest.raises(IntentModelError, match="spoken_ask needs safety_thresholds"):
        IntentModel.load(model_copy)


def test_model_without_thresholds_says_none(model_copy: Path) -> None:
    _drop_config_keys(model_copy, "safety_thresholds", "spoken_ask")
    assert IntentModel.load(model_copy).safety_thresholds is None


def test_label_bias_from_config_shifts_scores(model_copy: Path) -> None:
    base = IntentModel.load(model_copy).probabilities(["hello"])[0]
    _edit_config(model_copy, label_bias={"emergency_help": 3.0})
    biased = IntentModel.load(model_copy).probabilities(["hello"])[0]
    assert biased[0] > base[0]


def test_result_json_round_trip() -> None:
    result = IntentResult("help me", "emergency_help", 0.97, {"emergency_help": 0.97})
    obj = result.to_json()
    assert set(obj) == {"text", "intent", "score"}
    back = IntentResult.from_json({**obj, "scores": result.scores})
    assert back == result and back.scores == result.scores
    assert json.loads(json.dumps(obj)) == obj


@pytest.mark.parametrize(
    "breakage, error",
    [
        ("missing_dir", FileNotFoundError),
        ("missing_model", FileNotFoundError),
        ("bad_json", IntentModelError),
        ("wrong_format", IntentModelError),
        ("bad_onnx", IntentModelError),
        ("bad_tokenizer", IntentModelError),
        ("label_mismatch", IntentModelError),
        ("bad_threshold", IntentModelError),
    ],
)
def test_broken_model_folders_fail_clearly(model_copy: Path, breakage: str,
                                           error: type[Exception]) -> None:
    if breakage == "missing_dir":
        shutil.rmtree(model_copy)
    elif breakage == "missing_model":
        (model_copy / "model.onnx").unlink()
    elif breakage == "bad_json":
        (model_copy / "config.json").write_text("{not json")
    elif breakage == "wrong_format":
        _edit_config(model_copy, format="something-else")
    elif breakage == "bad_onnx":
        (model_copy / "model.onnx").write_bytes(b"\x00garbage" * 10)
    elif breakage == "bad_tokenizer":
        (model_copy / "tokenizer.json").write_text('{"model": 1}')
    elif breakage == "label_mismatch":
        _edit_config(model_copy, labels=["a", "b", "c"])
    elif breakage == "bad_threshold":
        _edit_config(model_copy, threshold=3)
    with pytest.raises(error) as info:
        IntentModel.load(model_copy)
    assert str(model_copy) in str(info.value) or breakage in ("label_mismatch", "bad_threshold")


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "device", "intent", "classify", *args],
                          input=stdin, capture_output=True, text=True, timeout=120)


def test_cli_reads_stdin_lines_and_prints_json_lines() -> None:
    proc = _cli(stdin="what time is it\n\nhello there\n")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["what time is it", "hello there"]
    assert all(set(r) == {"text", "intent", "score"} and r["intent"] in INTENT_LABELS
               for r in rows)


def test_cli_with_text_arguments_and_bad_model(tmp_path: Path) -> None:
    proc = _cli("--model", str(default_model_dir()), "help me", "thank you")
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 2
    bad = _cli("--model", str(tmp_path / "nope"), "hello")
    assert bad.returncode == 2
    assert bad.stderr.strip().startswith("eldercare: error:") and "Traceback" not in bad.stderr


def test_runtime_never_imports_torch() -> None:
    code = ("import sys; from device.intent import IntentModel; import device.intent_cli; "
            "IntentModel.load().classify('hello'); "
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('torch', 'transformers', 'optimum')]; assert not bad, bad")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_bench_reports_accuracy_and_latency() -> None:
    from bench.intent_runtime import bench

    result = bench(None, threads=2, repeats=1)
    assert result["threads"] == 2 and result["batch"] == 1
    assert 0 < result["latency_ms_p50"] <= result["latency_ms_p95"]
    for part in ("test", "challenge"):
        assert result[part]["n"] > 50
        assert 0.0 <= result[part]["accuracy"] <= 1.0
        assert all(e["gold"] != e["pred"] for e in result[part]["errors"])
        assert 0.0 <= result[part]["false_emergencies"] <= 1.0
        assert result[part]["safety_recall"] <= result[part]["safety_caught"]


PLAIN_CALLS = ["help", "I've fallen", "call an ambulance", "help me",
               "i've fallen and i can't get up"]
NOT_CALLS = ["i haven't fallen today thank you", "no thanks i don't need an ambulance",
             "i'm fine no need to call anyone", "my brother fell off his bike last week",
             "i fell asleep during the film", "i'm dying for a cup of tea",
             "no, I don't need any help", "help me set a reminder", "help me find my glasses"]
"""The false emergencies of the previous shipped model (issue 13), now in the training data."""


def test_shipped_thresholds_alert_plain_calls_and_pass_the_rest(model: IntentModel) -> None:
    """The model alone gives every plain call a safety label at least at its ask threshold
    (the shipped one alerts on all but "help", 0.982 against 0.983); the device's decision
    alerts on each at once, whatever the score (docs/safety-path.md)."""
    from device.safety_decision import decide, thresholds_of
    from device.settings_sections import SafetySettings

    thresholds = model.safety_thresholds
    assert thresholds is not None and set(thresholds) == set(SAFETY_LABELS)
    for text in PLAIN_CALLS:
        result = model.classify(text)
        assert result.intent in SAFETY_LABELS, text
        assert result.score >= thresholds[result.intent][1], (text, result.score)  # ask
        d = decide(result.intent, text, result.score, SafetySettings(confirm=True),
                   scores=result.scores, thresholds=thresholds_of(model))
        assert d.route == "alert", (text, d)
    for text in NOT_CALLS:
        result = model.classify(text)
        assert result.intent not in SAFETY_LABELS, (text, result.intent)
        assert max(result.scores[s] for s in SAFETY_LABELS) < min(
            ask for _, ask in thresholds.values()), text


# Typed sentences of the read held-out files with a call's words that the shipped model
# is sure are no call (docs/safety-path.md, "Typed words the model is sure are no call"),
# and the typed calls that only the words catch, the lowest of them at 0.136 ("alert my
# carer", test split): a floor of 0.05 lies between on these, but a call of the seventh
# file, written blind, scored 0.033, so the floor is off by default.
WORDS_NOT_CALLS = ["help, what's the time", "help, where are my glasses",
                   "our team went down in flames at the pub quiz again",
                   "I always keep an emergency biscuit in my handbag",
                   "my favourite song is Help Me Rhonda"]
WORDS_ONLY_CALLS = ["alert my carer", "now then alert my carer",
                    "he forced his way in when i answered the door",
                    "I can't haul myself up off the bathroom tiles."]


def test_typed_words_floor_answers_figures_and_keeps_the_calls_only_words_catch(
        model: IntentModel) -> None:
    from device.safety_decision import decide, thresholds_of
    from device.settings_sections import SafetySettings

    settings = SafetySettings(confirm=True, typed_words_floor=0.05)  # off by default
    for text in WORDS_NOT_CALLS:
        r = model.classify(text)
        d = decide(r.intent, text, r.score, settings, scores=r.scores,
                   thresholds=thresholds_of(model), typed=True)
        assert (d.route, d.reason) == ("answer", "words_below_floor"), (text, d)
        spoken = decide(r.intent, text, r.score, settings, scores=r.scores,
                        thresholds=thresholds_of(model))
        assert spoken.route == "ask", (text, spoken)  # heard words still ask
    for text in [*WORDS_ONLY_CALLS, *PLAIN_CALLS]:
        r = model.classify(text)
        d = decide(r.intent, text, r.score, settings, scores=r.scores,
                   thresholds=thresholds_of(model), typed=True)
        assert d.route in ("alert", "ask"), (text, d)
        assert d.p is not None and d.p >= 2 * settings.typed_words_floor, (text, d.p)


@pytest.mark.parametrize(("spin", "in_run"), [(False, False), (True, False), (True, True)])
def test_spin_threads_setting_reaches_the_session(spin: bool, in_run: bool) -> None:
    """intent.spin_threads decides whether idle onnxruntime threads spin or sleep, and
    intent.spin_only_in_run whether they stop spinning when a run ends; the labels and
    probabilities are the same either way."""
    from device.loaders import load_intent_model
    from device.settings import load_settings

    settings = load_settings(None, {"intent.spin_threads": spin,
                                    "intent.spin_only_in_run": in_run})
    model = load_intent_model(settings, say=lambda _s: None)
    options = model._session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == \
        ("1" if spin else "0")
    if spin and in_run:
        assert options.get_session_config_entry("session.force_spinning_stop") == "1"
    else:
        assert not _has_entry(options, "session.force_spinning_stop")
    plain = IntentModel.load(None, threads=2)
    text = "i have fallen in the kitchen"
    assert model.classify(text).intent == plain.classify(text).intent
    np.testing.assert_allclose(model.probabilities([text]), plain.probabilities([text]),
                               atol=1e-6)


def test_by_default_threads_spin_only_while_a_classification_runs() -> None:
    """The device's default (docs/benchmarks.md, "The intent runtime"): spinning inside a
    run, sleeping between utterances."""
    from device.loaders import load_intent_model
    from device.settings import load_settings

    model = load_intent_model(load_settings(None), say=lambda _s: None)
    options = model._session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "1"
    assert options.get_session_config_entry("session.force_spinning_stop") == "1"


def _has_entry(options: object, key: str) -> bool:
    """Whether a session config entry is set (onnxruntime raises for a missing key)."""
    try:
        options.get_session_config_entry(key)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - onnxruntime raises a private error type
        return False
    return True
