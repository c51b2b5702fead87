"""The HTTPS transport of the sync: the device POSTs its outbox over TLS (a private CA, a
bearer token) to the HTTPS ingest, which stores each event once and answers 200 only after
the commit. A batch sent twice is stored once; a wrong token gets 401, nothing is stored and
the device keeps every event; a server that is down is retried with back-off and gets each
event exactly once when it is up. Real TLS (certificates made here), real SQLite store."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cloud_sync.deid import Pseudonyms
from cloud_sync.events import SyncEvent
from cloud_sync.ingest import HttpsIngest
from cloud_sync.store import EventStore
from cloud_sync.uploader import HttpsPublisher, post_batch
from device.settings import SettingsError, example_config_path, load_settings
from health.broker import EmbeddedBroker

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A private CA and a server certificate it signed for localhost / 127.0.0.1."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder = tmp_path_factory.mktemp("tls")
    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "eldercare test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(minutes=5))
          .not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                       False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca.public_bytes(pem))
    (folder / "cert.pem").write_bytes(cert.public_bytes(pem))
    (folder / "key.pem").write_bytes(key.private_bytes(
        pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    (folder / "token").write_text(TOKEN + "\n")
    return {"ca": folder / "ca.pem", "cert": folder / "cert.pem", "key": folder / "key.pem",
            "token": folder / "token"}


def _events(n: int, tag: str = "e") -> list[SyncEvent]:
    p = Pseudonyms(b"s" * 32)
    home = p.of("home", "h")
    return [SyncEvent(p.of("event", f"{tag}{i}", 32), home, "alert", 3600,
                      {"type": "spoken_fall", "level": "urgent"}) for i in range(n)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server(tls: dict[str, Path], store: EventStore, port: int = 0) -> HttpsIngest:
    return HttpsIngest(store, "127.0.0.1", port, tls["cert"], tls["key"], tls["token"]).start()


def _publisher(tls: dict[str, Path], port: int, tmp_path: Path, token: Path | None = None,
               **kw: Any) -> HttpsPublisher:
    home = _events(1)[0].home
    return HttpsPublisher(f"https://localhost:{port}", "eldercare-sync", home,
                          tmp_path / "sync-outbox.sqlite", ca_file=tls["ca"],
                          token_file=token or tls["token"], **kw)


def test_a_batch_sent_twice_is_stored_once(tls: dict[str, Path], tmp_path: Path) -> None:
    store = EventStore(tmp_path / "cloud.sqlite")
    server = _server(tls, store)
    pub = _publisher(tls, server.port, tmp_path).start()
    try:
        events = _events(5)
        pub.store(events)
        assert pub.flush(10) and pub.connected
        assert store.count() == 5 and server.stats.stored == 5
        assert pub.outbox.count_pending() == 0  # delivered only on the 200
        # the same batch again (a device whose 200 was lost): 200, nothing new stored
        status, answer = post_batch(pub.url, [e.to_bytes() for e in events], pub.context,
                                    TOKEN)
        assert status == 200 and answer["duplicates"] == 5 and answer["stored"] == 0
        assert store.count() == 5
        # validated as on MQTT: not JSON, another home's event on this path
        other = SyncEvent(events[0].id[::-1], "ab" * 8, "alert", 3600, {})
        status, answer = post_batch(pub.url, [b"{nope", other.to_bytes(),
                                              _events(1, "new")[0].to_bytes()],
                                    pub.context, TOKEN)
        assert status == 200 and answer["rejected"] == [1, 2] and answer["stored"] == 1
        assert store.count() == 6 and server.stats.rejected == 2
        status, _ = post_batch(pub.url.replace("/sync", "/other"), [], pub.context, TOKEN)
        assert status == 404
    finally:
        pub.stop()
        server.stop()
        store.close()


def test_a_wrong_token_gets_401_and_loses_nothing(tls: dict[str, Path], tmp_path: Path,
                                                  wait_until: Any) -> None:
    store = EventStore(tmp_path / "cloud.sqlite")
    server = _server(tls, store)
    wrong = tmp_path / "token"
    wrong.write_text("not-the-right-token\n")
    pub = _publisher(tls, server.port, tmp_path, token=wrong, retry_s=0.05,
                     retry_max_s=0.2).start()
    try:
        pub.store(_events(3))
        assert wait_until(lambda: server.unauthorized >= 2, 10.0)
        assert "401" in pub.last_error and not pub.connected
        assert store.count() == 0 and server.stats.received == 0
        assert pub.outbox.count_pending() == 3  # kept on the device
        wrong.write_text(TOKEN)  # the token is put right: read again after a 401
        assert pub.flush(10)
        assert store.count() == 3 and server.stats.duplicates == 0
    finally:
        pub.stop()
        server.stop()
        store.close()


def test_a_server_that_is_down_gets_each_event_once_when_up(tls: dict[str, Path],
                                                            tmp_path: Path,
                                                            wait_until: Any) -> None:
    port = _free_port()
    pub = _publisher(tls, port, tmp_path, retry_s=0.05, retry_max_s=0.4).start()
    store = EventStore(tmp_path / "cloud.sqlite")
    server = None
    try:
        pub.store(_events(4))
        # 0.05 doubled up to the longest wait
        assert wait_until(lambda: pub.next_wait_s == 0.4, 10.0)
        assert pub.failures >= 4
        assert "not reachable" in pub.last_error and pub.outbox.count_pending() == 4
        server = _server(tls, store, port)
        assert pub.flush(10)
        assert store.count() == 4
        assert server.stats.received == 4 and server.stats.duplicates == 0  # exactly once
        assert pub.delivered == 4
    finally:
        pub.stop()
        if server is not None:
            server.stop()
        store.close()


def test_an_untrusted_certificate_is_refused(tls: dict[str, Path], tmp_path: Path,
                                            wait_until: Any) -> None:
    store = EventStore(tmp_path / "cloud.sqlite")
    server = _server(tls, store)
    home = _events(1)[0].home
    pub = HttpsPublisher(f"https://localhost:{server.port}", "eldercare-sync", home,
                         tmp_path / "o.sqlite", ca_file=None, token_file=tls["token"],
                         retry_s=0.05).start()  # the system CAs do not know the test CA
    try:
        pub.store(_events(1))
        assert wait_until(lambda: pub.failures >= 1, 10.0)
        assert "CERTIFICATE_VERIFY_FAILED" in pub.last_error
        assert store.count() == 0 and pub.outbox.count_pending() == 1
    finally:
        pub.stop()
        server.stop()
        store.close()


def test_https_settings_are_checked(tls: dict[str, Path], tmp_path: Path) -> None:
    base = example_config_path()
    s = load_settings(base, None, ["sync.transport=https",
                                   "sync.https_url=https://cloud.example:8443",
                                   f"sync.https_ca_file={tls['ca']}"])
    assert s.sync.transport == "https"
    for sets, match in ((["sync.transport=https"], "https_url"),
                        (["sync.transport=ftp"], "transport"),
                        (["sync.https_url=https://x"], "transport is mqtt"),
                        (["sync.transport=https", "sync.https_url=http://x"], "https://"),
                        (["sync.ack_horizon_s=5"], "ack_horizon_s")):
        with pytest.raises(SettingsError, match=match):
            load_settings(base, None, sets)
    missing = load_settings(base, None, [
        "sync.enabled=true", "sync.transport=https", "sync.https_url=https://x",
        f"sync.https_token_file={tmp_path / 'nope'}"])
    with pytest.raises(SettingsError, match="https_token_file"):
        missing.check_files()
    empty = tmp_path / "empty"
    empty.write_text("  \n")
    with pytest.raises(ValueError, match="token file"):
        _publisher(tls, 1, tmp_path, token=empty)


def test_run_sends_its_alert_over_https(broker: EmbeddedBroker, keyword_intent: Path,
                                        tls: dict[str, Path], tmp_path: Path,
                                        scenario_play: Any, wait_until: Any) -> None:
    store = EventStore(tmp_path / "cloud.sqlite")
    server = _server(tls, store)
    try:
        played = scenario_play.play(tmp_path, broker.url, keyword_intent, [
            {"at": "2026-11-30T08:00:00", "say": "I fell down"},
            {"at": "+60", "ack": "last", "by": "Anna"}],
            sets=("sync.enabled=true", "sync.interval_s=600", "sync.transport=https",
                  f"sync.https_url=https://localhost:{server.port}",
                  f"sync.https_ca_file={tls['ca']}", f"sync.https_token_file={tls['token']}"))
        assert played.summary["errors"] == 0
        assert wait_until(lambda: {"alert", "alert_ack"} <= {e.kind for e in store.rows()},
                          10.0)
        (ack,) = [e for e in store.rows() if e.kind == "alert_ack"]
        assert ack.data["acked"] and ack.data["ack_delay_s"] == 60
    finally:
        server.stop()
        store.close()


def test_cloud_ingest_cli_serves_https(tls: dict[str, Path], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cloud.sqlite'}"
    bad = subprocess.run([sys.executable, "-m", "device", "cloud", "ingest", "--db", db,
                          "--http", "127.0.0.1:0"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=False)
    assert bad.returncode != 0 and "eldercare: error: --http needs --tls-cert" in bad.stderr
    proc = subprocess.Popen([sys.executable, "-m", "device", "cloud", "ingest", "--db", db,
                             "--http", "127.0.0.1:0", "--tls-cert", str(tls["cert"]),
                             "--tls-key", str(tls["key"]), "--token-file", str(tls["token"])],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None
        started = json.loads(proc.stdout.readline())
        url = started["https"].rpartition("/eldercare-sync/")[0]
        pub = _publisher(tls, int(url.rpartition(":")[2]), tmp_path)
        events = [e.to_bytes() for e in _events(2)]
        assert post_batch(pub.url, events, pub.context, TOKEN)[0] == 200
        assert post_batch(pub.url, events, pub.context, "wrong-token-here")[0] == 401
        pub.stop()
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    stopped = json.loads(out.splitlines()[-1])
    assert stopped["ingest"] == "stopped" and stopped["stored"] == 2
    assert stopped["unauthorized"] == 1
