"""The cloud ingest: receives homes' sync events over MQTT and stores each once.

It subscribes to ``<prefix>/+/sync`` (QoS 1) with a persistent session, so events sent
while it is down wait on the broker. Acknowledgements are manual: a PUBACK goes back only
after the event's batch is committed to the store, so an ingest killed between receiving
and storing gets the event again; a second copy is ignored by the store (the id is the
primary key). A message that is not a valid event is counted, logged and acknowledged
(it would never become valid).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass
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
        client.subscribe(self.topic, qos=1)
        self._connected.set()
        log.info("ingest connected; subscribed to %s", self.topic)

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        if self._stop.is_set():
            return  # not acknowledged: the broker sends it again to the next session
        try:
            event: SyncEvent | None = SyncEvent.from_bytes(message.payload)
            assert event is not None
            home = message.topic.split("/")[-2]
            if event.home != home:
                raise ValueError(f"event home {event.home} differs from its topic's {home}")
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
        batch = [e for _, _, e in items if e is not None]
        new = self.store.insert(batch, time.time())
        self.stats.received += len(batch)
        self.stats.stored += new
        self.stats.duplicates += len(batch) - new
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
