"""Updates over MQTT: a retained notice (version, sha256, url) on ``<prefix>/<home>/update``;
a device that sees a newer bundle for its target fetches it, installs it through the same
path as `eldercare bundle install` (verify, inactive slot, switch, self-test, switch back on
failure), and reports the result, retained, on ``<prefix>/<home>/status/update``.

The notice is only a hint: the fetched file must have the announced sha256, and then the
bundle's own signature and hashes decide. A notice whose bundle already failed here is not
retried until a different bundle is announced (a retained notice comes back at every
reconnect)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cloud_sync.manifest import TARGETS, BundleError, version_key
from cloud_sync.selftest import SelfTestReport, selftest_in_child

__all__ = ["UpdateNotice", "UpdateReport", "UpdateAgent", "notice_for", "publish_notice",
           "fetch_bundle", "FetchError", "NOTICE_TOPIC", "STATUS_TOPIC"]

log = logging.getLogger(__name__)
NOTICE_TOPIC = ("update",)
STATUS_TOPIC = ("status", "update")
MAX_BUNDLE_BYTES = 4 * 2**30
_SHA = re.compile(r"^[0-9a-f]{64}$")


class FetchError(OSError):
    """The announced bundle could not be fetched, or is not the announced file."""


@dataclass(frozen=True)
class UpdateNotice:
    """The retained update notice."""

    version: str
    sha256: str
    """Hex sha256 of the bundle file (.tar)."""
    url: str
    """Where to fetch it: http://, https:// or file://."""
    target: str = "cpu"
    size: int | None = None
    """Bytes of the bundle file."""

    def __post_init__(self) -> None:
        version_key(self.version)
        if not _SHA.match(self.sha256):
            raise ValueError("update notice: sha256 must be 64 lower-case hex digits")
        if not self.url.startswith(("http://", "https://", "file://")):
            raise ValueError(f"update notice: url {self.url!r} must be http(s):// or file://")
        if self.target not in TARGETS:
            raise ValueError(f"update notice: target {self.target!r} not one of {TARGETS}")
        if self.size is not None and not 0 < self.size <= MAX_BUNDLE_BYTES:
            raise ValueError(f"update notice: size {self.size} out of range")

    def to_json(self) -> dict[str, Any]:
        return {"version": self.version, "sha256": self.sha256, "url": self.url,
                "target": self.target, "size": self.size}

    @classmethod
    def from_json(cls, obj: Any) -> UpdateNotice:
        if not isinstance(obj, dict):
            raise ValueError("update notice must be a JSON object")
        try:
            size = obj.get("size")
            return cls(version=str(obj["version"]), sha256=str(obj["sha256"]),
                       url=str(obj["url"]), target=str(obj.get("target", "cpu")),
                       size=None if size is None else int(size))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"update notice: missing or invalid field ({exc})") from None


@dataclass(frozen=True)
class UpdateReport:
    """What the device did with a notice (published, retained, on the status topic)."""

    version: str
    result: str
    """ok | rolled_back | refused | fetch_failed | skipped | error"""
    reason: str = ""
    active: str | None = None
    """The active slot afterwards."""
    active_version: str | None = None
    at: str = ""
    """UTC, ISO 8601."""

    def to_json(self) -> dict[str, Any]:
        return {"version": self.version, "result": self.result, "reason": self.reason,
                "active": self.active, "active_version": self.active_version, "at": self.at}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> UpdateReport:
        return cls(version=str(obj["version"]), result=str(obj["result"]),
                   reason=str(obj.get("reason", "")), active=obj.get("active"),
                   active_version=obj.get("active_version"), at=str(obj.get("at", "")))


def notice_for(bundle: str | Path, url: str, pubkey: str | Path | None = None) -> UpdateNotice:
    """The notice for a bundle file (its manifest verified first when `pubkey` is given)."""
    from cloud_sync.verify import hash_file, verify_bundle

    path = Path(bundle)
    if pubkey is not None:
        manifest = verify_bundle(path, pubkey)
    else:
        import tarfile

        from cloud_sync.manifest import MANIFEST_NAME, Manifest

        with tarfile.open(path, "r:") as tar:
            f = tar.extractfile(MANIFEST_NAME)
            if f is None:
                raise BundleError(f"{path} has no {MANIFEST_NAME}")
            manifest = Manifest.from_bytes(f.read())
    digest, size = hash_file(path)
    return UpdateNotice(manifest.version, digest, url, manifest.target, size)


