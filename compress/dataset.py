"""The elderly-care intent dataset (pure Python: no torch, no third-party imports).

Sources under ``compress/data/<lang>/``:

- ``*.txt``: sentences and templates written by this project, in paraphrase groups
  (``@ label`` sets the label, ``# name`` starts a group, ``{slot}`` fields come from
  ``slots.json``);
- ``*.jsonl``: generated third-party lines (``python -m compress.datagen``) with their own
  groups (Home Assistant templates, chatterbot conversation files).

Every sentence is expanded into the forms a device sees: ASR-style lowercase without
punctuation, with fillers and hesitations, and some typed forms. The split is made by
template family (one written line or Home Assistant template with all its slot fillings
and surface forms), and a guard moves any dev/test family with a sentence whose core words
(nearly) equal a training sentence's into train, so test sentences are never near copies.

    >>> from compress.dataset import load_examples
    >>> ex = load_examples("en")
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Example", "DatasetError", "load_examples", "read_jsonl", "read_txt_sentences",
           "write_jsonl", "core_text", "near_copy", "normalize_asr", "languages", "load_challenge",
           "DATA_ROOT", "CHALLENGE_DIR"]

DATA_ROOT = Path(__file__).parent / "data"
CHALLENGE_DIR = Path(__file__).parent
"""Holds challenge_<lang>.jsonl: utterances written apart from the training data (never
generated from its templates), with hard negatives and hard positives; docs/intent.md."""
SPLITS = ("train", "dev", "test")
_SLOT_RE = re.compile(r"\{(\w+)\}")
FILLERS_START = ("um", "er", "erm", "uh", "oh dear", "well", "oh", "hmm", "sorry",
                 "excuse me", "you know", "right", "now then", "oh love", "hey")
FILLERS_END = ("please", "love", "dear", "now", "then", "if you can", "please dear")
_CORE_DROP = set("um er erm uh oh dear well hmm sorry excuse me you know please love now then "
                 "hey right the a an just".split())
TEMPLATE_FILLS = 6
NEAR_COPY_JACCARD = 0.75
TRAIN_ONLY_DIR = "train_only"
"""Data files under <lang>/train_only/ are training-only: written after a dev figure was
seen, so they must not be measured on (compress/data/README.md)."""


class DatasetError(ValueError):
    """An empty, malformed or inconsistent dataset."""


@dataclass(frozen=True)
class Example:
    """One labelled utterance."""

    text: str
    """The utterance as the model sees it."""
    intent: str
    """One of device.labels.INTENT_LABELS."""
    lang: str
    """Language code, e.g. "en" (Mandarin would be "zh")."""
    group: str
    """Paraphrase group or template id; the split never separates a group."""
    split: str
    """"train", "dev" or "test"."""

    def to_json(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: dict[str, object]) -> Example:
        return cls(**{k: str(obj[k]) for k in ("text", "intent", "lang", "group", "split")})


def normalize_asr(text: str, keep_apostrophes: bool = True) -> str:
    """Lowercase, no punctuation, single spaces: what a speech recogniser outputs."""
    text = text.lower().replace("’", "'")
    if not keep_apostrophes:
        text = text.replace("'", "")
    text = re.sub(r"[^\w' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip(" '")


def core_text(text: str) -> str:
    """The content words of an utterance (fillers and politeness dropped): near-copy key."""
    words = normalize_asr(text, keep_apostrophes=False).split()
    kept = [w for w in words if w not in _CORE_DROP]
    return " ".join(kept) if kept else " ".join(words)


def _stable(*parts: str) -> int:
    return int(hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12], 16)


def languages() -> list[str]:
    """Languages that have data folders."""
    return sorted(p.name for p in DATA_ROOT.iterdir() if p.is_dir()) if DATA_ROOT.is_dir() else []


def _parse_txt(path: Path) -> list[tuple[str, str, str]]:
    """(template, label, group) rows of one project data file."""
    rows: list[tuple[str, str, str]] = []
    label, group = "", ""
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        if line.startswith("@"):
            label, group = line[1:].strip(), ""
        elif line.startswith("#"):
            group = line[1:].strip()
        elif not label or not group:
            raise DatasetError(f"{path}:{n}: sentence before an '@ label' and '# group' line")
        else:
            rows.append((line, label, f"{path.stem}:{label}:{group}"))
    return rows


def read_txt_sentences(path: str | Path) -> list[tuple[str, str]]:
    """(sentence, label) of a project data file without slots, such as a training-only
    candidate (compress/candidates/*.txt): for speaking it (`eldercare bench speech
    --sentences`). Raises DatasetError for a template with {slots} or a malformed file."""
    rows = _parse_txt(Path(path))
    for text, _, _ in rows:
        if "{" in text:
            raise DatasetError(f"{path}: {text!r} is a template with slots; expand it first")
    return [(text, label) for text, label, _ in rows]


def _expand(template: str, slots: dict[str, list[str]], seed: int) -> list[str]:
    names = _SLOT_RE.findall(template)
    if not names:
        return [template]
    missing = [n for n in names if n not in slots]
    if missing:
        raise DatasetError(f"template {template!r} uses unknown slots {missing}")
    rng = random.Random(seed)
    out = []
    for _ in range(TEMPLATE_FILLS):
        out.append(_SLOT_RE.sub(lambda m: rng.choice(slots[m.group(1)]), template))
    return list(dict.fromkeys(out))


def _surface_forms(sentence: str, intent: str, seed: int) -> list[str]:
    """ASR-style form plus deterministic filler, no-apostrophe and typed variants."""
    rng = random.Random(seed)
    base = normalize_asr(sentence)
    forms = [base]
    if rng.random() < 0.5:
        forms.append(f"{rng.choice(FILLERS_START)} {base}")
    if rng.random() < 0.25 and len(base.split()) > 1:
        forms.append(f"{base} {rng.choice(FILLERS_END)}")
    if "'" in base and rng.random() < 0.4:
        forms.append(normalize_asr(base, keep_apostrophes=False))
    if rng.random() < 0.25:
        end = "!" if intent in ("emergency_help", "fall_report") else (
            "?" if base.split()[0] in {"what", "when", "how", "is", "can", "did", "have",
                                       "which", "do", "will", "could", "are"} else ".")
        forms.append(sentence[:1].upper() + sentence[1:] + end)
    if rng.random() < 0.12 and len(base.split()) > 2:
        words = base.split()
        i = rng.randrange(1, len(words))
        forms.append(" ".join(words[:i] + [rng.choice(("er", "um", "erm"))] + words[i:]))
    return forms


def _raw_rows(lang: str, train_only: bool = True) -> list[tuple[str, str, str, str]]:
    """(text, intent, group, family) rows before the split (train_only: with the files under
    <lang>/train_only/)."""
    folder = DATA_ROOT / lang
    slots_path = folder / "slots.json"
    slots = json.loads(slots_path.read_text(encoding="utf-8")) if slots_path.exists() else {}
    rows: list[tuple[str, str, str, str]] = []
    txt = sorted(folder.glob("*.txt"))
    if train_only:
        txt += sorted((folder / TRAIN_ONLY_DIR).glob("*.txt"))
    for path in txt:
        prefix = f"{TRAIN_ONLY_DIR}/" if path.parent.name == TRAIN_ONLY_DIR else ""
        for idx, (template, label, group) in enumerate(_parse_txt(path)):
            family = f"{prefix}{group}#{idx}"
            for sent in _expand(template, slots, _stable(family)):
                for form in _surface_forms(sent, label, _stable(family, sent)):
                    rows.append((form, label, group, family))
    for path in sorted(folder.glob("*.jsonl")):
        for ex in read_jsonl(path, lang=lang, need_split=False):
            for form in _surface_forms(ex.text, ex.intent, _stable(ex.group, ex.text))[:2]:
                rows.append((form, ex.intent, ex.group, ex.group))
    return rows


def _assign_splits(rows: list[tuple[str, str, str, str]]) -> dict[str, str]:
    """Map each template family to a split, about 70/15/15 within every label. Families of
    the training-only files go to train and are not counted, so they move no cut point."""
    units_by_label: dict[str, list[str]] = defaultdict(list)
    assignment: dict[str, str] = {}
    for _, label, _, family in rows:
        if family.startswith(f"{TRAIN_ONLY_DIR}/"):
            assignment[family] = "train"
        elif family not in units_by_label[label]:
            units_by_label[label].append(family)
    for units in units_by_label.values():
        ordered = sorted(units, key=lambda u: _stable("split", u))
        n = len(ordered)
        n_test = max(1, round(n * 0.15)) if n >= 3 else 0
        n_dev = max(1, round(n * 0.15)) if n >= 3 else 0
        for i, unit in enumerate(ordered):
            assignment[unit] = "test" if i < n_test else ("dev" if i < n_test + n_dev else "train")
    return assignment


def near_copy(a: str, b: str) -> bool:
    """True when two utterances share their core words or nearly all of them."""
    ca, cb = core_text(a), core_text(b)
    if ca == cb:
        return True
    wa, wb = set(ca.split()), set(cb.split())
    return len(wa & wb) / max(1, len(wa | wb)) >= NEAR_COPY_JACCARD


@lru_cache(maxsize=4)
def _load_cached(lang: str, train_only: bool = True) -> tuple[Example, ...]:
    if lang not in languages():
        raise LookupError(f"no intent data for language {lang!r}; available: {languages()}")
    rows = _raw_rows(lang, train_only)
    if not rows:
        raise DatasetError(f"no sentences found under {DATA_ROOT / lang}")
    assignment = _assign_splits(rows)
    seen: dict[str, Example] = {}
    for text, label, _group, family in rows:
        key = normalize_asr(text)
        if key in seen:  # deduplicate; the first (project-written) label wins
            continue
        seen[key] = Example(text, label, lang, family, assignment[family])
    examples = list(seen.values())
    # Near-copy guard: a held-out family with a sentence close to a training one joins train,
    # until none is left: a family that joined can itself be close to another held-out one.
    # Each pass compares what is still held out with what joined train in the pass before.
    cores = {id(e): core_text(e.text) for e in examples}
    moved: set[str] = set()
    joined = [e for e in examples if e.split == "train"]
    held = [e for e in examples if e.split != "train"]
    while joined and held:
        train_cores = {cores[id(e)] for e in joined}
        train_sets = [set(cores[id(e)].split()) for e in joined]
        newly: set[str] = set()
        for e in held:
            if e.group in newly:
                continue
            core = cores[id(e)]
            words = set(core.split())
            if core in train_cores or any(
                    len(words & t) / max(1, len(words | t)) >= NEAR_COPY_JACCARD
                    for t in train_sets):
                newly.add(e.group)
        moved |= newly
        joined = [e for e in held if e.group in newly]
        held = [e for e in held if e.group not in newly]
    return tuple(Example(e.text, e.intent, e.lang, e.group, "train")
                 if e.group in moved else e for e in examples)


def load_examples(lang: str = "en", train_only: bool = True) -> list[Example]:
    """All examples of one language, each with its split ("train", "dev" or "test");
    train_only=False: as if the files under <lang>/train_only/ were not there.

    Raises LookupError for a language without data and DatasetError for broken data files.
    """
    return list(_load_cached(lang, train_only))


def load_challenge(lang: str = "en") -> list[Example]:
    """The challenge set of one language ([] when there is none)."""
    path = CHALLENGE_DIR / f"challenge_{lang}.jsonl"
    return read_jsonl(path, lang=lang, need_split=False) if path.is_file() else []


def read_jsonl(path: str | Path, lang: str = "en", need_split: bool = True) -> list[Example]:
    """Read a user dataset: one JSON object per line with "text" and "intent" (and optionally
    "group", "split", "lang"). Raises DatasetError for an empty or malformed file."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"dataset file not found: {path}")
    out: list[Example] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{path}:{n}: not valid JSON ({exc.msg}); "
                               "expected one object per line") from None
        if not isinstance(obj, dict) or not str(obj.get("text", "")).strip() or not obj.get(
                "intent"):
            raise DatasetError(f"{path}:{n}: each line needs non-empty \"text\" and \"intent\"")
        split = str(obj.get("split", "train"))
        if split not in SPLITS:
            raise DatasetError(f"{path}:{n}: split must be one of {SPLITS}, got {split!r}")
        out.append(Example(str(obj["text"]), str(obj["intent"]), str(obj.get("lang", lang)),
                           str(obj.get("group", f"{path.stem}:{n}")), split))
    if not out:
        raise DatasetError(f"dataset {path} is empty; add one JSON object per line")
    if need_split and not any(e.split == "train" for e in out):
        raise DatasetError(f"dataset {path} has no training examples (split \"train\")")
    return out


def write_jsonl(examples: list[Example], path: str | Path) -> None:
    """Write examples as JSON lines."""
    with open(path, "w", encoding="utf-8") as fh:
        for ex in examples:
            fh.write(json.dumps(ex.to_json(), ensure_ascii=False) + "\n")
