"""A real mosquitto broker on loopback, started and stopped by the program or the tests.

Used by ``eldercare demo`` (when no broker URL is configured), by the alert benchmark
and by the tests. It persists its sessions to a folder so that a restart keeps queued
QoS 1 messages for persistent clients, just as a production broker would.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

MOSQUITTO_CANDIDATES = ("mosquitto", "/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto")


class BrokerError(OSError):
    """The broker could not be started or reached."""


def find_mosquitto() -> str:
    for cand in MOSQUITTO_CANDIDATES:
        path = shutil.which(cand) or (cand if Path(cand).is_file() else None)
        if path:
            return path
    raise BrokerError(
        "mosquitto is not installed: run `make setup` (Debian package 'mosquitto') "
        "or configure an external broker URL"
    )


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def wait_for_port(host: str, port: int, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.02)
    raise BrokerError(f"broker on {host}:{port} did not accept connections in {timeout_s:.0f} s")


@dataclass
class EmbeddedBroker:
    """A mosquitto process on 127.0.0.1 with persistence in ``workdir``.

    Use as a context manager, or call :meth:`start` / :meth:`stop`. :meth:`restart`
    keeps the same port and persistence folder (for outage tests).
    """

    host: str = "127.0.0.1"
    port: int = 0
    workdir: Path | None = None
    persistence: bool = True
    users: dict[str, str] | None = None
    """username -> password; when given, anonymous clients are refused."""
    tls_cert: Path | None = None
    """Server certificate (PEM); with ``tls_key`` the listener speaks TLS (mqtts)."""
    tls_key: Path | None = None
    _proc: subprocess.Popen[bytes] | None = field(default=None, init=False, repr=False)
    _tmp: tempfile.TemporaryDirectory[str] | None = field(default=None, init=False, repr=False)

    @property
    def url(self) -> str:
        scheme = "mqtts" if self.tls_cert is not None else "mqtt"
        return f"{scheme}://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _config(self) -> Path:
        assert self.workdir is not None
        conf = self.workdir / "mosquitto.conf"
        lines = [
            f"listener {self.port} {self.host}",
            f"allow_anonymous {'false' if self.users else 'true'}",
            f"persistence {'true' if self.persistence else 'false'}",
            f"persistence_location {self.workdir}/",
            "autosave_interval 1",
            "max_queued_messages 100000",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
        ]
        if self.users:
            lines.append(f"password_file {self._password_file()}")
        if self.tls_cert is not None or self.tls_key is not None:
            if self.tls_cert is None or self.tls_key is None:
                raise BrokerError("a TLS listener needs both tls_cert and tls_key")
            lines += [f"certfile {self.tls_cert}", f"keyfile {self.tls_key}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            # as root, mosquitto would drop to user 'mosquitto', which cannot write the
            # persistence folder (private temp dirs): persistence would silently fail
            lines.append("user root")
        conf.write_text("\n".join(lines) + "\n")
        return conf

    def _password_file(self) -> Path:
        assert self.workdir is not None and self.users
        path = self.workdir / "passwd"
        path.write_text("".join(f"{u}:{p}\n" for u, p in self.users.items()))
        path.chmod(0o600)
        exe = shutil.which("mosquitto_passwd") or "/usr/bin/mosquitto_passwd"
        try:
            subprocess.run([exe, "-U", str(path)], check=True, capture_output=True, timeout=30)
        except (OSError, subprocess.CalledProcessError) as exc:
            raise BrokerError(f"mosquitto_passwd could not hash the password file: {exc}") from exc
        return path

    def start(self) -> EmbeddedBroker:
        if self.running:
            return self
        exe = find_mosquitto()
        if self.workdir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="eldercare-mqtt-")
            self.workdir = Path(self._tmp.name)
        self.workdir.mkdir(parents=True, exist_ok=True)
        if not self.port:
            self.port = free_port(self.host)
        conf = self._config()
        log = open(self.workdir / "mosquitto.log", "ab")  # noqa: SIM115 - owned by the process
        self._proc = subprocess.Popen([exe, "-c", str(conf)], stdout=log, stderr=log)
        try:
            wait_for_port(self.host, self.port)
        except BrokerError:
            self.stop()
            raise
        return self

    def stop(self, kill: bool = False) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill() if kill else proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)

    def restart(self, down_s: float = 0.0) -> None:
        self.stop()
        if down_s > 0:
            time.sleep(down_s)
        self.start()

    def close(self) -> None:
        self.stop()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
