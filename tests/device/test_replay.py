from __future__ import annotations

import json
from pathlib import Path

import pytest

from device.demo import demo_replay_path
from device.home import read_replay
from health.news2 import score


def test_shipped_replay_crosses_news2_threshold_once() -> None:
    rows = read_replay(demo_replay_path(), now=10_000.0)
    assert rows[-1]["ts"] == 10_000.0
    gaps = [b["ts"] - a["ts"] for a, b in zip(rows, rows[1:], strict=False)]
    assert all(g > 0 for g in gaps)
    scores = [score(r["values"]).news2 for r in rows]
    assert scores[0] == 0 and max(scores) >= 5
    first_high = next(i for i, s in enumerate(scores) if s >= 5)
    assert all(s < 5 for s in scores[:first_high])
    # no single parameter at 3 before the threshold (that would alert earlier)
    assert all(3 not in score(r["values"]).parameters.values() for r in rows[:first_high])


def test_bad_replay_files(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        read_replay(tmp_path / "none.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"ts": 1, "kind": "vitals", "values": {}}) + "\n{oops\n")
    with pytest.raises(ValueError, match=r"bad.jsonl:2: malformed json"):
        read_replay(bad)
    no_ts = tmp_path / "nots.jsonl"
    no_ts.write_text(json.dumps({"kind": "vitals", "values": {"pulse": 70}}) + "\n")
    with pytest.raises(ValueError, match="reading 1 needs a numeric 'ts'"):
        read_replay(no_ts)
