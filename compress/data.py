"""Data for training: checked splits, teacher-labelled augmentation, dynamic-padding batches."""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from compress.config import CompressConfig
from compress.dataset import (
    FILLERS_START,
    NEAR_COPY_JACCARD,
    DatasetError,
    Example,
    _stable,
    core_text,
    load_examples,
    near_copy,
    normalize_asr,
    read_jsonl,
)

__all__ = ["Splits", "prepare_splits", "augment_texts", "substitute_texts", "text_words",
           "Encoded", "encode", "batches", "HYPOTHESES_DIR", "hypotheses_file",
           "hypotheses_files", "load_heard", "transfer_texts"]


@dataclass(frozen=True)
class Splits:
    """Train/dev/test examples with label ids."""

    labels: tuple[str, ...]
    train: list[Example]
    dev: list[Example]
    test: list[Example]

    def ids(self, examples: Sequence[Example]) -> list[int]:
        index = {lab: i for i, lab in enumerate(self.labels)}
        return [index[e.intent] for e in examples]


def _derive_splits(examples: list[Example]) -> list[Example]:
    """Give held-out splits (by group) to a user dataset that only has training rows."""
    out = []
    for e in examples:
        h = _stable("user-split", e.group) % 100
        split = "test" if h < 15 else ("dev" if h < 30 else "train")
        out.append(Example(e.text, e.intent, e.lang, e.group, split))
    return out


def prepare_splits(cfg: CompressConfig, labels: Sequence[str],
                   train_only: bool = True) -> Splits:
    """Load and check the dataset; raise DatasetError when it cannot train a model.
    train_only=False: the built-in data as if its training-only files were not there (the
    splits a build without them gets, shuffled the same way)."""
    examples = read_jsonl(cfg.data, lang=cfg.lang) if cfg.data else \
        load_examples(cfg.lang, train_only)
    if not examples:
        raise DatasetError("the dataset is empty")
    unknown = sorted({e.intent for e in examples} - set(labels))
    if unknown:
        raise DatasetError(f"the data uses intents that are not in the label set: {unknown}; "
                           "fix the data or pass matching --labels")
    if not any(e.split in ("dev", "test") for e in examples):
        examples = _derive_splits(examples)
    by_split: dict[str, list[Example]] = defaultdict(list)
    for e in examples:
        by_split[e.split].append(e)
    missing = [lab for lab in labels
               if not any(e.intent == lab for e in by_split["train"])]
    if missing:
        raise DatasetError(f"labels without training examples: {missing}; add data for them or "
                           "remove them from --labels")
    for name in ("dev", "test"):
        if not by_split[name]:
            raise DatasetError(f"the dataset has no {name} examples; add rows with "
                               f"\"split\": \"{name}\"")
    rng = random.Random(cfg.seed)

    def limit(rows: list[Example], n: int | None) -> list[Example]:
        if n is None:
            return rows
        rows = sorted(rows, key=lambda e: _stable(e.text))
        counts: Counter[str] = Counter()
        kept = []
        for e in rows:
            if counts[e.intent] < n:
                counts[e.intent] += 1
                kept.append(e)
        return kept

    train = limit(by_split["train"], cfg.per_label_limit)
    rng.shuffle(train)
    return Splits(tuple(labels), train, limit(by_split["dev"], cfg.eval_limit),
                  limit(by_split["test"], cfg.eval_limit))


# Words an ASR engine confuses, both ways (the transcript has no punctuation or case).
_HOMOPHONES = {"to": "two", "two": "to", "too": "to", "for": "four", "four": "for",
               "right": "write", "hear": "here", "here": "hear", "there": "their",
               "their": "there", "know": "no", "no": "know", "i": "eye", "buy": "by",
               "by": "buy", "weak": "week", "week": "weak", "ate": "eight", "won": "one",
               "one": "won", "son": "sun", "dear": "deer", "see": "sea", "wait": "weight"}
_PUNCT = re.compile(r"[^\w\s']")


def _words(text: str) -> list[str]:
    """A sentence as the transfer rows are made of it: lower case, no punctuation, words."""
    return _PUNCT.sub(" ", text.lower()).split()


