"""The device's sync outbox: de-identified events stored first, then sent.

Two transports (``sync.transport``), one outbox (:class:`health.outbox.Outbox`, the alert
path's SQLite store): an event is committed before anything is sent, every event not yet
delivered is sent again after a restart, and the outbox key is the event id, so storing
the same event twice stores it once; the cloud also keys on it.

- :class:`SyncPublisher` (mqtt): the alert path's :class:`health.delivery.OutboxPublisher`,
  QoS 1, re-sent with exponential back-off while connected, delivered on the broker's PUBACK.
- :class:`HttpsPublisher` (https): batches POSTed to the cloud ingest over TLS (stdlib
  ``urllib`` and ``ssl``; a private CA file and a bearer token file), delivered only on an
  HTTP 200, which the ingest answers after its commit; any failure is retried with
  exponential back-off.
"""

from __future__ import annotations

import http.client
import json
import logging
import re
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from cloud_sync.events import SyncEvent
from health.delivery import OutboxPublisher
from health.mqtt_settings import MqttSettings
from health.outbox import Outbox, PendingMessage

log = logging.getLogger(__name__)

MAX_BATCH_EVENTS = 500
"""Most events in one HTTPS request (the ingest refuses more)."""
MAX_BATCH_BYTES = 4 * 1024 * 1024
"""Most bytes in one HTTPS request body (the ingest refuses more than twice this)."""
_TOKEN = re.compile(r"^[\x21-\x7e]{8,4096}$")


class SyncPublisher(OutboxPublisher):
    """Publishes :class:`SyncEvent` s on ``<prefix>/<home pseudonym>/sync``.

    ``settings.home`` must already be the home's pseudonym (never its real name).
    ``keep_days``: how long delivered events stay in the outbox, days.
    Other keyword arguments: see :class:`~health.delivery.OutboxPublisher`.
    """

    def __init__(self, settings: MqttSettings, outbox_path: str | Path,
                 clock: Callable[[], float] = time.time, keep_days: float = 7.0,
                 **kwargs: Any) -> None:
        super().__init__(settings, outbox_path, clock=clock, discovery=False, **kwargs)
        self.topic_sync = settings.topic("sync")
        self.topic_status = settings.topic("sync", "status")
        self.keep_s = keep_days * 86400.0
        self._pruned_at = 0.0

    def _default_id(self) -> str:
        return f"eldercare-sync-{self.settings.home}"

    def store(self, events: Iterable[SyncEvent]) -> int:
        """Commit events to the outbox (one transaction), then hand them to MQTT; returns
        how many were given. An id already stored is not stored or sent again."""
        now = self.clock()
        msgs = [PendingMessage(e.id, self.topic_sync, e.to_bytes(), now) for e in events]
        if not msgs:
            return 0
        known = {m.key for m in self.outbox.pending()}
        self.outbox.store(msgs)
        for msg in msgs:
            if msg.key not in known:
                self._publish(msg)
        return len(msgs)

    def _pump_step(self) -> None:
        if time.monotonic() - self._pruned_at > 3600:
            self._pruned_at = time.monotonic()
            self.outbox.prune(self.clock() - self.keep_s)


def read_token(path: str | Path) -> str:
    """The bearer token in ``path`` (surrounding white space ignored).

    Raises:
        OSError: the file cannot be read. ValueError: it holds no usable token.
    """
    token = Path(path).expanduser().read_text(encoding="utf-8", errors="replace").strip()
    if not _TOKEN.match(token):
        raise ValueError(f"token file {path} must hold one token of 8..4096 printable ASCII "
                         "characters without spaces")
    return token


def post_batch(url: str, lines: list[bytes], context: ssl.SSLContext, token: str | None,
               timeout_s: float = 15.0) -> tuple[int, dict[str, Any]]:
    """POST events (one JSON event per line) to the HTTPS ingest; returns (status, the JSON
    answer or ``{}``). Network and TLS failures raise OSError; an HTTP error status is
    returned, not raised."""
    headers = {"Content-Type": "application/x-ndjson"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=b"\n".join(lines) + b"\n", headers=headers,
                                 method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout_s, context=context) as resp:
            status, body = resp.status, resp.read(1 << 20)
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read(1 << 16) if exc.fp is not None else b""
        exc.close()
    except http.client.HTTPException as exc:  # a broken answer: as a network failure
        raise OSError(f"bad answer from {url}: {exc!r}") from exc
    try:
        answer = json.loads(body) if body else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        answer = {}
    return status, answer if isinstance(answer, dict) else {}


