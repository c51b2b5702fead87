"""`eldercare bench intent`: the shipped int8 student side by side with what people use
instead, on the same test split (template families never seen in training) and on the
challenge set (compress/challenge_en.jsonl), in one run.

Systems (docs/benchmarks.md says why each is built as it is):

- ``student_int8``: the device's model (:class:`device.intent.IntentModel`).
- ``teacher``: only with ``--teacher DIR``: the fine-tuned PyTorch teacher that
  ``eldercare compress`` saves in ``OUT/work/teacher`` (MPNet-base for the default preset),
  run at batch 1 with ``--threads`` torch threads; its decision (temperature, safety
  thresholds, out_of_scope threshold) is fitted on the dev split as the pipeline fits it.
  An ONNX model folder is measured as the device runs it. Without ``--teacher``: the
  figures of the shipped model's report.json, marked ``measured: false``.
- ``hassil``: Home Assistant Assist's template matcher, every training sentence a template.
- ``rapidfuzz``: Rhasspy's fuzzy recognizer, the closest training sentence by
  ``fuzz.ratio``; below a cutoff chosen on the dev split: out_of_scope.
- ``tfidf_logreg``: scikit-learn TF-IDF of word 1-2-grams and character 2-5-grams with
  logistic regression, trained on the training split.
- ``padatious``: Mycroft's and OpenVoiceOS's neural intent parser, one small FANN network
  per intent trained on the training split (every intent's sentences against the others');
  below a confidence cutoff chosen on the dev split: out_of_scope. Measured where padatious
  installs (the README's set-up section says how); elsewhere reported as not measured.

Every system's label goes through the device's own safety decision
(:func:`device.safety_decision.decide`), and its figures come from
:func:`bench.figures.intent_figures`.
"""

from __future__ import annotations

import json
import pickle
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.figures import intent_figures, latency_summary
from bench.machine import machine_info
from bench.results import RESULTS_DIR, write_json, write_png
from device.labels import OUT_OF_SCOPE, SAFETY_LABELS
from device.safety_decision import Thresholds, decide, thresholds_of
from device.settings_sections import SafetySettings

__all__ = ["System", "run_bench", "SUMMARY_KEYS"]

SUMMARY_KEYS = ("system", "accuracy", "emergency_recall", "false_emergencies", "oos_f1",
                "latency_ms_p50", "size_mb")
"""The keys every entry of intent.json has (the contract); more follow them."""

NOT_MEASURED = {
    "adapt": "installs (adapt-parser), but recognizes hand-written keyword vocabularies per "
             "intent, not example sentences: an automatic vocabulary would measure our "
             "choice of keywords, not adapt",
}

PADATIOUS_NOT_INSTALLED = (
    "not installed here ({error}): its fann2 dependency builds only with SWIG and libfann "
    "(Debian: swig libfann-dev) and a link to libdoublefann.so in /usr/local/lib, as the "
    "README's set-up section says")

PADATIOUS_CUTOFFS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
"""The out_of_scope cutoffs tried on the dev split. Padatious's confidence is
sqrt((entity score + 0.5) * network output): at most about 0.71 without entities, and 1.0
only for a sentence its exact matcher (padaos) finds in the training data."""

TEACHER_LATENCY_N = 100
"""The PyTorch teacher is timed on the first 100 test utterances (it takes about 100 ms
each); its accuracy is still measured on every utterance."""

Predict = Callable[[str], tuple[str, float | None, dict[str, float] | None]]


@dataclass
class System:
    """One recognizer under test."""

    name: str
    predict: Predict
    """text -> (label, its probability or None, every label's probability or None)."""
    size_mb: float
    thresholds: Any = None
    """The model's safety thresholds for the decision (None: the settings' rule)."""
    answer_floor: float = 0.0
    memory_mb: float | None = None
    latency_n: int | None = None
    """Time only the first N test utterances (None: the run's choice)."""
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split())


def student(model_dir: str | None, threads: int, name: str = "student_int8") -> System:
    """The device's intent model from ``model_dir`` (None: the shipped one)."""
    from device.intent import IntentModel

    model = IntentModel.load(model_dir, threads=threads)

    def predict(text: str) -> tuple[str, float | None, dict[str, float] | None]:
        r = model.classify(text)
        return r.intent, r.score, r.scores

    files = [model.model_dir / "model.onnx", model.model_dir / "tokenizer.json"]
    return System(name, predict, sum(f.stat().st_size for f in files) / 2**20,
                  thresholds=thresholds_of(model), answer_floor=float(model.threshold),
                  extra={"model": str(model.model_dir)})


