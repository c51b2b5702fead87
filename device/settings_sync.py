"""Settings of the de-identified sync to the cloud (docs/cloud-sync.md)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from device.settings_sections import _check

__all__ = ["SyncSettings"]

TRANSPORTS = ("mqtt", "https")
_TOPIC_WORD = re.compile(r"^[A-Za-z0-9_\-.]+(?:/[A-Za-z0-9_\-.]+)*$")


@dataclass(frozen=True)
class SyncSettings:
    """What the home sends to the cloud, where, and with which protections."""

    enabled: bool = False
    """Send de-identified events to the cloud (off unless the home opts in)."""
    consent_transcripts: bool = False
    """The resident's recorded consent: utterances a caregiver marked as misunderstood
    leave (scrubbed) with their corrected label. Without it no transcript leaves at all."""
    url: str | None = None
    """The cloud's broker (mqtt:// or mqtts://); null: the home's own broker (mqtt.url)."""
    prefix: str = "eldercare-sync"
    """Topic prefix: events go to ``<prefix>/<home pseudonym>/sync``."""
    secret_file: str | None = None
    """The device secret behind every pseudonym; null: ``<state_dir>/sync-secret``
    (created on first use, mode 0600; it never leaves the device)."""
    dp_epsilon: float | None = None
    """Laplace noise on aggregate counts with this epsilon per count; null: no noise."""
    interval_s: float = 5.0
    """How often the device gathers new events into the outbox, seconds."""
    low_confidence: float = 0.5
    """A turn whose intent probability is below this counts as low-confidence."""
    keep_days: float = 7.0
    """How long delivered events stay in the device outbox, days."""
    ack_horizon_s: float = 21600.0
    """An alert nobody acknowledged this long after it was raised (or whose condition was
    resolved first) is sent as unacknowledged, seconds."""
    transport: str = "mqtt"
    """How events leave: "mqtt" (QoS 1 on ``url`` or the home's broker) or "https"
    (POSTed to ``https_url``)."""
    https_url: str | None = None
    """The cloud ingest's HTTPS endpoint (``https://host:port/...``), for transport https."""
    https_ca_file: str | None = None
    """PEM file of the CA that signed the endpoint's certificate (a private CA); null: the
    system's CA store."""
    https_token_file: str | None = None
    """File holding the bearer token sent with every batch; null: no token."""

    def __post_init__(self) -> None:
        if self.url is not None:
            _check(self.url.startswith(("mqtt://", "mqtts://")),
                   f"sync.url {self.url!r} must start with mqtt:// or mqtts:// (or be null "
                   "for the home's broker)")
        _check(bool(_TOPIC_WORD.match(self.prefix)),
               f"sync.prefix {self.prefix!r} must use letters, digits, '_', '-', '.', '/'")
        if self.dp_epsilon is not None:
            _check(math.isfinite(self.dp_epsilon) and 0.01 <= self.dp_epsilon <= 100,
                   f"sync.dp_epsilon must be 0.01..100 or null (got {self.dp_epsilon}); "
                   "smaller is more private and noisier")
        _check(math.isfinite(self.interval_s) and 0.1 <= self.interval_s <= 3600,
               f"sync.interval_s must be 0.1..3600 seconds (got {self.interval_s})")
        _check(0.0 <= self.low_confidence <= 1.0,
               f"sync.low_confidence must be 0..1 (got {self.low_confidence})")
        _check(math.isfinite(self.keep_days) and 0 < self.keep_days <= 365,
               f"sync.keep_days must be 0..365 days (got {self.keep_days})")
        _check(math.isfinite(self.ack_horizon_s) and 60 <= self.ack_horizon_s <= 172800,
               f"sync.ack_horizon_s must be 60..172800 seconds (got {self.ack_horizon_s})")
        _check(self.transport in TRANSPORTS,
               f"sync.transport {self.transport!r} must be one of {', '.join(TRANSPORTS)}")
        if self.transport == "https":
            _check(self.https_url is not None and self.https_url.startswith("https://"),
                   f"sync.https_url {self.https_url!r} must be an https:// URL when "
                   "sync.transport is https")
        elif self.https_url is not None:
            _check(False, "sync.https_url is set but sync.transport is mqtt: set "
                          "sync.transport to https, or https_url to null")
        for key in ("https_ca_file", "https_token_file"):
            value = getattr(self, key)
            _check(value is None or bool(value.strip()),
                   f"sync.{key} must be a file path or null")
