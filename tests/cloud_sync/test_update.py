"""Updates over MQTT: a retained notice on a real mosquitto, the bundle fetched from a real
HTTP server on loopback, installed through the same path, the result on the status topic."""

from __future__ import annotations

import functools
import json
import queue
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from cloud_sync.slots import install, status
from cloud_sync.update import UpdateAgent, UpdateNotice, notice_for, publish_notice
from device.cli import main
from health.mqtt_settings import MqttSettings, make_client

from .conftest import repack


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def http_dir(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    folder = tmp_path / "www"
    folder.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _status_listener(settings: MqttSettings) -> tuple[object, queue.Queue[dict]]:
    got: queue.Queue[dict] = queue.Queue()
    ready = threading.Event()
    client = make_client(settings)
    client.on_connect = lambda c, *_: c.subscribe(settings.topic("status", "update"), qos=1)
    client.on_subscribe = lambda *_: ready.set()
    client.on_message = lambda _c, _u, msg: got.put(json.loads(msg.payload))
    client.connect(settings.host, settings.port)
    client.loop_start()
    assert ready.wait(10)
    return client, got


def _next(got: queue.Queue[dict], version: str) -> dict:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            report = got.get(timeout=1)
        except queue.Empty:
            continue
        if report["version"] == version:
            return report
    pytest.fail(f"no status report for {version}")


def test_a_newer_notice_is_fetched_installed_and_reported(broker, http_dir, tmp_path: Path,
                                                          keys: Path, make_bundle,
                                                          capsys) -> None:  # type: ignore[no-untyped-def]
    www, base = http_dir
    settings = MqttSettings(broker.url, home="flat7")
    root = tmp_path / "root"
    install(make_bundle("1.0"), root, keys / "public.pem")
    for version in ("2.0", "1.5"):
        (www / f"b-{version}.tar").write_bytes(make_bundle(version).read_bytes())
    bad = repack(make_bundle("3.0"), www / "b-3.0.tar", _tamper)

    listener, got = _status_listener(settings)
    agent = UpdateAgent(settings, root, keys / "public.pem")
    agent.start()
    try:
        # the technician's side: announce through the command line (retained)
        rc = main(["bundle", "announce", str(www / "b-2.0.tar"), "--url", f"{base}/b-2.0.tar",
                   "--mqtt", broker.url, "--home", "flat7", "--pubkey",
                   str(keys / "public.pem")])
        announced = json.loads(capsys.readouterr().out)
        assert rc == 0 and announced["topic"] == "eldercare/flat7/update"
        report = _next(got, "2.0")
        assert (report["result"], report["active_version"]) == ("ok", "2.0"), report
        assert status(root)["version"] == "2.0"

        publish_notice(settings, notice_for(www / "b-1.5.tar", f"{base}/b-1.5.tar"))
        publish_notice(settings, notice_for(bad, f"{base}/b-3.0.tar"))
        report = _next(got, "3.0")
        assert report["result"] == "refused" and "sha256 does not match" in report["reason"]
        assert report["active_version"] == "2.0"
        assert [r.result for r in agent.reports] == ["ok", "skipped", "refused"]
        assert "not newer" in agent.reports[1].reason
        # a notice whose file is not the announced one: refused before any install
        wrong = UpdateNotice("4.0", "0" * 64, f"{base}/b-2.0.tar")
        publish_notice(settings, wrong)
        report = _next(got, "4.0")
        assert report["result"] == "fetch_failed" and "announced sha256" in report["reason"]
        missing = UpdateNotice("5.0", "1" * 64, f"{base}/nowhere.tar")
        publish_notice(settings, missing)
        assert _next(got, "5.0")["result"] == "fetch_failed"
        # a malformed notice is refused and reported; the agent keeps watching
        pub = make_client(settings)
        pub.connect(settings.host, settings.port)
        pub.loop_start()
        pub.publish(settings.topic("update"), "[" * 100000, qos=1, retain=True).wait_for_publish(10)
        pub.disconnect()
        pub.loop_stop()
        report = _next(got, "?")
        assert report["result"] == "refused" and "bad notice" in report["reason"]
        publish_notice(settings, notice_for(www / "b-1.5.tar", f"{base}/b-1.5.tar"))
        deadline = time.monotonic() + 60
        while len(agent.reports) < 6 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert agent.reports[-1].result == "skipped"
    finally:
        agent.stop()
        listener.disconnect()  # type: ignore[attr-defined]
    st = status(root)
    assert (st["active"], st["version"]) == ("b", "2.0")
    assert not list((root / "downloads").glob("*"))


def _tamper(members: list) -> None:
    for i, (m, data) in enumerate(members):
        if m.name == "payload/intent/tokenizer.json":
            members[i] = (m, data.replace(b"[UNK]", b"[UNQ]", 1))


def test_notice_round_trip_and_refusals() -> None:
    n = UpdateNotice("1.2.3", "a" * 64, "http://127.0.0.1/b.tar", "jetson", 10)
    assert UpdateNotice.from_json(json.loads(json.dumps(n.to_json()))) == n
    for bad, why in (({"version": "x", "sha256": "a" * 64, "url": "http://h/b"}, "version"),
                     ({"version": "1", "sha256": "zz", "url": "http://h/b"}, "sha256"),
                     ({"version": "1", "sha256": "a" * 64, "url": "ftp://h/b"}, "url"),
                     ({"version": "1", "sha256": "a" * 64}, "missing")):
        with pytest.raises(ValueError, match=why):
            UpdateNotice.from_json(bad)
