"""The cloud ingest: receives homes' sync events over MQTT or HTTPS and stores each once.

It subscribes to ``<prefix>/+/sync`` (QoS 1) with a persistent session, so events sent
while it is down wait on the broker. Acknowledgements are manual: a PUBACK goes back only
after the event's batch is committed to the store, so an ingest killed between receiving
and storing gets the event again; a second copy is ignored by the store (the id is the
primary key). A message that is not a valid event is counted, logged and acknowledged
(it would never become valid).

:class:`HttpsIngest` takes the same events POSTed over TLS to ``/<prefix>/<home>/sync``
(one event per line, each checked by :func:`parse_event` as an MQTT message is) and answers
200 only after the batch is committed, so the device keeps an event until it is stored.
"""

from __future__ import annotations

import hmac
import json
import logging
import queue
import ssl
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cloud_sync.events import SyncEvent
from cloud_sync.store import EventStore
from health.mqtt_settings import MqttSettings, make_client

log = logging.getLogger(__name__)


@dataclass
class IngestStats:
    received: int = 0
    stored: int = 0
    """New events committed."""
    duplicates: int = 0
    """Copies of events already stored (ignored)."""
    rejected: int = 0
    """Messages that were not valid events."""

    def to_json(self) -> dict[str, int]:
        return {"received": self.received, "stored": self.stored,
                "duplicates": self.duplicates, "rejected": self.rejected}


def parse_event(payload: bytes, topic: str) -> SyncEvent:
    """One event as received on ``<prefix>/<home>/sync`` (an MQTT topic, or the same path of
    the HTTPS ingest): a valid :class:`SyncEvent` whose home is the topic's.

    Raises:
        ValueError: not a valid event, or one of another home.
    """
    event = SyncEvent.from_bytes(payload)
    parts = topic.split("/")
    home = parts[-2] if len(parts) >= 2 else ""
    if event.home != home:
        raise ValueError(f"event home {event.home} differs from its topic's {home}")
    return event


def store_batch(store: EventStore, batch: list[SyncEvent], stats: IngestStats) -> int:
    """Commit valid events once (one transaction) and count them; returns how many were
    new. A database error propagates (nothing counted, the caller retries)."""
    new = store.insert(batch, time.time())
    stats.received += len(batch)
    stats.stored += new
    stats.duplicates += len(batch) - new
    return new


