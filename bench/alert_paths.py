"""The durable alert path against a bare paho-mqtt QoS 1 publish, through the same
mosquitto, to the same persistent-session subscriber (part of `eldercare bench alerts`).

- ``durable``: :meth:`health.alerting.AlertService.raise_alert` (stored in the SQLite
  outbox, then published at QoS 1, retried until the broker acknowledges it);
- ``bare_qos1``: ``paho.mqtt.client.Client.publish(topic, payload, qos=1)`` on a client
  with automatic reconnect, what an application without an outbox does.

Each path publishes from its own child process (so it can be killed) in three scenarios:

1. ``steady``: the broker up; latency from the call's start to the subscriber's receipt;
2. ``broker_restart``: the broker stopped mid-stream for ``down_s`` and started again;
3. ``kill9``: the publisher killed with SIGKILL mid-stream, then started again once on the
   same files (the durable path resends what its outbox holds; a bare client has nothing);
4. ``kill9_outage``: the same, but the broker is stopped ``down_s`` before the kill and
   started after it (a power cut during a network outage).

``lost`` counts messages whose publishing call returned in the publisher but that the
subscriber never received, after a generous settle time.

Run as ``python -m bench.alert_paths PATH URL HOME OUTBOX N RATE`` it is the publisher:
``ready``, then one ``sent KEY T`` line per call that returned, then ``done``; it stays
until its stdin closes (``N`` 0: only recover the outbox and flush it).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

PATHS = ("durable", "bare_qos1")
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PathsConfig:
    """Sizes of the comparison (messages and messages per second per scenario)."""

    steady: int = 500
    restart: int = 2000
    kill: int = 2000
    rate: float = 500.0
    down_s: float = 1.0
    settle_s: float = 15.0

    @classmethod
    def preset(cls, quick: bool) -> PathsConfig:
        return cls(200, 600, 600, 300.0, 0.5, 10.0) if quick else cls()


class _Subscriber:
    """One persistent-session QoS 1 subscriber on both paths' topics: first receipt time
    (time.time) of each key."""

    def __init__(self, settings: Any) -> None:
        from health.mqtt_settings import make_client, start_subscriber

        self.received: dict[str, float] = {}
        self._lock = threading.Lock()
        subscribed = threading.Event()
        self.client = make_client(settings, f"bench-sub-{uuid.uuid4().hex[:8]}", clean=False)
        topics = [(settings.topic("alerts"), 1), (settings.topic("bare"), 1)]

        def on_connect(client: Any, _u: Any, _f: Any, rc: Any, _p: Any = None) -> None:
            if not rc.is_failure:
                client.subscribe(topics)

        def on_subscribe(*_a: Any) -> None:
            subscribed.set()

        def on_message(_c: Any, _u: Any, msg: Any) -> None:
            now = time.time()
            obj = json.loads(msg.payload)
            key = str(obj.get("id") or obj.get("k"))
            with self._lock:
                self.received.setdefault(key, now)

        self.client.on_connect = on_connect
        self.client.on_subscribe = on_subscribe
        self.client.on_message = on_message
        start_subscriber(self.client, settings, subscribed, 20.0, "the bench subscriber")

    def wait_for(self, keys: set[str], timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._lock:
                if keys <= set(self.received):
                    return
            time.sleep(0.05)

    def stop(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()


class _Publisher:
    def __init__(self, path: str, url: str, home: str, outbox: Path, n: int, rate: float):
        self.sent: dict[str, float] = {}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.alert_paths", path, url, home, str(outbox), str(n),
             str(rate)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert self.proc.stdout is not None
        self.done = threading.Event()
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if not self.ready.wait(60):
            self.proc.kill()
            raise OSError(f"the {path} publisher did not start (see its stderr)")

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            parts = line.split()
            if parts[:1] == ["ready"]:
                self.ready.set()
            elif parts[:1] == ["sent"]:
                self.sent[parts[1]] = float(parts[2])
            elif parts[:1] == ["done"]:
                self.done.set()

    def finish(self, timeout_s: float = 60.0) -> None:
        """Close its stdin (it flushes and exits) and wait."""
        assert self.proc.stdin is not None
        self.done.wait(timeout_s)
        self.proc.stdin.close()
        self.proc.wait(timeout=timeout_s)
        self._reader.join(5)

    def kill9(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._reader.join(5)


def _scenario(kind: str, path: str, broker: Any, settings: Any, sub: _Subscriber, work: Path,
              n: int, cfg: PathsConfig) -> dict[str, Any]:
    outbox = work / f"{path}-{kind}.db"
    pub = _Publisher(path, broker.url, settings.home, outbox, n, cfg.rate)
    mid = n / cfg.rate / 2
    if kind == "broker_restart":
        time.sleep(mid)
        broker.restart(down_s=cfg.down_s)
        pub.finish()
    elif kind in ("kill9", "kill9_outage"):
        time.sleep(mid)
        if kind == "kill9_outage":  # the broker unreachable while the publisher dies
            broker.stop()
            time.sleep(cfg.down_s)
        pub.kill9()
        if kind == "kill9_outage":
            broker.start()
        if path == "durable":  # started again on the same outbox: what it holds goes out
            _Publisher(path, broker.url, settings.home, outbox, 0, cfg.rate).finish()
    else:
        pub.finish()
    sent = dict(pub.sent)
    sub.wait_for(set(sent), cfg.settle_s)
    got = {k: sub.received[k] for k in sent if k in sub.received}
    lat = [(got[k] - t) * 1000.0 for k, t in sent.items() if k in got]
    return {"sent": len(sent), "received": len(got), "lost": len(sent) - len(got),
            "latency_ms": lat}


def run_paths(broker: Any, cfg: PathsConfig, work: Path | None = None) -> dict[str, Any]:
    """Both paths through ``broker`` (a running EmbeddedBroker) in the three scenarios."""
    from bench.figures import percentile
    from health.mqtt_settings import MqttSettings

    work = work or Path(tempfile.mkdtemp(prefix="eldercare-paths-"))
    settings = MqttSettings(broker.url, prefix="eldercare", home="paths")
    sub = _Subscriber(settings)
    out: dict[str, Any] = {}
    try:
        for path in PATHS:
            steady = _scenario("steady", path, broker, settings, sub, work, cfg.steady, cfg)
            restart = _scenario("broker_restart", path, broker, settings, sub, work,
                                cfg.restart, cfg)
            kill = _scenario("kill9", path, broker, settings, sub, work, cfg.kill, cfg)
            kill_out = _scenario("kill9_outage", path, broker, settings, sub, work, cfg.kill,
                                 cfg)
            lat = steady["latency_ms"]
            out[path] = {
                "latency_ms_p50": _r(percentile(lat, 50)), "latency_ms_p99": _r(
                    percentile(lat, 99)), "sent_steady": steady["sent"],
                "lost_steady": steady["lost"],
                "sent_broker_restart": restart["sent"], "lost_broker_restart": restart["lost"],
                "sent_kill9": kill["sent"], "lost_kill9": kill["lost"],
                "sent_kill9_outage": kill_out["sent"], "lost_kill9_outage": kill_out["lost"]}
    finally:
        sub.stop()
    d, b = out["durable"]["latency_ms_p50"], out["bare_qos1"]["latency_ms_p50"]
    return {"paths": out, "config": asdict(cfg),
            "latency_overhead_ms_p50": None if d is None or b is None else round(d - b, 3)}


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 3)


def publisher_main(argv: list[str]) -> int:
    from health.alerting import AlertService
    from health.mqtt_settings import MqttSettings, make_client

    path, url, home, outbox, n_s, rate_s = argv
    n, rate = int(n_s), float(rate_s)
    settings = MqttSettings(url, prefix="eldercare", home=home)
    if path == "durable":
        svc = AlertService(settings, Path(outbox)).start(wait_s=10)

        def send(i: int) -> str | None:
            a = svc.raise_alert("fall", "emergency", "bench", "r0", key=f"{os.getpid()}-{i}")
            return None if a is None else a.id
    else:
        client = make_client(settings, f"bench-bare-{uuid.uuid4().hex[:8]}", clean=True)
        connected = threading.Event()
        client.on_connect = lambda *a: connected.set()
        client.connect_async(settings.host, settings.port, settings.keepalive_s)
        client.loop_start()
        connected.wait(10)
        topic = settings.topic("bare")

        def send(i: int) -> str | None:
            key = f"bare-{os.getpid()}-{i}"
            client.publish(topic, json.dumps({"k": key}), qos=1)
            return key
    print("ready", flush=True)
    t0 = time.monotonic()
    for i in range(n):
        lag = t0 + i / rate - time.monotonic()
        if lag > 0:
            time.sleep(lag)
        t = time.time()
        key = send(i)
        if key is not None:
            print(f"sent {key} {t:.6f}", flush=True)
    print("done", flush=True)
    sys.stdin.read()
    if path == "durable":
        svc.flush(30)
        svc.stop()
    else:
        time.sleep(2.0)  # what paho still holds gets its chance to go out
        client.loop_stop()
        client.disconnect()
    return 0


if __name__ == "__main__":
    sys.exit(publisher_main(sys.argv[1:]))
