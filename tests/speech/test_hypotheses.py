"""speech.hypotheses: k-fold recognizer hypotheses of the intent training sentences."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from speech.hypotheses import decode_fold, fold_of, fold_rows, main


def test_folds_are_stable_and_keep_groups_together() -> None:
    assert fold_of("care:fall_report:floor#3", 2) == fold_of("care:fall_report:floor#3", 2)
    per_fold = fold_rows(2, every=7)
    assert all(per_fold)
    groups = [{g for _t, _i, g in rows} for rows in per_fold]
    assert not groups[0] & groups[1]
    with pytest.raises(ValueError, match="folds"):
        fold_rows(1)
    with pytest.raises(ValueError, match="every"):
        fold_rows(2, every=0)


@pytest.mark.parametrize("engine", ["hybrid", "pocketsphinx"])
def test_a_fold_is_spoken_and_decoded_by_an_lm_without_it(engine: str) -> None:
    rows = [("i have fallen and i can't get up", "fall_report", "t:fall#1"),
            ("please turn on the kitchen light", "home_control", "t:light#1")]
    out = list(decode_fold(0, rows, progress=False, engine=engine))
    assert all(r["engine"] == engine for r in out)
    if engine == "hybrid":
        assert {r["path"] for r in out} <= {"fast-safety", "fast", "whisper"}
    assert [r["source"] for r in out] == [r[0] for r in rows]
    assert [r["intent"] for r in out] == ["fall_report", "home_control"]
    for r in out:
        assert r["fold"] == 0 and r["voice"] and 110 <= r["rate_wpm"] <= 170
        assert isinstance(r["alternatives"], list)
    # the words are heard (not necessarily all of them): real audio went through the decoder
    heard = " ".join(r["text"] for r in out).split()
    assert {"fallen", "kitchen", "light", "up"} & set(heard), out


def test_cli_writes_jsonl_and_reports_wer(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    out = tmp_path / "h.jsonl"
    assert main(["--out", str(out), "--every", "400", "--jobs", "1",
                 "--engine", "pocketsphinx"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert summary["sentences"] == len(rows) > 0 and 0.0 <= summary["wer"] <= 2.0
    assert {"source", "text", "intent", "group", "fold"} <= set(rows[0])
    # the per-fold partial files that keep a stopped run's rows are gone once it is written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.jsonl"]


def test_a_stopped_fold_keeps_the_rows_it_decoded(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import speech.hypotheses as hyp

    def two_then_stop(fold: int, rows: list[tuple[str, str, str]], seed: int = 0,
                      **_kw: object) -> Iterator[dict[str, object]]:
        for text, intent, group in rows[:2]:
            yield {"source": text, "text": text, "intent": intent, "group": group,
                   "fold": fold}
        raise KeyboardInterrupt

    monkeypatch.setattr(hyp, "decode_fold", two_then_stop)
    rows = fold_rows(2, every=200)[0]
    partial = tmp_path / "h.jsonl.fold0.partial"
    with pytest.raises(KeyboardInterrupt):
        hyp._fold_job((0, rows, 0, "pocketsphinx", "tiny.en", partial))
    kept = [json.loads(line) for line in partial.read_text().splitlines()]
    assert [r["source"] for r in kept] == [r[0] for r in rows[:2]]