class Ingest:
    """Args: broker (URL), store, prefix (topic prefix of the homes' events), client_id
    (keep it the same across restarts: the broker keeps the session's queue under it),
    batch (most events per commit), linger_s (longest wait to fill a batch, seconds),
    share (an MQTT shared-subscription group: several ingests, each with its own client id,
    split the events between them)."""

    def __init__(self, broker: str, store: EventStore, prefix: str = "eldercare-sync",
                 client_id: str = "eldercare-cloud-ingest", batch: int = 500,
                 linger_s: float = 0.05, share: str | None = None) -> None:
        if batch < 1 or linger_s <= 0:
            raise ValueError("need batch >= 1 and linger_s > 0")
        self.settings = MqttSettings(url=broker, prefix=prefix.split("/")[0], home="ingest",
                                     client_id=client_id)
        if share is not None and (not share or any(c in share for c in "/+#")):
            raise ValueError(f"shared subscription group {share!r} must be a plain word")
        self.topic = f"{prefix}/+/sync" if share is None else f"$share/{share}/{prefix}/+/sync"
        self.store = store
        self.batch = batch
        self.linger_s = linger_s
        self.stats = IngestStats()
        self.db_errors = 0
        """Failed commits (each retried)."""
        self.retry_s = 0.5
        """First wait before retrying a failed commit, seconds (doubles each time)."""
        self.retry_max_s = 10.0
        self._queue: queue.Queue[tuple[int, int, SyncEvent | None]] = queue.Queue()
        self._stop = threading.Event()
        self._connected = threading.Event()
        self._writer: threading.Thread | None = None
        self._client: Any = None
        self.error: BaseException | None = None
        """What stopped the writer thread, if anything did (``run`` raises it)."""

    def start(self, wait_s: float = 5.0) -> Ingest:
        client = make_client(self.settings, self.settings.client_id, clean=False)
        client.manual_ack_set(True)
        client.max_inflight_messages_set(1000)
        client.on_connect = self._on_connect
        client.on_subscribe = self._on_subscribe
        client.on_message = self._on_message
        client.on_disconnect = lambda *a: self._connected.clear()
        self._client = client
        self._writer = threading.Thread(target=self._write_loop, name="ingest-writer",
                                        daemon=True)
        self._writer.start()
        client.connect_async(self.settings.host, self.settings.port, self.settings.keepalive_s)
        client.loop_start()
        if wait_s > 0 and not self._connected.wait(wait_s):
            log.warning("broker %s not reachable yet; retrying", self.settings.redacted())
        return self

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def _on_connect(self, client: Any, userdata: Any, flags: Any, rc: Any, props: Any) -> None:
        if rc.is_failure:
            log.warning("broker refused the ingest: %s", rc)
            return
        # ready only once the broker has acknowledged the subscription: on a first session
        # an event published before that would not be queued for the ingest
        client.subscribe(self.topic, qos=1)

    def _on_subscribe(self, client: Any, userdata: Any, mid: Any, reason_codes: Any,
                      props: Any) -> None:
        refused = [rc for rc in reason_codes if getattr(rc, "is_failure", False)]
        if refused:
            log.error("broker refused the ingest's subscription to %s: %s", self.topic,
                      refused)
            return
        self._connected.set()
        log.info("ingest connected; subscribed to %s", self.topic)

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        if self._stop.is_set():
            return  # not acknowledged: the broker sends it again to the next session
        try:
            event: SyncEvent | None = parse_event(message.payload, message.topic)
        except ValueError as exc:
            self.stats.rejected += 1
            log.warning("rejected a message on %s: %s", message.topic, exc)
            event = None
        self._queue.put((message.mid, message.qos, event))

    def _write_loop(self) -> None:
        try:
            while not (self._stop.is_set() and self._queue.empty()):
                try:
                    first = self._queue.get(timeout=0.1)
                except queue.Empty:
                    continue
                items = [first]
                deadline = time.monotonic() + self.linger_s
                while len(items) < self.batch:
                    left = deadline - time.monotonic()
                    try:
                        items.append(self._queue.get(timeout=max(left, 0.0)) if left > 0
                                     else self._queue.get_nowait())
                    except queue.Empty:
                        break
                self._commit_retrying(items)
        except BaseException as exc:  # the service must not die unseen: run() raises it
            self.error = exc
            log.critical("ingest writer stopped", exc_info=exc)
            self._stop.set()

    def _commit_retrying(self, items: list[tuple[int, int, SyncEvent | None]]) -> None:
        """Commit a batch; a database that is down or busy is retried with back-off (the
        batch stays unacknowledged meanwhile). Stopping while it is still down leaves the
        batch unacknowledged: the broker sends it again to the next session."""
        from sqlalchemy.exc import DBAPIError

        wait = self.retry_s
        while True:
            try:
                self._commit(items)
                return
            except DBAPIError as exc:
                self.db_errors += 1
                log.warning("the event store failed (%s); retrying in %.1f s",
                            str(exc).splitlines()[0], wait)
                if self._stop.wait(wait):
                    log.error("stopping with %d event(s) not stored: the broker keeps them "
                              "for the next session", len(items))
                    return
                wait = min(wait * 2, self.retry_max_s)

    def _commit(self, items: list[tuple[int, int, SyncEvent | None]]) -> None:
        store_batch(self.store, [e for _, _, e in items if e is not None], self.stats)
        client = self._client
        for mid, qos, _ in items:  # acknowledged only now that they are committed
            if qos > 0 and client is not None:
                client.ack(mid, qos)

    def wait_for(self, stored: int, timeout_s: float = 10.0) -> bool:
        """Wait until at least ``stored`` new events are committed."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.stats.stored >= stored:
                return True
            if self.error is not None:
                raise RuntimeError(f"ingest writer stopped: {self.error}") from self.error
            time.sleep(0.02)
        return self.stats.stored >= stored

    def run_until(self, stop: threading.Event) -> None:
        """Block until ``stop`` is set (e.g. by SIGTERM) or the writer fails."""
        while not stop.wait(0.2):
            if self.error is not None:
                raise RuntimeError(f"ingest writer stopped: {self.error}") from self.error

    def stop(self) -> None:
        """Stop receiving, commit what was received, acknowledge it, disconnect."""
        client = self._client
        self._stop.set()  # the subscription stays: the broker queues events for next time
        if self._writer is not None:
            self._writer.join(timeout=30)
        if client is not None:
            client.disconnect()
            client.loop_stop()
        self._client = None
        if self.error is not None:
            raise RuntimeError(f"ingest writer stopped: {self.error}") from self.error


MAX_HTTP_EVENTS = 1000
"""Most events (lines) in one HTTPS request."""
MAX_HTTP_BODY = 8 * 1024 * 1024
"""Largest HTTPS request body, bytes."""


class HttpsIngest:
    """The HTTPS ingest (``eldercare cloud ingest --http HOST:PORT``).

    Args:
        store: where events go. host, port: where it listens (port 0: any free one).
        cert_file, key_file: its TLS certificate chain and key (PEM).
        token_file: file with the bearer token every request must carry (None: none asked).
        prefix: the homes' ``sync.prefix``; requests go to ``/<prefix>/<home>/sync``.

    Answers: 200 ``{"received", "stored", "duplicates", "rejected": [line numbers]}`` after
    the commit (a line that is not a valid event of that home is counted, logged and
    reported, never stored); 401 without the right token (nothing read or stored); 404
    for another path; 411/413 without a length or over the limits; 503 (``Retry-After``)
    when the store fails, so the device sends the batch again.

    Raises:
        OSError: the address cannot be bound, a certificate or token file cannot be read
            (ssl.SSLError for one that is not PEM). ValueError: an unusable token.
    """

    def __init__(self, store: EventStore, host: str, port: int, cert_file: str | Path,
                 key_file: str | Path, token_file: str | Path | None = None,
                 prefix: str = "eldercare-sync") -> None:
        from cloud_sync.uploader import read_token

        self.store = store
        self.prefix = prefix.strip("/")
        self.token = read_token(token_file) if token_file is not None else None
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(str(cert_file), str(key_file))
        self.stats = IngestStats()
        self.unauthorized = 0
        """Requests refused for a missing or wrong token."""
        self.db_errors = 0
        """Batches the store failed to commit (answered 503; the device retries)."""
        self._commit_lock = threading.Lock()
        self._server = ThreadingHTTPServer((host, port), _handler(self))
        self._server.daemon_threads = True
        # the TLS handshake runs in each request's thread, never in the accepting one
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True,
                                                  do_handshake_on_connect=False)
        self._server.handle_error = self._handle_error  # type: ignore[method-assign]
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> HttpsIngest:
        self._thread = threading.Thread(target=self._server.serve_forever, name="https-ingest",
                                        daemon=True)
        self._thread.start()
        return self

    @property
    def serving(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self) -> None:
        """Stop accepting; requests under way finish (their commits are answered)."""
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        exc = sys.exc_info()[1]
        log.warning("HTTPS request from %s failed: %s", client_address[0], exc)

    def authorized(self, header: str | None) -> bool:
        if self.token is None:
            return True
        want = f"Bearer {self.token}".encode()
        return hmac.compare_digest((header or "").encode("utf-8", "replace"), want)

    def topic_of(self, path: str) -> str | None:
        """``<prefix>/<home>/sync`` for a request path of that form, else None."""
        topic = path.split("?", 1)[0].strip("/")
        head, _, rest = topic.partition(f"{self.prefix}/") if self.prefix else ("", "", topic)
        parts = rest.split("/")
        if head or len(parts) != 2 or parts[1] != "sync" or not parts[0]:
            return None
        return topic

    def receive(self, topic: str, body: bytes) -> dict[str, Any]:
        """Validate and commit one request's events; the answer's JSON. A store failure
        propagates (the handler answers 503)."""
        events: list[SyncEvent] = []
        rejected: list[int] = []
        for n, line in enumerate(body.splitlines(), 1):
            if not line.strip():
                continue
            try:
                events.append(parse_event(line, topic))
            except ValueError as exc:
                rejected.append(n)
                log.warning("rejected line %d of a request on %s: %s", n, topic, exc)
        with self._commit_lock:
            new = store_batch(self.store, events, self.stats)
            self.stats.rejected += len(rejected)
        return {"received": len(events), "stored": new, "duplicates": len(events) - new,
                "rejected": rejected}


def _handler(ingest: HttpsIngest) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "eldercare-ingest"
        protocol_version = "HTTP/1.1"
        timeout = 30

        def setup(self) -> None:
            self.request.settimeout(self.timeout)
            self.request.do_handshake()
            super().setup()

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
            log.debug("%s " + format, self.client_address[0], *args)

        def _answer(self, status: int, obj: dict[str, Any],
                    headers: dict[str, str] | None = None) -> None:
            body = json.dumps(obj).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
            topic = ingest.topic_of(self.path)
            if topic is None:
                self.close_connection = True
                self._answer(404, {"error": f"POST to /{ingest.prefix}/<home>/sync"})
                return
            if not ingest.authorized(self.headers.get("Authorization")):
                ingest.unauthorized += 1
                log.warning("refused a request from %s on %s: missing or wrong token",
                            self.client_address[0], topic)
                self.close_connection = True
                self._answer(401, {"error": "missing or wrong bearer token"},
                             {"WWW-Authenticate": "Bearer"})
                return
            try:
                length = int(self.headers.get("Content-Length", ""))
            except ValueError:
                self.close_connection = True
                self._answer(411, {"error": "Content-Length required"})
                return
            if length < 0 or length > MAX_HTTP_BODY:
                self.close_connection = True
                self._answer(413, {"error": f"body over {MAX_HTTP_BODY} bytes"})
                return
            body = self.rfile.read(length)
            if body.count(b"\n") > MAX_HTTP_EVENTS:
                self._answer(413, {"error": f"over {MAX_HTTP_EVENTS} events"})
                return
            from sqlalchemy.exc import DBAPIError

            try:
                answer = ingest.receive(topic, body)
            except DBAPIError as exc:
                ingest.db_errors += 1
                log.warning("the event store failed (%s); answered 503",
                            str(exc).splitlines()[0])
                self._answer(503, {"error": "event store unavailable"}, {"Retry-After": "5"})
                return
            self._answer(200, answer)

    return Handler
