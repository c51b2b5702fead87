"""Username/password and TLS (mqtts) against a real mosquitto configured for both."""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from health.alerting import AlertService
from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient
from health.mqtt_settings import MqttSettings


def _cert(subject: str, key: ec.EllipticCurvePrivateKey, issuer: x509.Name,
          signer: ec.EllipticCurvePrivateKey, ca: bool) -> x509.Certificate:
    now = dt.datetime.now(dt.timezone.utc)
    b = (x509.CertificateBuilder()
         .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
         .issuer_name(issuer).public_key(key.public_key())
         .serial_number(x509.random_serial_number())
         .not_valid_before(now - dt.timedelta(minutes=5))
         .not_valid_after(now + dt.timedelta(days=1))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        b = b.add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
            critical=False)
    return b.sign(signer, hashes.SHA256())


def _pki(folder: Path) -> tuple[Path, Path, Path]:
    ca_key, srv_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(
        ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "eldercare test CA")])
    ca = _cert("eldercare test CA", ca_key, ca_name, ca_key, ca=True)
    srv = _cert("127.0.0.1", srv_key, ca_name, ca_key, ca=False)
    folder.mkdir(parents=True, exist_ok=True)
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(srv.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(srv_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption()))
    paths[2].chmod(0o600)
    return paths


@pytest.fixture
def secure_broker(tmp_path: Path) -> Iterator[tuple[EmbeddedBroker, Path]]:
    ca, cert, key = _pki(tmp_path / "pki")
    with EmbeddedBroker(workdir=tmp_path / "mqtt", users={"hub": "s3cret", "anna": "pw-anna"},
                        tls_cert=cert, tls_key=key) as b:
        yield b, ca


def test_credentials_and_tls(secure_broker: tuple[EmbeddedBroker, Path], tmp_path: Path) -> None:
    broker, ca = secure_broker
    assert broker.url.startswith("mqtts://")
    hub = MqttSettings(broker.url, username="hub", password="s3cret", ca_file=ca, home="sec")
    assert hub.use_tls and hub.port == broker.port
    anna = MqttSettings(f"mqtts://anna:pw-anna@127.0.0.1:{broker.port}", ca_file=ca, home="sec")
    cg = CaregiverClient(anna, "anna").start()
    svc = AlertService(hub, tmp_path / "o.db").start(wait_s=10)
    try:
        assert svc.connected
        a = svc.raise_alert("fall", "emergency", "fall in the bathroom", "r1")
        assert [x.id for x in cg.wait_for(1, 10)] == [a.id]
    finally:
        svc.stop()
        cg.stop()
    wrong_pw = MqttSettings(broker.url, username="anna", password="nope", ca_file=ca)
    no_tls = MqttSettings(f"mqtt://127.0.0.1:{broker.port}", username="anna", password="pw-anna")
    no_ca = MqttSettings(broker.url, username="anna", password="pw-anna")  # system CAs only
    for bad in (wrong_pw, no_tls, no_ca):
        with pytest.raises(ConnectionError):
            CaregiverClient(bad, "intruder", clean=True).start(timeout_s=1.5)


@pytest.mark.parametrize(
    "kwargs,match",
    [({"url": "http://x"}, "mqtt://"), ({"url": "mqtt://"}, "host"),
     ({"url": "mqtt://h:99999"}, "port"), ({"url": "mqtt://h", "prefix": "a b"}, "prefix"),
     ({"url": "mqtt://h", "home": ""}, "home"), ({"url": "mqtt://h", "home": "x/+"}, "home"),
     ({"url": "mqtt://h", "password": "p"}, "username"),
     ({"url": "mqtt://h", "ca_file": "/nonexistent/ca.pem"}, "does not exist"),
     ({"url": "mqtt://h", "keepalive_s": 1}, "keepalive"),
     ({"url": "mqtt://h", "reconnect_min_s": 0}, "reconnect")],
)
def test_settings_are_validated(kwargs: dict, match: str) -> None:
    with pytest.raises((ValueError, FileNotFoundError), match=match):
        MqttSettings(**kwargs)


def test_settings_topics_ports_and_redaction(tmp_path: Path) -> None:
    s = MqttSettings("mqtts://u%40x:p%3Aw@broker.local", prefix="care/eu", home="flat-3")
    assert (s.host, s.port, s.use_tls, s.credentials) == ("broker.local", 8883, True,
                                                          ("u@x", "p:w"))
    assert s.topic("alerts", "abc", "ack") == "care/eu/flat-3/alerts/abc/ack"
    assert "p:w" not in str(s.redacted())
    assert MqttSettings("mqtt://h").port == 1883
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    with pytest.raises(ValueError, match="TLS is off"):
        MqttSettings("mqtt://h", ca_file=ca)