def _variant(words: list[str], rng: random.Random) -> list[str]:
    """One noisy copy: edits of a careless speaker or an ASR transcript."""
    w = list(words)
    op = rng.randrange(8)
    if op == 0 and len(w) > 2:
        del w[rng.randrange(len(w))]
    elif op == 1 and len(w) > 2:
        i = rng.randrange(len(w) - 1)
        w[i], w[i + 1] = w[i + 1], w[i]
    elif op == 2:
        w.insert(rng.randrange(len(w) + 1), rng.choice(FILLERS_START))
    elif op == 3 and len(w) > 3:
        w = w[: rng.randrange(2, len(w))]
    elif op == 4:
        swaps = [i for i, x in enumerate(w) if x in _HOMOPHONES]
        if swaps:
            i = rng.choice(swaps)
            w[i] = _HOMOPHONES[w[i]]
        else:
            w.insert(rng.randrange(len(w) + 1), rng.choice(("uh", "um", "er")))
    elif op == 5 and w:
        i = rng.randrange(len(w))  # a stutter or a restart
        w.insert(i, w[i])
    elif op == 6 and len(w) > 1:
        i = rng.randrange(1, len(w))  # a hesitation in the middle
        w.insert(i, rng.choice(("um", "uh", "er", "erm", "you know", "i mean")))
    else:
        w = [x.replace("'", "") for x in w] + [rng.choice(("please", "now", "again"))]
    return w


def augment_texts(texts: Sequence[str], per_text: int, seed: int) -> list[str]:
    """Unlabelled ASR-style variants for distillation: lowercase without punctuation, word
    dropout, swaps, fillers and hesitations, stutters, homophones, truncation."""
    rng = random.Random(seed)
    seen = set(texts)
    out: list[str] = []
    for text in texts:
        words = _words(text)
        for _ in range(per_text):
            variant = " ".join(_variant(words, rng))
            if variant and variant not in seen:
                seen.add(variant)
                out.append(variant)
    return out


def mix_texts(texts: Sequence[str], per_text: int, seed: int) -> list[str]:
    """Unlabelled transfer rows made of the training sentences' own words, for the teacher to
    label (docs/intent.md, "Six layers, mixed transfer rows, softer hard labels"): half are
    one sentence's opening joined to another's ending at word boundaries ("the smoke alarm
    is" + "fine now thanks"), half a contiguous stretch of one sentence (an n-gram sample, 2
    words or more). The student then learns the teacher's answer on text between the
    training sentences, where a few words decide between a call for help and an ordinary
    remark."""
    rng = random.Random(seed)
    words = [w for w in map(_words, texts) if w]
    seen = set(texts)
    out: list[str] = []
    for a in words:
        for _ in range(per_text):
            if rng.random() < 0.5 and len(words) > 1:
                b = words[rng.randrange(len(words))]
                w = a[:rng.randrange(1, len(a) + 1)] + b[rng.randrange(len(b)):]
            elif len(a) > 2:
                n = rng.randrange(2, len(a))
                start = rng.randrange(len(a) - n + 1)
                w = a[start:start + n]
            else:
                continue
            variant = " ".join(w)
            if variant not in seen:
                seen.add(variant)
                out.append(variant)
    return out


def text_words(texts: Iterable[str]) -> list[str]:
    """The distinct words of `texts` as augment_texts and substitute_texts split them."""
    return sorted({w for t in texts for w in _words(t)})


def substitute_texts(texts: Sequence[str], per_text: int, seed: int,
                     neighbours: dict[str, list[str]], rate: float = 0.3) -> list[str]:
    """Unlabelled transfer rows with new words, for the teacher to label (docs/intent.md,
    "Words the training sentences lack"): each of `per_text` copies of a sentence has every
    word that `neighbours` knows replaced, with probability `rate` and at least one, by one
    of its neighbours ("i fell off the step" -> "i tumbled off the step"). The teacher's
    answer on them carries what it knows of words that no training sentence holds."""
    if not 0.0 < rate <= 1.0:
        raise ValueError(f"substitution rate must be within (0, 1], not {rate}")
    rng = random.Random(seed)
    seen = set(texts)
    out: list[str] = []
    for text in texts:
        words = _words(text)
        known = [i for i, w in enumerate(words) if neighbours.get(w)]
        if not known:
            continue
        for _ in range(per_text):
            picked = [i for i in known if rng.random() < rate] or [rng.choice(known)]
            w = list(words)
            for i in picked:
                w[i] = rng.choice(neighbours[words[i]])
            variant = " ".join(w)
            if variant not in seen:
                seen.add(variant)
                out.append(variant)
    return out