def hassil_system(train: Sequence[tuple[str, str]]) -> System:
    """Every training sentence as a hassil template of its intent (Home Assistant Assist)."""
    from hassil import Intents, recognize

    by_intent: dict[str, list[str]] = {}
    for text, label in train:
        # hassil's template syntax ([optional], (a|b), {slot}, <rule>) is escaped away: the
        # sentences are matched as written, as a user's custom sentences would be.
        words = _norm(text)
        if words:
            by_intent.setdefault(label, []).append(words)
    data = {"language": "en", "intents": {
        label: {"data": [{"sentences": sorted(set(s))}]} for label, s in by_intent.items()}}
    intents = Intents.from_dict(data)

    def predict(text: str) -> tuple[str, float | None, dict[str, float] | None]:
        result = recognize(_norm(text), intents)
        return (result.intent.name if result is not None else OUT_OF_SCOPE), None, None

    return System("hassil", predict, len(json.dumps(data)) / 2**20,
                  notes="no match: out_of_scope")


def rapidfuzz_system(train: Sequence[tuple[str, str]],
                     dev: Sequence[tuple[str, str]]) -> System:
    """The closest training sentence by ``fuzz.ratio`` (Rhasspy's fuzzy recognizer); the
    out_of_scope cutoff is the one of 0, 50, ..., 90 with the best dev accuracy."""
    from rapidfuzz import fuzz, process

    sentences = [_norm(t) for t, _ in train]
    labels = [g for _, g in train]
    dev_norm = [(_norm(t), g) for t, g in dev]
    best = [process.extractOne(t, sentences, scorer=fuzz.ratio) for t, _ in dev_norm]

    def accuracy(cutoff: float) -> float:
        return sum((labels[b[2]] if b[1] >= cutoff else OUT_OF_SCOPE) == g
                   for b, (_, g) in zip(best, dev_norm, strict=True)) / max(1, len(dev))

    cutoff = max((0, 50, 60, 70, 80, 90), key=accuracy)

    def predict(text: str) -> tuple[str, float | None, dict[str, float] | None]:
        hit = process.extractOne(_norm(text), sentences, scorer=fuzz.ratio,
                                 score_cutoff=cutoff)
        return (labels[hit[2]] if hit is not None else OUT_OF_SCOPE), None, None

    return System("rapidfuzz", predict, len("\n".join(sentences).encode()) / 2**20,
                  notes=f"fuzz.ratio cutoff {cutoff} (best on dev)", extra={"cutoff": cutoff})


