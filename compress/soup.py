"""A soup of students from several builds of one teacher, finished as a build.

    python -m compress.soup RUN MEMBER [MEMBER ...]
    eldercare compress --preset default --resume --out RUN     # export, calibrate, report

`--soup N` averages students distilled in one build with consecutive seeds. This averages
students that other builds of the same teacher distilled, with other seeds or other data
(each MEMBER a distilled student folder: `B/work/soup/seedK`, or `B/work/student_pt` of
a build B): a uniform model soup (Wortsman et al. 2022), or, with members of two settings,
an interpolation between them. RUN is a build folder that holds that teacher
(`RUN/work/teacher`, `teacher_outputs.pt`) and a distilled student (`RUN/work/student_pt`,
whose settings `--resume` checks); the soup replaces that student's weights, keeping its
settings, and `distill.json` names the members (`soup_of`). `--resume` then exports,
quantizes, calibrates and fits the thresholds on it as on any student, in about a minute.

Members must share the teacher (its name and the build seed are checked; that it is the
same fine-tuned teacher is the caller's word), the base, the vocabulary and the shapes.
docs/intent.md, "Soups across builds".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["SoupError", "soup_into", "main"]


class SoupError(ValueError):
    """Members that cannot be averaged into this build's student."""


def _distilled(folder: Path) -> dict[str, Any]:
    from compress.distill import DISTILL_FILE

    marker = folder / DISTILL_FILE
    try:
        saved = json.loads(marker.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SoupError(f"{folder} holds no distilled student ({DISTILL_FILE} missing)") \
            from None
    except ValueError as exc:
        raise SoupError(f"{marker} is corrupt: {exc}") from None
    if not isinstance(saved, dict) or not isinstance(saved.get("settings"), dict):
        raise SoupError(f"{marker} has no settings")
    return saved


def _member_losses(saved: dict[str, Any]) -> list[list[float]]:
    losses = saved.get("losses") or []
    if losses and isinstance(losses[0], list):  # itself a soup: one list per member
        return [list(x) for x in losses]
    return [list(losses)]


def soup_into(run: Path, members: Sequence[Path]) -> dict[str, Any]:
    """Average `members` into `run`/work/student_pt (see the module doc).

    Raises:
        SoupError: fewer than two members, a folder that holds no distilled student, a
            member of another teacher or build seed, or members of different vocabularies
            or shapes.
    """
    from compress.distill import read_student, save_student, soup_students

    if len(members) < 2:
        raise SoupError("a soup needs at least two members")
    target = run / "work" / "student_pt"
    own = _distilled(target)["settings"]
    students, losses = [], []
    for folder in members:
        saved = _distilled(folder)
        theirs = saved["settings"]
        for key in ("teacher", "seed", "lang"):
            if theirs.get(key) != own.get(key):
                raise SoupError(f"{folder} was distilled with {key} {theirs.get(key)!r}, this "
                                f"build's student with {own.get(key)!r}")
        students.append(read_student(folder, str(saved.get("base"))))
        losses.extend(_member_losses(saved))
    if len({s.base for s in students}) > 1:
        raise SoupError("soup members differ in base: " + ", ".join(sorted({s.base for s in
                                                                           students})))
    try:
        soup = soup_students(students)
    except ValueError as exc:
        raise SoupError(str(exc)) from None
    save_student(soup, target, own, losses, extra={"soup_of": [str(m) for m in members]})
    return {"run": str(run), "student": str(target), "members": [str(m) for m in members]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m compress.soup",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("run", type=Path, help="the build whose student the soup replaces")
    ap.add_argument("members", type=Path, nargs="+", help="distilled student folders")
    args = ap.parse_args(argv)
    try:
        result = soup_into(args.run, args.members)
    except (ValueError, OSError) as exc:  # SoupError, CheckpointError, a corrupt file
        print(f"compress.soup: error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
