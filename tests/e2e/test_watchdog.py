"""`eldercare run` under systemd: READY=1 at start, then watchdog pings while the safety
path is alive (docs/bundles.md), read from a real notify socket."""

from __future__ import annotations

import asyncio
import socket
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from device.runtime import Runtime
from device.settings import example_config_path, load_settings
from health.broker import EmbeddedBroker


class SlowStdin:
    """Typed lines with a pause before each, so the device runs a while."""

    def __init__(self, lines: list[str], pause_s: float) -> None:
        self.lines, self.pause_s = list(lines), pause_s

    def readline(self, size: int = -1) -> str:
        time.sleep(self.pause_s)
        return self.lines.pop(0) + "\n" if self.lines else ""

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(lambda: self.readline(), "")


def test_run_notifies_systemd_while_the_safety_path_lives(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    sock_dir = tempfile.mkdtemp(prefix="ec-notify-")
    path = f"{sock_dir}/notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(0.1)
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    monkeypatch.setenv("WATCHDOG_USEC", "200000")  # ping every 0.1 s
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    settings = load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(keyword_model),
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state")})
    stdin = SlowStdin(["good morning", "thank you"], pause_s=1.0)
    got: list[str] = []
    done = threading.Event()

    def drain() -> None:  # as systemd does: a datagram queue holds only a few messages
        while not done.is_set():
            try:
                got.append(sock.recv(4096).decode())
            except TimeoutError:
                continue

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        summary = asyncio.run(Runtime(settings, emit=lambda line: None, stdin=stdin,
                                      clock=lambda: datetime(2026, 11, 30, 9, 0),
                                      tick_s=0.05).run())
        time.sleep(0.3)
    finally:
        done.set()
        reader.join(timeout=5)
        sock.close()
    assert summary["turns"] == 2
    assert got and got[0].startswith("READY=1")
    assert sum(m == "WATCHDOG=1" for m in got) >= 3
    assert got[-1] == "STOPPING=1"