def tfidf_system(train: Sequence[tuple[str, str]]) -> System:
    """TF-IDF word 1-2-grams + character 2-5-grams, logistic regression (scikit-learn)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline

    pipe = make_pipeline(
        FeatureUnion([
            ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                     token_pattern=r"(?u)\b\w[\w']*\b")),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5),
                                     sublinear_tf=True, min_df=2)),
        ]),
        LogisticRegression(C=20.0, max_iter=3000),
    )
    pipe.fit([_norm(t) for t, _ in train], [g for _, g in train])
    classes = [str(c) for c in pipe.classes_]

    def predict(text: str) -> tuple[str, float | None, dict[str, float] | None]:
        probs = pipe.predict_proba([_norm(text)])[0]
        scores = {c: float(p) for c, p in zip(classes, probs, strict=True)}
        top = max(scores, key=scores.__getitem__)
        return top, scores[top], scores

    return System("tfidf_logreg", predict, len(pickle.dumps(pipe)) / 2**20,
                  notes="C=20, trained on the training split")


def padatious_missing() -> str | None:
    """Why padatious cannot be measured here (None: it can)."""
    try:
        import padatious  # noqa: F401
    except ImportError as e:
        return PADATIOUS_NOT_INSTALLED.format(error=f"{type(e).__name__}: {e}")
    return None


def padatious_system(train: Sequence[tuple[str, str]],
                     dev: Sequence[tuple[str, str]]) -> System:
    """Padatious's ``IntentContainer`` with every training sentence an example of its intent,
    trained in one thread (one FANN network per intent, trained with every other intent's
    sentences as negatives; FANN seeds its weights at random, so a rebuild differs: 13 and 22
    false emergencies in two runs on the same data);
    the out_of_scope cutoff is the one of :data:`PADATIOUS_CUTOFFS` with the best dev
    accuracy. The trained networks are written to a temporary folder (their size is the
    system's size) and held in memory for the run; the folder is removed after training."""
    from padatious import IntentContainer
    from tqdm import tqdm

    by_intent: dict[str, list[str]] = {}
    for text, label in train:
        # _norm leaves no padatious template syntax ((a|b), [optional], {entity}, :0).
        words = _norm(text)
        if words:
            by_intent.setdefault(label, []).append(words)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="eldercare-padatious-") as tmp:
        cache = Path(tmp)
        container = IntentContainer(str(cache))
        for label, sentences in sorted(by_intent.items()):
            container.add_intent(label, sorted(set(sentences)))
        worker = threading.Thread(target=container.train, kwargs={
            "debug": False, "single_thread": True, "timeout": None}, daemon=True)
        worker.start()
        with tqdm(total=len(by_intent), desc="padatious train (intents)", unit="intent",
                  file=sys.stderr) as bar:
            while worker.is_alive():
                worker.join(1.0)
                done = len(list(cache.glob("*.intent.net")))
                if done > bar.n:
                    bar.update(done - bar.n)
        trained = {f.name.removesuffix(".intent.net") for f in cache.glob("*.intent.net")}
        if trained != set(by_intent):
            raise RuntimeError(
                f"padatious trained {len(trained)} of {len(by_intent)} intents; missing: "
                f"{', '.join(sorted(set(by_intent) - trained))}")
        size = sum(f.stat().st_size for f in cache.iterdir() if f.is_file())
    train_s = time.perf_counter() - t0

    def match(text: str) -> tuple[str, float]:
        m = container.calc_intent(_norm(text))
        return (m.name or OUT_OF_SCOPE), float(m.conf or 0.0)

    dev_hits = [(match(t), g) for t, g in dev]

    def accuracy(cutoff: float) -> float:
        return sum((label if conf >= cutoff else OUT_OF_SCOPE) == g
                   for (label, conf), g in dev_hits) / max(1, len(dev))

    cutoff = max(PADATIOUS_CUTOFFS, key=accuracy)

    def predict(text: str) -> tuple[str, float | None, dict[str, float] | None]:
        # the label alone, as hassil's and rapidfuzz's: the confidence is no probability
        label, conf = match(text)
        return (label if conf >= cutoff else OUT_OF_SCOPE), None, None

    return System("padatious", predict, size / 2**20,
                  notes=f"confidence cutoff {cutoff} (best on dev); trained in one thread "
                        f"in {train_s:.0f} s",
                  extra={"cutoff": cutoff, "train_s": round(train_s, 1)})


def teacher_system(folder: str | Path, threads: int,
                   dev: Sequence[tuple[str, str, str]]) -> System:
    """The fine-tuned teacher saved by the compress pipeline (``OUT/work/teacher``) at batch
    1 with ``threads`` torch threads, or an ONNX model folder (``config.json`` of format
    eldercare-intent/1) run as the device runs it. ``dev`` holds (text, intent, group) rows:
    the PyTorch teacher's decision is fitted on them as compress/pipeline.py fits it."""
    path = Path(folder)
    if (path / "config.json").is_file() and (path / "model.onnx").is_file():
        return student(str(path), threads, name="teacher")
    if not (path / "classifier.pt").is_file():
        raise FileNotFoundError(
            f"{path} is neither a teacher saved by `eldercare compress` (OUT/work/teacher with "
            "classifier.pt) nor an ONNX intent model folder")
    import numpy as np
    import torch

    from compress.calibrate import calibrate
    from compress.config import TeacherConfig
    from compress.teacher import load_teacher
    from compress.thresholds import SafetyFit, decide_labels
    from compress.train import predict as predict_batched
    from device.labels import INTENT_LABELS

    torch.set_num_threads(threads)
    labels = tuple(INTENT_LABELS)
    teacher = load_teacher(path, list(labels))
    model = teacher.model.eval()
    max_length = TeacherConfig().max_length
    dev_logits, _ = predict_batched(model, teacher.encode([t for t, _, _ in dev], max_length),
                                    teacher.pad_id, torch.device("cpu"), desc="teacher dev")
    dev_gold = np.asarray([labels.index(g) for _, g, _ in dev])
    temperature = calibrate(dev_logits.numpy(), dev_gold, labels).temperature
    fit = SafetyFit.fit(dev_logits.numpy(), dev_gold, [grp for _, _, grp in dev], labels,
                        temperature)
    tok = teacher.tokenizer
    tok.no_padding()
    tok.enable_truncation(max_length=max_length)

    @torch.inference_mode()
    def predict(text: str) -> tuple[str, float | None, dict[str, float] | None]:
        ids = torch.tensor([tok.encode(text).ids])
        logits = model(ids, torch.ones_like(ids)).float().numpy()
        probs = fit.probs(logits)
        label = labels[int(decide_labels(probs, labels, fit.thresholds, fit.threshold)[0])]
        scores = {lab: float(p) for lab, p in zip(labels, probs[0], strict=True)}
        return label, scores[label], scores

    files = [f for f in path.iterdir() if f.suffix in (".safetensors", ".pt", ".json")]
    th = fit.thresholds
    return System("teacher", predict, sum(f.stat().st_size for f in files) / 2**20,
                  thresholds={lab: Thresholds(th.alert, th.ask) for lab in SAFETY_LABELS},
                  answer_floor=float(fit.threshold), latency_n=TEACHER_LATENCY_N,
                  notes=f"{teacher.name} fine-tuned (PyTorch fp32, {threads} torch threads); "
                        "decision fitted on the dev split in this run",
                  extra={"model": str(path), "fit": {
                      "temperature": round(float(fit.temperature), 4),
                      "alert": round(th.alert, 6), "ask": round(th.ask, 6),
                      "threshold": fit.threshold}})


