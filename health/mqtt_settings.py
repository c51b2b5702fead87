"""Broker settings (URL, credentials, TLS, topic prefix per home) and the client factory."""

from __future__ import annotations

import re
import ssl
import threading
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

_TOPIC_WORD = re.compile(r"^[A-Za-z0-9_\-.]+$")


@dataclass(frozen=True)
class MqttSettings:
    """Where and how to reach the broker; validated on creation.

    ``url`` is ``mqtt://host[:port]`` (1883) or ``mqtts://host[:port]`` (8883, implies TLS);
    credentials may be given in the URL (``mqtt://user:pass@host``) or as fields.
    Topics are ``<prefix>/<home>/...``.
    """

    url: str
    username: str | None = None
    password: str | None = None
    tls: bool = False
    ca_file: str | Path | None = None
    """CA bundle (PEM) for TLS; None uses the system store."""
    prefix: str = "eldercare"
    home: str = "home1"
    client_id: str | None = None
    cert_file: str | Path | None = None
    """Client certificate (PEM) for mutual TLS."""
    key_file: str | Path | None = None
    """Client private key (PEM) for mutual TLS."""
    tls_insecure: bool = False
    """Skip host-name verification (test brokers only)."""
    keepalive_s: int = 30
    """MQTT keep-alive, seconds."""
    reconnect_min_s: float = 0.25
    """First wait before reconnecting after a lost connection, seconds (doubles each try)."""
    reconnect_max_s: float = 8.0
    """Longest wait between reconnection attempts, seconds."""

    def __post_init__(self) -> None:
        parsed = urlparse(self.url)
        if parsed.scheme not in ("mqtt", "mqtts", "tcp", "ssl"):
            raise ValueError(
                f"broker url {self.url!r} must start with mqtt:// or mqtts:// "
                "(e.g. mqtt://127.0.0.1:1883)"
            )
        if not parsed.hostname:
            raise ValueError(f"broker url {self.url!r} has no host name")
        try:
            parsed.port  # noqa: B018 - validates the port
        except ValueError as exc:
            raise ValueError(f"broker url {self.url!r} has an invalid port") from exc
        for name in ("prefix", "home"):
            value = getattr(self, name)
            if not value or not all(_TOPIC_WORD.match(part) for part in value.split("/")):
                raise ValueError(
                    f"{name} {value!r} must be non-empty and use letters, digits, '_', '-', '.'"
                )
        if self.password is not None and self.username is None and not parsed.username:
            raise ValueError("a broker password needs a username (--mqtt-username)")
        for name in ("ca_file", "cert_file", "key_file"):
            value = getattr(self, name)
            if value is not None and not Path(value).is_file():
                raise FileNotFoundError(f"{name} {value} does not exist")
        if (self.cert_file is None) != (self.key_file is None):
            raise ValueError("mutual TLS needs both cert_file and key_file")
        if (self.ca_file or self.cert_file) and not self.use_tls:
            raise ValueError("ca_file/cert_file given but TLS is off: set tls=True or use mqtts://")
        if self.keepalive_s < 5:
            raise ValueError("keepalive_s must be at least 5 seconds")
        if not 0 < self.reconnect_min_s <= self.reconnect_max_s:
            raise ValueError("need 0 < reconnect_min_s <= reconnect_max_s (seconds)")

    @property
    def host(self) -> str:
        return str(urlparse(self.url).hostname)

    @property
    def use_tls(self) -> bool:
        return self.tls or urlparse(self.url).scheme in ("mqtts", "ssl")

    @property
    def port(self) -> int:
        port = urlparse(self.url).port
        return int(port) if port else (8883 if self.use_tls else 1883)

    @property
    def credentials(self) -> tuple[str | None, str | None]:
        parsed = urlparse(self.url)
        user = self.username or (unquote(parsed.username) if parsed.username else None)
        pw = self.password
        if pw is None and parsed.password:
            pw = unquote(parsed.password)
        return user, pw

    @property
    def base(self) -> str:
        """Topic root of this home: ``<prefix>/<home>``."""
        return f"{self.prefix}/{self.home}"

    def topic(self, *parts: str) -> str:
        return "/".join((self.base, *parts))

    def with_client_id(self, client_id: str) -> MqttSettings:
        return replace(self, client_id=client_id)

    def redacted(self) -> dict[str, Any]:
        """Settings for logs: never the password."""
        user, _ = self.credentials
        return {"host": self.host, "port": self.port, "tls": self.use_tls, "user": user,
                "prefix": self.prefix, "home": self.home, "client_id": self.client_id}


def make_client(
    settings: MqttSettings, client_id: str | None = None, clean: bool = True
) -> Any:
    """A paho-mqtt 2.x client (MQTT 3.1.1) configured for ``settings``; not yet connected."""
    import paho.mqtt.client as mqtt

    cid = client_id or settings.client_id or f"eldercare-{uuid.uuid4().hex[:12]}"
    client = mqtt.Client(
        callback_api_version=mqtt.CallbackAPIVersion.VERSION2,
        client_id=cid,
        clean_session=clean,
        protocol=mqtt.MQTTv311,
    )
    user, pw = settings.credentials
    if user is not None:
        client.username_pw_set(user, pw)
    if settings.use_tls:
        client.tls_set(
            ca_certs=str(settings.ca_file) if settings.ca_file else None,
            certfile=str(settings.cert_file) if settings.cert_file else None,
            keyfile=str(settings.key_file) if settings.key_file else None,
            cert_reqs=ssl.CERT_REQUIRED,
        )
        if settings.tls_insecure:
            client.tls_insecure_set(True)
    client.reconnect_delay_set(
        min_delay=settings.reconnect_min_s,  # type: ignore[arg-type]  # floats work
        max_delay=settings.reconnect_max_s,  # type: ignore[arg-type]
    )
    return client


def start_subscriber(client: Any, settings: MqttSettings, subscribed: threading.Event,
                     timeout_s: float, what: str) -> None:
    """Connect ``client`` (its callbacks set; ``on_subscribe`` sets ``subscribed``), start
    its network loop and wait for the subscription; ConnectionError naming ``what`` when it
    has not come within ``timeout_s`` (the caller stops the client)."""
    client.connect_async(settings.host, settings.port, settings.keepalive_s)
    client.loop_start()
    if not subscribed.wait(timeout_s):
        raise ConnectionError(
            f"{what} could not subscribe on {settings.host}:{settings.port} within "
            f"{timeout_s:.0f} s: is the broker running?")
