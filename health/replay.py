"""Replay files: one reading (project JSON schema) per line; blank and '#' lines skipped."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class ReplayError(ValueError):
    """A malformed line in a replay file read with ``strict=True``."""


def read_replay(
    path: str | Path, errors: Counter[str] | None = None, strict: bool = False
) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a replay file, in order.

    Malformed lines (bad JSON, or not an object) are logged and counted in ``errors``
    (reasons ``malformed_json`` / ``not_an_object``) and skipped; with ``strict=True`` they
    raise :class:`ReplayError` naming the line. Validation of the readings themselves is
    the monitor's job.
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"replay file {p} does not exist")
    with p.open("r", encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            try:
                obj = json.loads(text)
                reason = None if isinstance(obj, dict) else "not_an_object"
            except ValueError:
                reason = "malformed_json"
            if reason is not None:
                if strict:
                    raise ReplayError(f"{p}:{n}: {reason.replace('_', ' ')}: {text[:60]!r}")
                log.warning("%s:%d skipped (%s)", p, n, reason)
                if errors is not None:
                    errors[reason] += 1
                continue
            yield obj


def write_replay(path: str | Path, readings: list[dict[str, Any]]) -> Path:
    """Write readings as a replay file (one JSON object per line)."""
    p = Path(path)
    p.write_text("".join(json.dumps(r, separators=(",", ":")) + "\n" for r in readings))
    return p