def _report_teacher(model_dir: str | None) -> dict[str, Any] | None:
    from device.intent import default_model_dir

    path = (Path(model_dir) if model_dir else default_model_dir()) / "report.json"
    if not path.is_file():
        return None
    report = json.loads(path.read_text())
    t = report.get("teacher") or {}
    return {"system": "teacher", "accuracy": t.get("accuracy"), "emergency_recall": None,
            "false_emergencies": None, "oos_f1": None,
            "latency_ms_p50": t.get("latency_ms_p50"), "size_mb": t.get("size_mb"),
            "latency_ms_p95": t.get("latency_ms_p95"), "measured": False,
            "notes": f"from the shipped model's {path.name}, not measured in this run; "
                     "--teacher DIR measures it"}


def _decisions(system: System, rows: Sequence[tuple[str, str]],
               settings: SafetySettings) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    preds, routes, errors = [], [], []
    for text, gold in rows:
        label, score, scores = system.predict(text)
        d = decide(label, text, score, settings, scores=scores, thresholds=system.thresholds,
                   answer_floor=system.answer_floor)
        preds.append(label)
        routes.append(d.route)
        if label != gold:
            errors.append({"text": text, "gold": gold, "pred": label, "route": d.route})
    return preds, routes, errors


def _latency(system: System, texts: Sequence[str], repeats: int) -> dict[str, Any]:
    for t in texts[:10]:
        system.predict(t)
    runs = []
    for _ in range(repeats):
        times = []
        for t in texts:
            t0 = time.perf_counter()
            system.predict(t)
            times.append((time.perf_counter() - t0) * 1000.0)
        runs.append(times)
    return latency_summary(runs)


def measure(system: System, test: Sequence[tuple[str, str]],
            challenge: Sequence[tuple[str, str]], repeats: int, latency_n: int | None,
            settings: SafetySettings) -> dict[str, Any]:
    """One entry of intent.json: the contract's keys first, then the rest."""
    figures = {}
    errors = {}
    for part, rows in (("test", test), ("challenge", challenge)):
        preds, routes, errs = _decisions(system, rows, settings)
        figures[part] = intent_figures([g for _, g in rows], preds, routes)
        errors[part] = errs[:30]
    if system.latency_n is not None:
        latency_n = min(system.latency_n, latency_n or system.latency_n)
    texts = [t for t, _ in test][:latency_n] if latency_n else [t for t, _ in test]
    lat = _latency(system, texts, repeats)
    t = figures["test"]
    return {"system": system.name, "accuracy": t["accuracy"],
            "emergency_recall": t["emergency_recall"],
            "false_emergencies": t["false_emergencies"], "oos_f1": t["oos_f1"],
            "latency_ms_p50": lat["latency_ms_p50"], "size_mb": round(system.size_mb, 3),
            "latency_ms_p95": lat["latency_ms_p95"],
            "memory_mb": None if system.memory_mb is None else round(system.memory_mb, 1),
            "measured": True, "test": t, "challenge": figures["challenge"],
            "latency_ms_p50_runs": lat["latency_ms_p50_runs"], "latency_n": len(texts),
            "notes": system.notes, **system.extra, "errors": errors}


