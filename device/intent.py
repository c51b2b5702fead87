"""On-device intent classification: onnxruntime + tokenizers only (never torch).

A model folder (written by ``eldercare compress``) holds ``model.onnx``, ``tokenizer.json``
and ``config.json`` (format ``eldercare-intent/1``: labels, max_length, threshold,
temperature, inputs, ...). The device reads only that folder.

    >>> model = IntentModel.load()            # the shipped student
    >>> model.classify("i've fallen and can't get up").intent
    'fall_report'

Scores: p = softmax(logits / temperature + label_bias) (both from config.json; older
models carry a bias that favours the safety labels). Threshold rule: when the top
probability is below ``threshold`` the result is ``out_of_scope``, except for the safety
labels (emergency_help, fall_report), which the threshold never suppresses.

Safety thresholds (docs/contracts.md): a model whose config.json has ``safety_thresholds``
(``{label: {"alert": A, "ask": Q}}``) names the most probable safety label whenever its
probability reaches that label's ``ask``, and otherwise the best non-safety label (under the
threshold rule); ``safety_thresholds`` gives the pairs to the device's safety decision.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from device.labels import OUT_OF_SCOPE, SAFETY_LABELS
from device.providers import ProviderChoice, choose_provider, open_session, warmed

__all__ = ["IntentModel", "IntentResult", "IntentModelError", "default_model_dir",
           "MODEL_FORMAT"]

MODEL_FORMAT = "eldercare-intent/1"
REQUIRED_FILES = ("model.onnx", "tokenizer.json", "config.json")


class IntentModelError(ValueError):
    """A model folder that is incomplete, corrupt or inconsistent."""


def default_model_dir() -> Path:
    """The student model shipped with the package (device/models/intent/)."""
    return Path(__file__).resolve().parent / "models" / "intent"


@dataclass(frozen=True)
class IntentResult:
    """The intent of one utterance."""

    text: str
    """The utterance as given."""
    intent: str
    """The decided label (after the out_of_scope threshold)."""
    score: float
    """Calibrated probability (0..1) of the top label."""
    scores: dict[str, float] = field(default_factory=dict, compare=False)
    """Calibrated probability (0..1) of every label."""

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "intent": self.intent, "score": round(self.score, 4)}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> IntentResult:
        return cls(text=str(obj["text"]), intent=str(obj["intent"]), score=float(obj["score"]),
                   scores={str(k): float(v) for k, v in dict(obj.get("scores", {})).items()})


@dataclass(frozen=True)
class IntentConfig:
    """The parsed config.json of a model folder."""

    labels: tuple[str, ...]
    max_length: int
    threshold: float
    temperature: float
    inputs: tuple[str, ...]
    raw: dict[str, Any]
    safety_thresholds: dict[str, tuple[float, float]] | None = None
    """Safety label -> (alert, ask) probabilities; None when config.json has none."""
    spoken_ask: float | None = None
    """The ask threshold of every safety label on spoken turns (``spoken_ask.ask`` in
    config.json, fitted on the spoken dev part by ``bench.spoken_ask``); None: the same
    thresholds as typed text."""
    spoken_alert: float | None = None
    """The alert threshold of every safety label on spoken turns (``spoken_ask.alert``,
    fitted beside the ask by ``bench.spoken_ask --keep-alerts``), at or above every typed
    one: a recognizer's words alert at once no more readily than typed ones. None: the
    typed alert thresholds."""

    def __post_init__(self) -> None:
        if not self.labels or len(set(self.labels)) != len(self.labels):
            raise IntentModelError("config.json: 'labels' must be a non-empty list of unique names")
        if not 2 <= self.max_length <= 4096:
            raise IntentModelError(f"config.json: max_length {self.max_length} out of range")
        if not 0.0 <= self.threshold <= 1.0:
            raise IntentModelError(f"config.json: threshold {self.threshold} not in [0, 1]")
        if self.temperature <= 0:
            raise IntentModelError(f"config.json: temperature {self.temperature} must be > 0")
        for label, (alert, ask) in (self.safety_thresholds or {}).items():
            if label not in SAFETY_LABELS or label not in self.labels:
                raise IntentModelError(f"config.json: safety_thresholds names {label!r}, which "
                                       f"is not a safety label of this model")
            if not 0.0 <= ask <= alert <= 1.0:
                raise IntentModelError(f"config.json: safety_thresholds[{label!r}] needs "
                                       f"0 <= ask <= alert <= 1 (got ask {ask}, alert {alert})")
        if self.spoken_ask is not None:
            if not self.safety_thresholds:
                raise IntentModelError("config.json: spoken_ask needs safety_thresholds")
            lowest = min(alert for alert, _ in self.safety_thresholds.values())
            if not 0.0 <= self.spoken_ask <= lowest:
                raise IntentModelError(f"config.json: spoken_ask.ask {self.spoken_ask} must be "
                                       f"within 0 and the alert threshold {lowest}")
        if self.spoken_alert is not None:
            if self.spoken_ask is None or not self.safety_thresholds:
                raise IntentModelError("config.json: spoken_ask.alert needs spoken_ask.ask and "
                                       "safety_thresholds")
            highest = max(alert for alert, _ in self.safety_thresholds.values())
            if not highest <= self.spoken_alert <= 1.0:
                raise IntentModelError(f"config.json: spoken_ask.alert {self.spoken_alert} must "
                                       f"be within the typed alert threshold {highest} and 1")

    @classmethod
    def read(cls, path: Path) -> IntentConfig:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise IntentModelError(f"{path} is not valid JSON ({exc}); rebuild the model with "
                                   "`eldercare compress`") from None
        if not isinstance(raw, dict) or raw.get("format") != MODEL_FORMAT:
            raise IntentModelError(f"{path}: expected \"format\": \"{MODEL_FORMAT}\"")
        try:
            spoken_ask, spoken_alert = _read_spoken(raw.get("spoken_ask"))
            return cls(labels=tuple(str(x) for x in raw["labels"]),
                       max_length=int(raw["max_length"]), threshold=float(raw["threshold"]),
                       temperature=float(raw.get("temperature", 1.0)),
                       inputs=tuple(raw.get("inputs", ("input_ids", "attention_mask"))), raw=raw,
                       safety_thresholds=_read_thresholds(raw.get("safety_thresholds")),
                       spoken_ask=spoken_ask, spoken_alert=spoken_alert)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            if isinstance(exc, IntentModelError):
                raise IntentModelError(f"{path}: {exc}") from None
            raise IntentModelError(f"{path}: missing or invalid field ({exc})") from None


def _read_thresholds(value: Any) -> dict[str, tuple[float, float]] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise IntentModelError("safety_thresholds must be an object {label: {alert, ask}}")
    return {str(label): (float(pair["alert"]), float(pair["ask"]))
            for label, pair in value.items()}


def _read_spoken(value: Any) -> tuple[float | None, float | None]:
    """config.json's spoken_ask: (its "ask", required in the object; its "alert", optional);
    (None, None) without one."""
    if value is None:
        return None, None
    if not isinstance(value, dict) or "ask" not in value:
        raise IntentModelError("spoken_ask must be an object {\"ask\": Q, ...}")

    def number(key: str) -> float:
        x = value[key]
        if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
            raise IntentModelError(f"spoken_ask.{key} must be a number, got {x!r}")
        return float(x)

    return number("ask"), (number("alert") if value.get("alert") is not None else None)


class IntentModel:
    """A loaded intent model; build with :meth:`load`."""

    def __init__(self, model_dir: Path, config: IntentConfig, session: Any, tokenizer: Any):
        self.model_dir = model_dir
        self.config = config
        self.labels: tuple[str, ...] = config.labels
        self.threshold = config.threshold
        self._session = session
        self._tokenizer = tokenizer
        self._input_names = [i.name for i in session.get_inputs()]
        self.provider_choice: ProviderChoice | None = None
        """The execution provider and model variant (set by :meth:`load`)."""
        bias = config.raw.get("label_bias") or {}
        self._bias = np.array([float(bias.get(lab, 0.0)) for lab in self.labels],
                              dtype=np.float32)

    @classmethod
    def load(cls, model_dir: str | Path | None = None, threads: int = 2,
             provider: str | None = None, variant: str | None = None,
             spin: bool = True, spin_only_in_run: bool = True) -> IntentModel:
        """Load a model folder (None: the shipped default) with `threads` CPU threads.

        `spin`: intra-op threads spin instead of sleeping when idle (``intent.spin_threads``);
        with `spin_only_in_run` (``intent.spin_only_in_run``) they stop spinning when a
        classification ends. The default (both on, the device's) spins while a
        classification runs and sleeps between them; ``spin=False`` always sleeps.

        The execution provider and model variant come from device.providers (TensorRT,
        CUDA, CPU; `provider` caps the choice, `variant` forces "fp16" or "int8"); a few
        warm-up runs follow.

        Raises FileNotFoundError when the folder or a file is missing and IntentModelError
        (a ValueError) when a file is corrupt or the parts do not fit together.
        """
        import onnxruntime as ort
        from tokenizers import Tokenizer

        folder = Path(model_dir) if model_dir is not None else default_model_dir()
        if not folder.is_dir():
            raise FileNotFoundError(f"intent model folder not found: {folder} (build one with "
                                    "`eldercare compress --preset tiny --out DIR`)")
        missing = [f for f in REQUIRED_FILES if not (folder / f).is_file()]
        if missing:
            raise FileNotFoundError(f"intent model folder {folder} lacks {', '.join(missing)}")
        config = IntentConfig.read(folder / "config.json")
        try:
            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        except Exception as exc:  # noqa: BLE001 - the tokenizers error type is not public
            raise IntentModelError(f"{folder / 'tokenizer.json'} is corrupt: {exc}") from None
        tokenizer.enable_truncation(max_length=config.max_length)
        pad_id = tokenizer.token_to_id(str(config.raw.get("pad_token", "[PAD]")))
        tokenizer.enable_padding(pad_id=pad_id if pad_id is not None else 0,
                                 pad_token=str(config.raw.get("pad_token", "[PAD]")))
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, int(threads))
        options.inter_op_num_threads = 1
        # By default the intra-op threads spin between the graph's steps while a
        # classification runs and sleep when it ends (session.force_spinning_stop), so
        # nothing holds a core between utterances; spin=False always sleeps, and
        # spin_only_in_run=False spins between runs too (docs/benchmarks.md, "The intent
        # runtime", `eldercare bench intent-runtime`).
        options.add_session_config_entry("session.intra_op.allow_spinning",
                                         "1" if spin else "0")
        if spin and spin_only_in_run:
            options.add_session_config_entry("session.force_spinning_stop", "1")
        choice = choose_provider(variants=config.raw.get("variants"), model_dir=folder,
                                 cap=provider, variant=variant)
        try:
            session, choice = open_session(folder, choice, options)
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises several private types
            raise IntentModelError(f"{folder / choice.model_file} cannot be loaded: "
                                   f"{str(exc).splitlines()[0][:200]}") from None
        model = cls(folder, config, session, tokenizer)
        start = time.perf_counter()
        probe = model._logits(["hello"])
        if probe.shape != (1, len(config.labels)):
            raise IntentModelError(f"{choice.model_file} gives {probe.shape[-1]} outputs but "
                                   f"config.json lists {len(config.labels)} labels")
        model._logits(["warm up the session", "i have fallen and i cannot get up"])
        model.provider_choice = warmed(choice, session.get_providers()[0],
                                       time.perf_counter() - start)
        return model

    def _logits(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 1:  # the device's case: no batch encoder (its thread pool) needed
            encodings = [self._tokenizer.encode(texts[0])]
        else:
            encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids}
        if "attention_mask" in self._input_names:
            feeds["attention_mask"] = np.asarray([e.attention_mask for e in encodings],
                                                 dtype=np.int64)
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        out = self._session.run(None, {k: feeds[k] for k in self._input_names})
        return np.asarray(out[0], dtype=np.float32)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities, shape (len(texts), len(labels))."""
        z = self._logits(texts) / self.config.temperature + self._bias
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    @property
    def safety_thresholds(self) -> dict[str, tuple[float, float]] | None:
        """Safety label -> (alert, ask) from config.json; None for a model without them."""
        return self.config.safety_thresholds

    def spoken(self) -> IntentModel:
        """The model as spoken turns use it: the same session and tokenizer, with every
        safety label's ask threshold set to config.json's ``spoken_ask`` and, where it has
        one, its alert threshold to ``spoken_ask.alert`` (a recognizer's words are less sure
        than typed ones; docs/contracts.md). Itself when there is none."""
        ask, alert = self.config.spoken_ask, self.config.spoken_alert
        pairs = self.config.safety_thresholds
        if ask is None or not pairs:
            return self
        view = copy.copy(self)
        view.config = dataclasses.replace(
            self.config, safety_thresholds={k: (a if alert is None else alert, ask)
                                            for k, (a, _) in pairs.items()},
            spoken_ask=None, spoken_alert=None)
        return view

    def decide(self, text: str, probs: np.ndarray) -> IntentResult:
        """Apply the threshold rule (and the safety thresholds) to one row of probabilities."""
        scores = {lab: float(p) for lab, p in zip(self.labels, probs, strict=True)}
        thresholds = self.config.safety_thresholds
        order = [int(i) for i in np.argsort(-probs, kind="stable")]
        if thresholds:
            safety = [i for i in order if self.labels[i] in thresholds]
            if safety and probs[safety[0]] >= thresholds[self.labels[safety[0]]][1]:
                return IntentResult(text, self.labels[safety[0]], float(probs[safety[0]]),
                                    scores)
            order = [i for i in order if self.labels[i] not in thresholds]
        top = order[0]
        label, score = self.labels[top], float(probs[top])
        if (score < self.threshold and label not in SAFETY_LABELS
                and OUT_OF_SCOPE in self.labels):
            label = OUT_OF_SCOPE
        return IntentResult(text=text, intent=label, score=score, scores=scores)

    def classify_batch(self, texts: Iterable[str]) -> list[IntentResult]:
        """Classify several utterances at once (padded to the longest)."""
        items = list(texts)
        results: list[IntentResult | None] = [None] * len(items)
        live = [i for i, t in enumerate(items) if t.strip()]
        if live:
            probs = self.probabilities([items[i] for i in live])
            for row, i in enumerate(live):
                results[i] = self.decide(items[i], probs[row])
        fallback = OUT_OF_SCOPE if OUT_OF_SCOPE in self.labels else self.labels[-1]
        return [r if r is not None else IntentResult(items[i], fallback, 1.0)
                for i, r in enumerate(results)]

    def classify(self, text: str) -> IntentResult:
        """Classify one utterance; blank text is out_of_scope."""
        return self.classify_batch([text])[0]
