"""De-identification before anything leaves the home (docs/cloud-sync.md).

- :class:`Pseudonyms`: keyed hashes (HMAC-SHA256) of homes, residents and alert ids with a
  device secret that never leaves the state folder; the cloud can link one home's events
  but cannot learn who it is, and nobody without the secret can test a guess.
- :class:`Scrubber`: removes the care plan's names, phone numbers (``phonenumbers``),
  e-mail addresses, street addresses, postcodes and dates from free text.
- :func:`coarsen_hour`: timestamps leave rounded down to the hour.
- :func:`laplace`: calibrated noise on aggregates (Laplace mechanism, scale
  sensitivity / epsilon), drawn from a generator seeded by the event's keyed id so that the
  same event carries the same noise however often it is rebuilt.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Iterable
from pathlib import Path

import numpy as np

SECRET_BYTES = 32
PHONE_REGIONS = ("GB", "US")
"""Regions whose national formats are recognised as well as international (+...) ones."""


def load_secret(path: str | Path) -> bytes:
    """The device secret at ``path``, created (0600, random) the first time.

    Raises:
        ValueError: the file exists but does not hold a usable secret.
    """
    p = Path(path).expanduser()
    if not p.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(SECRET_BYTES) + "\n")
            f.flush()
            os.fsync(f.fileno())
    text = p.read_text(encoding="ascii", errors="replace").strip()
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        raw = b""
    if len(raw) < 16:
        raise ValueError(f"sync secret {p} is not a hex secret of at least 16 bytes: delete "
                         "it to make a new one (the home then gets a new pseudonym)")
    return raw


class Pseudonyms:
    """Keyed pseudonyms: the same input and secret always give the same id."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the pseudonym secret must be at least 16 bytes")
        self._secret = secret

    def of(self, kind: str, value: str, length: int = 16) -> str:
        """Hex pseudonym of ``value`` in the name space ``kind`` (home, resident, alert...)."""
        mac = hmac.new(self._secret, f"{kind}\x1f{value}".encode(), hashlib.sha256)
        return mac.hexdigest()[:length]

    def seed(self, value: str) -> int:
        """A 64-bit seed derived from the secret (noise that the cloud cannot undo)."""
        mac = hmac.new(self._secret, f"noise\x1f{value}".encode(), hashlib.sha256)
        return int.from_bytes(mac.digest()[:8], "big")


def coarsen_hour(ts: float) -> int:
    """Seconds since the epoch, rounded down to the hour."""
    return int(ts // 3600 * 3600)


def laplace(value: float, sensitivity: float, epsilon: float, seed: int) -> float:
    """``value`` plus Laplace noise of scale ``sensitivity / epsilon``."""
    if epsilon <= 0 or sensitivity < 0:
        raise ValueError("need epsilon > 0 and sensitivity >= 0")
    rng = np.random.default_rng(seed)
    return float(value + rng.laplace(0.0, sensitivity / epsilon))


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_STREET = re.compile(
    r"\b\d{1,5}[a-z]?,?\s+(?:[A-Za-z'’.-]+\s+){0,4}?"
    r"(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|court|ct|place|pl|"
    r"boulevard|blvd|crescent|terrace|gardens|grove|square|sq|parade|mews|row|walk|hill)\b\.?",
    re.IGNORECASE)
_FLAT = re.compile(r"\b(?:flat|apartment|apt|unit|suite)\s*#?\s*\d+[a-z]?\b", re.IGNORECASE)
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_US_ZIP = re.compile(r"\b\d{5}(?:-\d{4})\b")
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
           r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATES = (
    re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b\.?(?:,?\s+\d{{2,4}})?",
               re.IGNORECASE),
    re.compile(rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{2,4}})?",
               re.IGNORECASE),
    re.compile(r"\b(?:19|20)\d{2}\b"),
)
_DIGIT_RUN = re.compile(r"\+?\d[\d\s().-]{5,}\d")
"""Any long run of digits left after the phone matcher (a number in a format it missed)."""


class Scrubber:
    """Removes identifying text. ``names``: the care plan's people (resident, contacts)."""

    def __init__(self, names: Iterable[str] = (), regions: Iterable[str] = PHONE_REGIONS) -> None:
        words = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
        parts: list[str] = []
        for name in words:
            parts.append(re.escape(name))
            parts.extend(re.escape(w) for w in name.split() if len(w) > 1)
        self._names = (re.compile(r"\b(?:" + "|".join(parts) + r")(?:'s|’s)?\b", re.IGNORECASE)
                       if parts else None)
        self.regions = tuple(regions)

    def _phones(self, text: str) -> str:
        import phonenumbers

        for region in self.regions:
            spans = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(
                text, region, leniency=phonenumbers.Leniency.POSSIBLE)]
            for start, end in reversed(spans):
                text = text[:start] + "<phone>" + text[end:]
        return _DIGIT_RUN.sub("<phone>", text)

    def scrub(self, text: str) -> str:
        """``text`` with names, e-mails, phone numbers, addresses and dates replaced by
        ``<name>``, ``<email>``, ``<phone>``, ``<address>``, ``<date>``."""
        text = _EMAIL.sub("<email>", text)
        text = _STREET.sub("<address>", text)
        text = _FLAT.sub("<address>", text)
        text = _UK_POSTCODE.sub("<address>", text)
        text = _US_ZIP.sub("<address>", text)
        for pattern in _DATES:
            text = pattern.sub("<date>", text)
        text = self._phones(text)
        if self._names is not None:
            text = self._names.sub("<name>", text)
        return text
