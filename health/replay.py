"""Replay files: one reading (project JSON schema) per line; blank and '#' lines skipped."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .limits import MAX_LINE_BYTES, InputRejected, read_lines
from .readings import RejectedReading, parse

log = logging.getLogger(__name__)


class ReplayError(ValueError):
    """A malformed line in a replay file read with ``strict=True``."""


def read_replay_lines(path: str | Path) -> Iterator[tuple[int, dict[str, Any] | RejectedReading]]:
    """Number and parse each line of a replay file: ``(n, reading)`` for a JSON object,
    ``(n, RejectedReading)`` for a line that is too long, not UTF-8, not JSON, too deep or
    not an object. Blank and '#' lines are skipped. Validation of the readings themselves
    is the monitor's job. Limits: docs/input-limits.md."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"replay file {p} does not exist")
    with p.open("rb") as fh:
        for n, text in read_lines(fh, MAX_LINE_BYTES):
            if isinstance(text, InputRejected):
                yield n, RejectedReading(text.reason, text.message)
                continue
            text = text.strip()
            if not text or text.startswith("#"):
                continue
            try:
                obj = parse(text, MAX_LINE_BYTES)
            except RejectedReading as exc:
                yield n, exc
                continue
            if not isinstance(obj, dict):
                yield n, RejectedReading("not_an_object", "a reading must be a JSON object")
                continue
            yield n, obj


def read_replay(
    path: str | Path, errors: Counter[str] | None = None, strict: bool = False
) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a replay file, in order.

    Malformed lines (too long, not UTF-8, bad JSON, too deep, not an object) are logged
    and counted in ``errors`` per reason and skipped; with ``strict=True`` they raise
    :class:`ReplayError` naming the line.
    """
    p = Path(path)
    for n, item in read_replay_lines(p):
        if isinstance(item, RejectedReading):
            if strict:
                raise ReplayError(f"{p}:{n}: {item.reason.replace('_', ' ')}: {item.message}")
            log.warning("%s:%d skipped (%s: %s)", p, n, item.reason, item.message)
            if errors is not None:
                errors[item.reason] += 1
            continue
        yield item


def write_replay(path: str | Path, readings: list[dict[str, Any]]) -> Path:
    """Write readings as a replay file (one JSON object per line)."""
    p = Path(path)
    p.write_text("".join(json.dumps(r, separators=(",", ":")) + "\n" for r in readings))
    return p