def publish_notice(settings: Any, notice: UpdateNotice, timeout_s: float = 10.0) -> str:
    """Publish the notice retained (QoS 1) on the home's update topic; returns the topic."""
    topic = settings.topic(*NOTICE_TOPIC)
    _publish_once(settings, topic, json.dumps(notice.to_json()), timeout_s)
    return topic


def _publish_once(settings: Any, topic: str, payload: str, timeout_s: float) -> None:
    from health.mqtt_settings import make_client

    client = make_client(settings)
    try:
        client.connect(settings.host, settings.port, settings.keepalive_s)
    except OSError as exc:
        raise ConnectionError(f"cannot reach the broker {settings.host}:{settings.port}: "
                              f"{exc}") from None
    client.loop_start()
    try:
        info = client.publish(topic, payload, qos=1, retain=True)
        info.wait_for_publish(timeout=timeout_s)
        if not info.is_published():
            raise ConnectionError(f"the broker did not take {topic} within {timeout_s:.0f} s")
    finally:
        client.disconnect()
        client.loop_stop()


def fetch_bundle(notice: UpdateNotice, dest_dir: Path, timeout_s: float = 60.0) -> Path:
    """Download the announced bundle to dest_dir; FetchError unless it is the announced file."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"bundle-{notice.version}-{notice.sha256[:12]}.tar"
    partial = dest.with_name(dest.name + ".partial")
    limit = notice.size or MAX_BUNDLE_BYTES
    h, got = hashlib.sha256(), 0
    try:
        with urllib.request.urlopen(notice.url, timeout=timeout_s) as resp, \
                open(partial, "wb") as out:
            while chunk := resp.read(1 << 20):
                got += len(chunk)
                if got > limit:
                    raise FetchError(f"{notice.url} is larger than the announced {limit} bytes")
                h.update(chunk)
                out.write(chunk)
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        partial.unlink(missing_ok=True)
        raise FetchError(f"cannot fetch {notice.url}: {exc}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if h.hexdigest() != notice.sha256:
        partial.unlink(missing_ok=True)
        raise FetchError(f"{notice.url} does not have the announced sha256 ({got} bytes "
                         "fetched)")
    os.replace(partial, dest)
    return dest


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class UpdateAgent:
    """Watch the update topic and install newer bundles (see the module docstring).

    Args:
        settings: health.mqtt_settings.MqttSettings of the home.
        root: the bundle root (A/B slots).
        pubkey: the Ed25519 public key bundles must be signed with.
        target: this device's target ("cpu" or "jetson"); other bundles are skipped.
        download_dir: where fetched bundles go (default ROOT/downloads); each is removed
            after its install.
        on_installed: called with the install result after a successful install (e.g. to
            restart the runtime on the new slot).
    """

    def __init__(self, settings: Any, root: str | Path, pubkey: str | Path,
                 target: str = "cpu", download_dir: str | Path | None = None,
                 selftest: Callable[[Path], SelfTestReport] = selftest_in_child,
                 on_installed: Callable[[dict[str, Any]], None] | None = None) -> None:
        if target not in TARGETS:
            raise ValueError(f"target {target!r} not one of {', '.join(TARGETS)}")
        if not Path(pubkey).is_file():
            raise FileNotFoundError(f"public key not found: {pubkey}")
        self.settings = settings
        self.root = Path(root)
        self.pubkey = Path(pubkey)
        self.target = target
        self.download_dir = Path(download_dir) if download_dir else self.root / "downloads"
        self.selftest = selftest
        self.on_installed = on_installed
        self.reports: list[UpdateReport] = []
        self._failed: set[str] = set()
        self._queue: queue.Queue[UpdateNotice | UpdateReport | None] = queue.Queue()
        self._client: Any = None
        self._worker: threading.Thread | None = None

    # -- the decision, callable without MQTT --------------------------------------------
    def handle(self, notice: UpdateNotice) -> UpdateReport:
        """Act on one notice; returns (and keeps) the report."""
        from cloud_sync.slots import install, status

        self.root.mkdir(parents=True, exist_ok=True)
        before = status(self.root)
        current = before.get("version")

        def report(result: str, reason: str = "") -> UpdateReport:
            after = status(self.root)
            r = UpdateReport(notice.version, result, reason, after.get("active"),
                             after.get("version"), _now())
            self.reports.append(r)
            return r

        if notice.target != self.target:
            return report("skipped", f"bundle for {notice.target}; this device is "
                                     f"{self.target}")
        if current is not None and version_key(notice.version) <= version_key(current):
            return report("skipped", f"version {notice.version} is not newer than the "
                                     f"active {current}")
        if notice.sha256 in self._failed:
            return report("skipped", "this bundle already failed here; waiting for another")
        try:
            path = fetch_bundle(notice, self.download_dir)
        except FetchError as exc:
            return report("fetch_failed", str(exc))
        try:
            result = install(path, self.root, self.pubkey, selftest=self.selftest)
        except BundleError as exc:
            self._failed.add(notice.sha256)
            rolled = "self-test failed" in str(exc)
            return report("rolled_back" if rolled else "refused", str(exc))
        finally:
            path.unlink(missing_ok=True)
        if self.on_installed is not None:
            self.on_installed(result)
        return report("ok", f"installed in slot {result['slot']}")

    # -- MQTT -------------------------------------------------------------------------
    def start(self, timeout_s: float = 10.0) -> None:
        """Connect, subscribe to the notice topic and start the worker."""
        from health.mqtt_settings import make_client, start_subscriber

        subscribed = threading.Event()
        topic = self.settings.topic(*NOTICE_TOPIC)
        client = make_client(self.settings, clean=True)

        def on_connect(c: Any, _u: Any, _f: Any, rc: Any, _p: Any = None) -> None:
            if not rc.is_failure:
                c.subscribe(topic, qos=1)

        def on_subscribe(*_a: Any) -> None:
            subscribed.set()

        def on_message(_c: Any, _u: Any, msg: Any) -> None:
            if not msg.payload:
                return  # a cleared retained notice
            try:
                self._queue.put(UpdateNotice.from_json(json.loads(msg.payload)))
            except (ValueError, RecursionError) as exc:  # JSONDecodeError; deep nesting
                log.error("update notice on %s refused: %s", msg.topic, exc)
                # published by the worker: this is the network thread, which must not wait
                self._queue.put(UpdateReport("?", "refused", f"bad notice: {exc}", at=_now()))

        client.on_connect, client.on_subscribe, client.on_message = (on_connect, on_subscribe,
                                                                     on_message)
        self._client = client
        self._worker = threading.Thread(target=self._work, name="bundle-updates", daemon=True)
        self._worker.start()
        try:
            start_subscriber(client, self.settings, subscribed, timeout_s, "the update agent")
        except ConnectionError:
            self.stop()
            raise

    def _work(self) -> None:
        while True:
            notice = self._queue.get()
            if notice is None:
                return
            if isinstance(notice, UpdateReport):
                self._publish(notice)
                continue
            try:
                report = self.handle(notice)
            except Exception as exc:  # noqa: BLE001 - report it, keep watching for the next
                log.exception("update %s failed", notice.version)
                report = UpdateReport(notice.version, "error", f"{type(exc).__name__}: {exc}",
                                      at=_now())
            log.warning("update %s: %s %s", notice.version, report.result, report.reason)
            if report.result != "skipped" or not self.reports[:-1]:
                self._publish(report)

    def _publish(self, report: UpdateReport) -> None:
        if self._client is None:
            return
        info = self._client.publish(self.settings.topic(*STATUS_TOPIC),
                                    json.dumps(report.to_json()), qos=1, retain=True)
        info.wait_for_publish(timeout=10)

    def stop(self) -> None:
        self._queue.put(None)
        if self._worker is not None:
            self._worker.join(timeout=600)
        if self._client is not None:
            self._client.disconnect()
            self._client.loop_stop()
            self._client = None
