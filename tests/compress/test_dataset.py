"""The intent dataset: coverage, dedup, split without leakage, file errors."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from compress.dataset import (
    DatasetError,
    Example,
    core_text,
    load_examples,
    near_copy,
    normalize_asr,
    read_jsonl,
)
from device.labels import INTENT_LABELS, SAFETY_LABELS


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    return load_examples("en")


def test_every_label_in_every_split(examples: list[Example]) -> None:
    counts = Counter((e.intent, e.split) for e in examples)
    assert {e.intent for e in examples} == set(INTENT_LABELS)
    for label in INTENT_LABELS:
        assert counts[(label, "train")] >= 20, label
        assert counts[(label, "test")] >= 3, label
    assert all(e.lang == "en" for e in examples)


def test_safety_and_out_of_scope_are_rich(examples: list[Example]) -> None:
    by_label = Counter(e.intent for e in examples)
    for label in SAFETY_LABELS:
        assert by_label[label] >= 200
        groups = {e.group.split("#")[0] for e in examples if e.intent == label}
        assert len(groups) >= 6, label  # many different ways to say it
    sources = {e.group.split(":")[0] for e in examples if e.intent == "out_of_scope"}
    assert {"hassil", "chatterbot", "out_of_scope"} <= sources


def test_no_duplicates_and_asr_style(examples: list[Example]) -> None:
    keys = [normalize_asr(e.text) for e in examples]
    assert len(keys) == len(set(keys))
    asr = sum(e.text == normalize_asr(e.text) for e in examples)
    assert asr / len(examples) > 0.8
    assert any(e.text.startswith(("um ", "er ", "oh dear ")) for e in examples)


def test_split_keeps_groups_together(examples: list[Example]) -> None:
    splits_of_group: dict[str, set[str]] = defaultdict(set)
    for e in examples:
        splits_of_group[e.group].add(e.split)
    leaking = [g for g, s in splits_of_group.items() if len(s) > 1]
    assert not leaking
    sizes = Counter(e.split for e in examples)
    assert sizes["train"] > sizes["dev"] > 0 and sizes["test"] > 0


def test_no_test_sentence_is_a_near_copy_of_training(examples: list[Example]) -> None:
    """Nor any dev sentence: the guard runs until no held-out family is close to train,
    because a family it moves can itself be close to another held-out one (two chatterbot
    files hold "you are not making sense")."""
    train = [e.text for e in examples if e.split == "train"]
    train_cores = {core_text(t) for t in train}
    train_sets = [set(core_text(t).split()) for t in train]
    for e in (e for e in examples if e.split in ("dev", "test")):
        assert core_text(e.text) not in train_cores, e.text
        words = set(core_text(e.text).split())
        assert all(len(words & t) / len(words | t) < 0.75 for t in train_sets), e.text
    assert near_copy("um i fell", "i fell please") and not near_copy("i fell", "call my son")


def test_example_json_round_trip(examples: list[Example]) -> None:
    ex = examples[0]
    assert Example.from_json(json.loads(json.dumps(ex.to_json()))) == ex


def test_unknown_language_is_a_lookup_error() -> None:
    with pytest.raises(LookupError, match="zz"):
        load_examples("zz")


def test_pure_python_no_torch() -> None:
    code = ("import sys; from compress.dataset import load_examples; load_examples(); "
            "assert 'torch' not in sys.modules and 'transformers' not in sys.modules")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty"),
        ("\n\n", "empty"),
        ('{"text": "hi", "intent": "greeting"\n', "not valid JSON"),
        ('["hi", "greeting"]\n', "needs non-empty"),
        ('{"text": "", "intent": "greeting"}\n', "needs non-empty"),
        ('{"text": "hi", "intent": "greeting", "split": "valid"}\n', "split must be"),
        ('{"text": "hi", "intent": "greeting", "split": "test"}\n', "no training"),
    ],
)
def test_bad_dataset_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text(content)
    with pytest.raises(DatasetError, match=message):
        read_jsonl(path)


def test_missing_dataset_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_jsonl(tmp_path / "absent.jsonl")


def _with_training_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        name: str, text: str) -> tuple[set[tuple[str, str]], list[Example]]:
    """The held-out rows of a copy of the data without <lang>/train_only/, and every row of
    it once `text` is there as `name`."""
    import shutil

    import compress.dataset as ds

    root = tmp_path / "data"
    shutil.copytree(ds.DATA_ROOT / "en", root / "en",
                    ignore=shutil.ignore_patterns(ds.TRAIN_ONLY_DIR))
    monkeypatch.setattr(ds, "DATA_ROOT", root)
    ds._load_cached.cache_clear()
    try:
        before = {(e.text, e.split) for e in ds.load_examples("en") if e.split != "train"}
        (root / "en" / ds.TRAIN_ONLY_DIR).mkdir()
        (root / "en" / ds.TRAIN_ONLY_DIR / name).write_text(text, encoding="utf-8")
        ds._load_cached.cache_clear()
        return before, ds.load_examples("en")
    finally:
        ds._load_cached.cache_clear()


def test_training_only_files_stay_in_train_and_move_no_cut_point(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sentences under <lang>/train_only/ (written after a dev figure was seen) are all
    training rows, and adding them leaves dev and test exactly as they were."""
    from compress.dataset import TRAIN_ONLY_DIR

    before, after = _with_training_only(
        tmp_path, monkeypatch, "more.txt",
        "@ fall_report\n# tumble_now\ni've just had a tumble by the back door\n"
        "i've gone over on the garden path and can't stand\n"
        "@ out_of_scope\n# mishaps\nmy slipper came off on the stairs\n")
    added = [e for e in after if e.group.startswith(f"{TRAIN_ONLY_DIR}/")]
    assert len(added) >= 3 and {e.split for e in added} == {"train"}
    assert {(e.text, e.split) for e in after if e.split != "train"} == before