def _build(name: str, make: Callable[[], System]) -> System:
    before = _rss_mb()
    system = make()
    system.predict("warm up please")
    system.memory_mb = _rss_mb() - before
    return system


def run_bench(model_dir: str | None = None, threads: int = 2, repeats: int = 3,
              quick: bool = False, teacher_dir: str | None = None,
              out_dir: str | Path = RESULTS_DIR,
              systems: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Measure every system; writes ``intent.json`` and ``intent.png`` into ``out_dir`` and
    returns the entries. ``systems`` picks a subset of the names above."""
    from threadpoolctl import threadpool_limits

    from compress.dataset import load_challenge, load_examples

    examples = load_examples("en")
    split = {s: [(e.text, e.intent) for e in examples if e.split == s]
             for s in ("train", "dev", "test")}
    dev_groups = [(e.text, e.intent, e.group) for e in examples if e.split == "dev"]
    challenge = [(e.text, e.intent) for e in load_challenge("en")]
    makers: dict[str, Callable[[], System]] = {
        "student_int8": lambda: student(model_dir, threads),
        "hassil": lambda: hassil_system(split["train"]),
        "rapidfuzz": lambda: rapidfuzz_system(split["train"], split["dev"]),
        "tfidf_logreg": lambda: tfidf_system(split["train"]),
        "padatious": lambda: padatious_system(split["train"], split["dev"]),
    }
    skipped: dict[str, str] = {}
    missing = padatious_missing()
    if missing is not None:
        skipped["padatious"] = missing
    elif quick and systems is None:
        skipped["padatious"] = ("skipped with --quick: training its networks on the training "
                                "split takes 12-18 minutes on two cores (docs/benchmarks.md)")
    not_measured = {**skipped, **NOT_MEASURED}
    if teacher_dir:
        makers["teacher"] = lambda: teacher_system(teacher_dir, threads, dev_groups)
    chosen = [s for s in (list(systems) if systems else list(makers)) if s not in skipped]
    unknown = [s for s in chosen if s not in makers]
    if unknown:
        raise ValueError(f"unknown system(s) {', '.join(unknown)}; choose from "
                         f"{', '.join(makers)}")
    settings = SafetySettings()
    entries: list[dict[str, Any]] = []
    machine = machine_info(threads=threads, repeats=repeats, batch=1)
    with threadpool_limits(limits=threads):
        for name in chosen:
            system = _build(name, makers[name])
            entries.append(measure(system, split["test"], challenge, repeats,
                                   100 if quick else None, settings))
    if not teacher_dir and (systems is None or "teacher" in chosen):
        reported = _report_teacher(model_dir)
        if reported is not None:
            entries.append(reported)
    for e in entries:
        e["machine"] = machine
        e["sets"] = {"test": f"compress.dataset en test split, {len(split['test'])} "
                             "utterances", "challenge": f"compress/challenge_en.jsonl, "
                                                        f"{len(challenge)} utterances"}
    for name, why in not_measured.items():
        entries.append({"system": name, "accuracy": None, "emergency_recall": None,
                        "false_emergencies": None, "oos_f1": None, "latency_ms_p50": None,
                        "size_mb": None, "measured": False, "notes": why})
    write_json("intent", entries, out_dir)
    write_png("intent", lambda ax: _plot(ax, entries), out_dir)
    return entries


def _plot(ax: Any, entries: Sequence[dict[str, Any]]) -> None:
    rows = [e for e in entries if e.get("measured")]
    for e in rows:
        ch = e["challenge"]["accuracy"]
        ax.scatter(e["latency_ms_p50"], e["accuracy"], s=60, label=e["system"])
        ax.scatter(e["latency_ms_p50"], ch, s=60, marker="x", color="k")
        ax.annotate(e["system"], (e["latency_ms_p50"], e["accuracy"]), fontsize=8,
                    xytext=(4, 4), textcoords="offset points")
    ax.set_xscale("log")
    ax.set_xlabel("latency p50, batch 1 (ms, log)")
    ax.set_ylabel("accuracy (dot: test split, x: challenge set)")
    ax.set_title("intent: student vs peers on the same sentences")
    ax.grid(alpha=0.3)


def summary(entries: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The one JSON line `eldercare bench intent` ends with."""
    return {"bench": "intent", "systems": {
        e["system"]: {k: e[k] for k in SUMMARY_KEYS[1:]} for e in entries if e.get("measured")}}