HYPOTHESES_DIR = Path(__file__).parent / "data" / "asr"
"""Built-in recognizer hypotheses, <lang>_hypotheses.jsonl (python -m speech.hypotheses)."""
PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""Where a relative hypotheses path not found from the working directory is read from (the
default preset names Whisper's file so)."""


def hypotheses_file(spec: str, lang: str) -> Path | None:
    """The hypotheses file `spec` names (see load_heard); None when off or not built in.

    Raises:
        FileNotFoundError: an explicit path that does not exist.
    """
    if spec == "none":
        return None
    path = HYPOTHESES_DIR / f"{lang}_hypotheses.jsonl" if spec == "builtin" else Path(spec)
    if path.is_file():
        return path
    if spec != "builtin" and not path.is_absolute() and (PROJECT_ROOT / path).is_file():
        return PROJECT_ROOT / path
    if spec == "builtin":
        return None
    raise FileNotFoundError(f"ASR hypotheses file {path} not found (make one with "
                            f"`python -m speech.hypotheses --out {path}`, or pass none)")


def hypotheses_files(spec: str, lang: str) -> list[Path]:
    """The files a comma-separated `spec` names, each as hypotheses_file reads it."""
    out: list[Path] = []
    for part in (p.strip() for p in spec.split(",")):
        path = hypotheses_file(part, lang) if part else None
        if path is not None and path not in out:
            out.append(path)
    return out


def load_heard(spec: str, lang: str, splits: Splits, labels: Sequence[str] | None = None
               ) -> tuple[list[tuple[str, int, int]], dict[str, Any]]:
    """Recognizer hypotheses as distillation rows (text, label id, training row said).

    spec: "builtin" (HYPOTHESES_DIR/<lang>_hypotheses.jsonl if present), "none", a path, or
    several of these separated by commas (rows of every file, in order).
    labels: only the rows of these intents (None: every row); the others are counted
    (`other_label`): the calls as heard are the emergency_help and fall_report rows.
    A row whose words are those said (apart from apostrophes: "cant" for "can't") teaches
    nothing new and is left out (`same_as_said`).
    Rows whose sentence is not in this run's training split (another dataset, the tiny
    preset's subset) or whose intent no longer matches it are left out and counted, and so
    are rows whose words heard are a near copy (compress.dataset.near_copy) of a dev or
    test sentence, as the data's own guard and cloud_sync's corrections leave them out, or
    of a training sentence of another label and not of the sentence said: a call heard as
    "i feel woozy", word for word a symptom sentence of dev, would teach with the call's
    targets that a plain symptom is a call (docs/intent.md, "Calls as heard").
    Raises:
        FileNotFoundError: an explicit path that does not exist.
        DatasetError: a line that is not a JSON object with "source", "text" and "intent".
    """
    paths = hypotheses_files(spec, lang)
    if not paths:
        return [], {"file": None}
    train_ids = splits.ids(splits.train)
    row_of = {e.text: i for i, e in enumerate(splits.train)}
    out: list[tuple[str, int, int]] = []
    counts = {"rows": 0, "not_in_train": 0, "intent_changed": 0, "same_as_said": 0,
              "near_held_out": 0, "heard_as_other": 0}
    for path in paths:
        _read_heard(path, splits, train_ids, row_of, out, counts)
    if labels is not None:
        wanted = set(labels)
        kept = [row for row in out if splits.labels[row[1]] in wanted]
        counts = {**counts, "other_label": len(out) - len(kept)}
        out = kept
    held_out = _NearIndex([*splits.dev, *splits.test])
    train = _NearIndex(splits.train)
    kept = []
    for text, label_id, i in out:
        if held_out.labels_near(text):
            counts["near_held_out"] += 1  # it would tell the model a dev/test answer
        elif train.labels_near(text) - {splits.labels[label_id]} and \
                not near_copy(text, splits.train[i].text):
            counts["heard_as_other"] += 1
        else:
            kept.append((text, label_id, i))
    out = kept
    files = ",".join(str(p) for p in paths)
    return out, {"file": files, **counts, "used": len(out)}


class _NearIndex:
    """Sentences by their core words, to find those a text is a near copy of
    (compress.dataset.near_copy: the same core, or core words within its Jaccard cut), with
    the candidates narrowed by word count."""

    def __init__(self, examples: Iterable[Example]) -> None:
        self._by_size: dict[int, list[tuple[frozenset[str], str]]] = defaultdict(list)
        self._exact: dict[str, set[str]] = defaultdict(set)
        for e in examples:
            core = core_text(e.text)
            self._exact[core].add(e.intent)
            words = frozenset(core.split())
            self._by_size[len(words)].append((words, e.intent))

    def labels_near(self, text: str) -> set[str]:
        """The labels of the sentences that text is a near copy of."""
        core = core_text(text)
        found = set(self._exact.get(core, ()))
        words = set(core.split())
        n = len(words)
        for size in range(max(1, int(n * NEAR_COPY_JACCARD)), int(n / NEAR_COPY_JACCARD) + 2):
            for other, label in self._by_size.get(size, ()):
                if label not in found and \
                        len(words & other) / len(words | other) >= NEAR_COPY_JACCARD:
                    found.add(label)
        return found


def _read_heard(path: Path, splits: Splits, train_ids: list[int], row_of: dict[str, int],
                out: list[tuple[str, int, int]], counts: dict[str, int]) -> None:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                source, text, intent = str(row["source"]), str(row["text"]), str(row["intent"])
            except (ValueError, KeyError, TypeError):
                raise DatasetError(f"{path}:{n}: not a JSON object with source, text and "
                                   f"intent") from None
            counts["rows"] += 1
            i = row_of.get(source)
            if i is None:
                counts["not_in_train"] += 1
            elif splits.labels[train_ids[i]] != intent:
                counts["intent_changed"] += 1
            elif not text.strip() or normalize_asr(text, keep_apostrophes=False) == \
                    normalize_asr(source, keep_apostrophes=False):
                counts["same_as_said"] += 1  # nothing new to learn (or nothing heard)
            else:
                out.append((text.strip(), train_ids[i], i))


@dataclass
class Encoded:
    """Token ids of a list of texts (unpadded) with optional targets."""

    ids: list[list[int]]
    labels: list[int] | None = None
    soft: torch.Tensor | None = None
    """Teacher logits, shape (n, num_labels)."""
    pooled: torch.Tensor | None = None
    """Teacher mean-pooled sentence vectors, shape (n, hidden)."""

    def __len__(self) -> int:
        return len(self.ids)


def encode(tokenizer: Any, texts: Sequence[str], max_length: int) -> Encoded:
    """Tokenize with a `tokenizers.Tokenizer` (no padding; batches pad later)."""
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_length)
    return Encoded([e.ids for e in tokenizer.encode_batch(list(texts))])