def test_the_shipped_training_only_files_are_in_train(examples: list[Example]) -> None:
    from compress.dataset import DATA_ROOT, TRAIN_ONLY_DIR

    files = sorted((DATA_ROOT / "en" / TRAIN_ONLY_DIR).glob("*.txt"))
    rows = [e for e in examples if e.group.startswith(f"{TRAIN_ONLY_DIR}/")]
    assert not files or (rows and {e.split for e in rows} == {"train"})


@pytest.mark.parametrize("name", ["candidates/en_train_only_dev_gaps.txt",
                                  "candidates/en_train_only_blind_rounds.txt",
                                  "data/en/train_only/figures.txt"])
def test_a_training_only_candidate_moves_no_split_and_copies_no_measuring_sentence(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """compress/candidates/* and the shipped training-only files: put in <lang>/train_only/
    as a build reads them (alone), they leave dev and test as they are, and none of their
    sentences is a near copy of a sentence of the files that measure them (the challenge
    set, the figures files and the held-out ones)."""
    import compress.dataset as ds

    compress_dir = Path(ds.__file__).parent
    candidate = compress_dir / name
    before, after = _with_training_only(tmp_path, monkeypatch, candidate.name,
                                        candidate.read_text(encoding="utf-8"))
    added = [e for e in after if e.group.startswith(f"{ds.TRAIN_ONLY_DIR}/")]
    assert len(added) >= 40 and {e.split for e in added} == {"train"}
    assert {(e.text, e.split) for e in after if e.split != "train"} == before
    lines = [core_text(normalize_asr(t)) for t, _label, _group in ds._parse_txt(candidate)]
    figures = sorted(p.name for p in compress_dir.glob("figures*_en.jsonl"))
    assert {"figures_en.jsonl", "figures_heldout_en.jsonl"} | {
        f"figures_heldout{n}_en.jsonl" for n in range(2, 7)} <= set(figures)
    for measuring in ("challenge_en.jsonl", *figures):
        for row in read_jsonl(compress_dir / measuring, need_split=False):
            said = core_text(normalize_asr(row.text))
            assert not any(near_copy(said, line) for line in lines), (measuring, row.text)


def test_a_data_file_without_slots_reads_as_sentences(tmp_path: Path) -> None:
    """`eldercare bench speech --sentences FILE.txt` speaks a training-only candidate."""
    from compress.dataset import DatasetError, read_txt_sentences

    good = tmp_path / "cand.txt"
    good.write_text("// a note\n@ fall_report\n# sofa\ni've fallen behind the sofa\n"
                    "@ out_of_scope\n# chores\ni've fallen behind with the ironing\n")
    assert read_txt_sentences(good) == [("i've fallen behind the sofa", "fall_report"),
                                        ("i've fallen behind with the ironing",
                                         "out_of_scope")]
    slots = tmp_path / "slots.txt"
    slots.write_text("@ home_control\n# lights\nturn on the {room} light\n")
    with pytest.raises(DatasetError, match="slots"):
        read_txt_sentences(slots)
    loose = tmp_path / "loose.txt"
    loose.write_text("a sentence before any label\n")
    with pytest.raises(DatasetError):
        read_txt_sentences(loose)
