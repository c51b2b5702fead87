"""Limits at the input boundaries, and the guarded parsers that enforce them.

Every input from outside (an MQTT payload, a stdin line, a replay or settings file) is
checked for size and encoding before it is parsed, and for nesting depth while and after
it is parsed, so that no input can exhaust memory or the interpreter's recursion limit.
Each check raises :class:`InputRejected` (a ValueError) with a short ``reason`` and a
message; the caller counts, logs and answers it. The limits and what a rejected input
gets are listed in docs/input-limits.md.

This module imports nothing of the project, so device, speech and health may all use it.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable, Iterator
from typing import IO, Any

MAX_SENSOR_PAYLOAD_BYTES = 256 * 1024
"""Largest MQTT sensor payload (a Zigbee2MQTT state or a project reading), bytes."""
MAX_LINE_BYTES = 64 * 1024
"""Largest line of a line-oriented command's stdin or of a replay file, bytes."""
MAX_SETTINGS_BYTES = 1024 * 1024
"""Largest settings (config) file, bytes."""
MAX_JSON_DEPTH = 32
"""Deepest nesting of JSON arrays and objects accepted anywhere."""
MAX_TEXT_CHARS = 2000
"""Longest utterance given as text (stdin lines of ``intent classify`` and ``run``), chars."""

REJECT_REASONS = ("too_large", "bad_encoding", "too_deep", "malformed_json", "not_finite")


class InputRejected(ValueError):
    """An input refused at the boundary; ``reason`` is one of :data:`REJECT_REASONS`
    (or a boundary's own reason), ``message`` says what is wrong in one line."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)  # what a person reads; ``reason`` is for counting
        self.reason = reason
        self.message = message


def check_size(data: bytes | str, max_bytes: int, what: str = "input") -> None:
    """Raise ``too_large`` when ``data`` is longer than ``max_bytes`` (str: UTF-8 length
    bound by 4 bytes a character, so no encoding is needed to refuse a huge string)."""
    n = len(data)
    if isinstance(data, str) and n * 4 > max_bytes:
        n = len(data.encode("utf-8", "surrogatepass"))
    if n > max_bytes:
        raise InputRejected("too_large", f"{what} is {n} bytes (limit {max_bytes})")


def decode_utf8(data: bytes | str, what: str = "input") -> str:
    """Strict UTF-8 text; invalid bytes are refused (never replaced: a changed reading or
    utterance would be scored or answered as something it is not)."""
    if isinstance(data, str):
        try:
            data.encode("utf-8")  # lone surrogates from a lax decoder upstream
        except UnicodeEncodeError as exc:
            raise InputRejected("bad_encoding", f"{what} is not valid UTF-8 text "
                                f"(at character {exc.start})") from None
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputRejected("bad_encoding", f"{what} is not valid UTF-8 (byte {exc.start}: "
                            f"{data[exc.start:exc.start + 1]!r})") from None


def depth_of(value: Any, limit: int = MAX_JSON_DEPTH) -> int:
    """Nesting depth of decoded JSON (a scalar is 0), counted without recursion; stops
    counting once past ``limit``."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, d = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        elif not isinstance(item, list):
            continue
        d += 1
        deepest = max(deepest, d)
        if deepest > limit:
            return deepest
        stack.extend((child, d) for child in item if isinstance(child, (dict, list)))
    return deepest


def _no_constant(name: str) -> Any:
    raise InputRejected("not_finite", f"{name} is not a number JSON allows")


def parse_json(
    data: bytes | str,
    max_bytes: int = MAX_SENSOR_PAYLOAD_BYTES,
    max_depth: int = MAX_JSON_DEPTH,
    what: str = "input",
) -> Any:
    """Size, encoding, syntax and depth checked JSON; raises :class:`InputRejected`.

    The standard parser recurses per nesting level: a payload of a hundred thousand
    ``[`` raises RecursionError inside it, caught here and refused like any deep input.
    NaN and Infinity (which Python's parser accepts) are refused.
    """
    check_size(data, max_bytes, what)
    text = decode_utf8(data, what)
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except InputRejected:
        raise
    except RecursionError:
        raise InputRejected("too_deep", f"{what} nests deeper than {max_depth} levels") from None
    except json.JSONDecodeError as exc:
        raise InputRejected("malformed_json", f"{what} is not valid JSON: line {exc.lineno}, "
                            f"column {exc.colno}: {exc.msg}") from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise InputRejected("malformed_json", f"{what} is not valid JSON: {exc}") from None
    if depth_of(value, max_depth) > max_depth:
        raise InputRejected("too_deep", f"{what} nests deeper than {max_depth} levels")
    return value


def read_lines(stream: IO[bytes] | IO[str], max_bytes: int = MAX_LINE_BYTES,
               what: str = "the line") -> Iterator[tuple[int, str | InputRejected]]:
    """Number and check each line of a stream: ``(n, text)`` for a good line (without its
    line ending), ``(n, InputRejected)`` for one that is too long (``too_large``: the rest
    of it is skipped, never held in memory) or not UTF-8 (``bad_encoding``). Reading goes
    on after a bad line, so every line gets its answer."""
    n = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        n += 1
        end = "\n" if isinstance(raw, str) else b"\n"
        if len(raw) > max_bytes and not raw.endswith(end):  # type: ignore[arg-type]
            while True:  # skip the rest of this line
                more = stream.readline(max_bytes + 1)
                if not more or more.endswith(end):  # type: ignore[arg-type]
                    break
            yield n, InputRejected("too_large", f"{what} is longer than {max_bytes} bytes")
            continue
        body = raw.rstrip("\r\n") if isinstance(raw, str) else raw.rstrip(b"\r\n")
        try:
            if isinstance(body, str):
                check_size(body, max_bytes, what)
            yield n, decode_utf8(body, what)
        except InputRejected as exc:
            yield n, exc


MAX_THREADS = 64
"""Most CPU threads any verb accepts."""


def int_range(lo: int, hi: int) -> Callable[[str], int]:
    """An argparse ``type=`` for a whole number in [lo, hi]: anything else is refused at
    once with the range in the message (state the range in the option's help too)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number {lo}-{hi}, "
                                             f"got {text[:40]!r}") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"must be {lo}-{hi}, got {value}")
        return value

    return parse


def float_range(lo: float, hi: float) -> Callable[[str], float]:
    """An argparse ``type=`` for a finite number in [lo, hi]."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a number {lo:g}-{hi:g}, "
                                             f"got {text[:40]!r}") from None
        if not (math.isfinite(value) and lo <= value <= hi):
            raise argparse.ArgumentTypeError(f"must be {lo:g}-{hi:g}, got {text[:40]}")
        return value

    return parse