def batches(data: Encoded, batch_size: int, pad_id: int, shuffle: bool, seed: int = 0,
            indices: Sequence[int] | None = None) -> Iterator[dict[str, torch.Tensor]]:
    """Dynamic-padding batches: input_ids, attention_mask, index (+ labels/soft/pooled)."""
    order = list(indices) if indices is not None else list(range(len(data)))
    if shuffle:
        random.Random(seed).shuffle(order)
    for start in range(0, len(order), batch_size):
        idx = order[start:start + batch_size]
        width = max(len(data.ids[i]) for i in idx)
        ids = torch.full((len(idx), width), pad_id, dtype=torch.long)
        mask = torch.zeros((len(idx), width), dtype=torch.long)
        for row, i in enumerate(idx):
            seq = data.ids[i]
            ids[row, : len(seq)] = torch.tensor(seq)
            mask[row, : len(seq)] = 1
        batch = {"input_ids": ids, "attention_mask": mask, "index": torch.tensor(idx)}
        if data.labels is not None:
            batch["labels"] = torch.tensor([data.labels[i] for i in idx])
        if data.soft is not None:
            batch["soft"] = data.soft[idx]
        if data.pooled is not None:
            batch["pooled"] = data.pooled[idx]
        yield batch


def transfer_texts(heard: Sequence[tuple[str, int, int]], known: Iterable[str]) -> list[str]:
    """The hypotheses' texts as a transfer set (``heard_targets="teacher"``): each distinct
    text once, in order, leaving out any text already among `known` (the training sentences
    and their augmented variants), which would only be labelled twice."""
    seen = set(known)
    out: list[str] = []
    for text, _label, _row in heard:
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out