class HttpsPublisher:
    """Sends :class:`SyncEvent` s to the HTTPS ingest at
    ``<url>/<prefix>/<home pseudonym>/sync`` (the MQTT topic as a path).

    Args:
        url: the ingest's base URL (``https://host:port``; ``sync.https_url``).
        prefix, home: as for MQTT; ``home`` must already be the home's pseudonym.
        outbox_path: the SQLite outbox. ca_file: PEM of a private CA (None: the system's).
        token_file: file with the bearer token (None: none sent); read again after a 401,
            so a rotated token is picked up.
        clock: seconds since the epoch. keep_days: delivered events stay this long.
        retry_s / retry_max_s: first and longest wait after a failed request, seconds
            (doubles each failure, back to ``retry_s`` after a success).
        timeout_s: one request's network timeout, seconds.

    Raises:
        ValueError: a URL that is not https://, an unusable token. OSError: a CA or token
            file that cannot be read (ssl.SSLError for a CA file that is not PEM).
    """

    def __init__(self, url: str, prefix: str, home: str, outbox_path: str | Path,
                 ca_file: str | Path | None = None, token_file: str | Path | None = None,
                 clock: Callable[[], float] = time.time, keep_days: float = 7.0,
                 retry_s: float = 1.0, retry_max_s: float = 300.0,
                 timeout_s: float = 15.0) -> None:
        if not url.startswith("https://"):
            raise ValueError(f"sync HTTPS url {url!r} must start with https://")
        if retry_s <= 0 or retry_max_s < retry_s or timeout_s <= 0:
            raise ValueError("need 0 < retry_s <= retry_max_s and timeout_s > 0 (seconds)")
        self.topic_sync = f"{prefix}/{home}/sync"
        self.url = f"{url.rstrip('/')}/{self.topic_sync}"
        self.context = ssl.create_default_context(
            cafile=str(Path(ca_file).expanduser()) if ca_file is not None else None)
        self.token_file = token_file
        self._token = read_token(token_file) if token_file is not None else None
        self.clock = clock
        self.keep_s = keep_days * 86400.0
        self.retry_s = retry_s
        self.retry_max_s = retry_max_s
        self.timeout_s = timeout_s
        self.outbox = Outbox(outbox_path)
        self.requests = 0
        """HTTPS requests made (each a batch)."""
        self.delivered = 0
        """Events the ingest answered 200 for."""
        self.failures = 0
        """Requests that failed (network, TLS, or a status other than 200)."""
        self.last_error = ""
        """Why the last request failed ("" after a success)."""
        self.next_wait_s = 0.0
        """The back-off after the last failure, seconds (0 after a success)."""
        self._ok = threading.Event()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pruned_at = 0.0

    @property
    def connected(self) -> bool:
        """Whether the last request reached the ingest and was accepted."""
        return self._ok.is_set()

    def start(self, wait_s: float = 0.0) -> HttpsPublisher:
        """Start sending in the background (what a previous run left is sent first);
        ``wait_s`` > 0 waits that long for a first accepted request."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="sync-https", daemon=True)
        self._thread.start()
        if wait_s > 0:
            self._ok.wait(wait_s)
        return self

    def store(self, events: Iterable[SyncEvent]) -> int:
        """Commit events to the outbox (one transaction) and wake the sender; returns how
        many were given. An id already stored is not stored or sent again."""
        now = self.clock()
        msgs = [PendingMessage(e.id, self.topic_sync, e.to_bytes(), now) for e in events]
        if msgs:
            self.outbox.store(msgs)
            self._wake.set()
        return len(msgs)

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until the ingest accepted every stored event; False on timeout."""
        deadline = time.monotonic() + timeout_s
        self._wake.set()
        while time.monotonic() < deadline:
            if self.outbox.count_pending() == 0:
                return True
            time.sleep(0.02)
        return self.outbox.count_pending() == 0

    def stop(self, timeout_s: float = 2.0) -> None:
        """Stop sending (a request under way finishes) and close the outbox; what is not
        delivered is sent after the next start."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=self.timeout_s + timeout_s)
            self._thread = None
        self.outbox.close()

    def _loop(self) -> None:
        wait = self.retry_s
        while not self._stop.is_set():
            try:
                sent = self._send_once()
            except Exception as exc:  # noqa: BLE001 - the sender must outlive a bad step
                log.exception("sync sender step failed; retrying")
                self.last_error = f"{type(exc).__name__}: {exc}"
                sent = False
            if sent is None:  # nothing to send: sleep until woken
                self._wake.wait(1.0)
                self._wake.clear()
            elif sent:
                wait = self.retry_s
                self.next_wait_s = 0.0
            else:
                self.next_wait_s = wait
                self._stop.wait(wait)
                wait = min(wait * 2, self.retry_max_s)

    def _batch(self) -> list[PendingMessage]:
        batch: list[PendingMessage] = []
        size = 0
        for msg in self.outbox.pending(limit=MAX_BATCH_EVENTS):
            if batch and size + len(msg.payload) > MAX_BATCH_BYTES:
                break
            batch.append(msg)
            size += len(msg.payload) + 1
        return batch

    def _send_once(self) -> bool | None:
        """One request: None (nothing pending), True (accepted), False (failed)."""
        if time.monotonic() - self._pruned_at > 3600:
            self._pruned_at = time.monotonic()
            self.outbox.prune(self.clock() - self.keep_s)
        batch = self._batch()
        if not batch:
            return None
        self.requests += 1
        try:
            status, answer = post_batch(self.url, [m.payload for m in batch], self.context,
                                        self._token, self.timeout_s)
        except OSError as exc:
            return self._failed(f"{self.url} not reachable: {exc}")
        if status == 200:
            self.outbox.confirm([m.key for m in batch], self.clock())
            self.delivered += len(batch)
            self.last_error = ""
            self._ok.set()
            if answer.get("rejected"):
                log.error("the ingest rejected %d event(s) of a batch as invalid",
                          len(answer["rejected"]))
            return True
        if status == 401 and self.token_file is not None:
            self._token = read_token(self.token_file)  # it may have been rotated
            return self._failed(f"the ingest refused the token (401): check "
                                f"sync.https_token_file {self.token_file}")
        return self._failed(f"the ingest answered HTTP {status} {answer.get('error', '')}")

    def _failed(self, why: str) -> bool:
        self.failures += 1
        if why != self.last_error:
            log.warning("sync upload failed (%s); retrying with back-off", why)
        self.last_error = why
        self._ok.clear()
        return False
