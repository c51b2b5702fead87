"""The systemd unit (`eldercare service install`) and the watchdog that pings systemd only
while the safety path is alive (real sdnotify over a real AF_UNIX datagram socket)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from device.cli import main
from device.liveness import Liveness
from device.service import SystemdWatchdog, UnitSettings, render_unit, safety_alive

ROOT = Path(__file__).resolve().parents[2]


def test_service_install_writes_a_hardened_unit(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rc = main(["service", "install", "--root", str(tmp_path), "--watchdog-s", "20"])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    unit = tmp_path / "etc/systemd/system/eldercare.service"
    assert str(unit) in out["written"]
    text = unit.read_text()
    lines = set(text.splitlines())
    for want in ("Type=notify", "WatchdogSec=20", "Restart=on-failure", "User=eldercare",
                 "ProtectSystem=strict", "PrivateTmp=true", "NoNewPrivileges=true",
                 "ProtectHome=true", "ReadWritePaths=/var/lib/eldercare",
                 "ExecStart=/opt/eldercare/venv/bin/eldercare run --config "
                 "/opt/eldercare/bundles/current/payload/settings/default.json",
                 "ExecStartPre=+/opt/eldercare/venv/bin/eldercare bundle status --root "
                 "/opt/eldercare/bundles"):
        assert want in lines, want
    users = (tmp_path / "etc/sysusers.d/eldercare.conf").read_text()
    assert "u eldercare -" in users and "m eldercare audio" in users
    # the committed copy is what the code writes with the defaults
    assert (ROOT / "deploy/eldercare.service").read_text() == render_unit(UnitSettings())
    if shutil.which("systemd-analyze"):
        proc = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                              text=True, timeout=60, check=False)
        problems = [line for line in (proc.stdout + proc.stderr).splitlines()
                    if line.strip() and "is not executable" not in line]
        assert problems == [], problems


def test_service_install_refusals(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    for argv, why in ((["--bundles", "rel/dir"], "absolute"),
                      (["--root", str(tmp_path / "missing")], "not a folder")):
        rc = main(["service", "install", "--root", str(tmp_path), *argv])
        err = capsys.readouterr().err
        assert rc == 2 and err.startswith("eldercare: error:") and why in err, err
    with pytest.raises(SystemExit) as stop:  # refused by the argument parser itself
        main(["service", "install", "--root", str(tmp_path), "--watchdog-s", "1"])
    assert stop.value.code == 2 and "must be 5-3600" in capsys.readouterr().err
    assert not (tmp_path / "etc").exists()


@pytest.fixture
def notify_socket(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "notify.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(0.05)
    yield path, sock
    sock.close()


def _drain(sock: socket.socket, wait_s: float = 0.0) -> list[str]:
    got, deadline = [], time.monotonic() + wait_s
    while True:
        try:
            got.append(sock.recv(4096).decode())
        except TimeoutError:
            if time.monotonic() >= deadline:
                return got


def test_watchdog_pings_only_while_the_safety_path_is_alive(
        notify_socket, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path, sock = notify_socket
    liveness = Liveness(timeout_s=60)
    liveness.watch("safety")
    env = {"NOTIFY_SOCKET": str(path), "WATCHDOG_USEC": "200000",
           "WATCHDOG_PID": str(os.getpid())}
    for k, v in env.items():  # sdnotify reads NOTIFY_SOCKET from the process environment
        monkeypatch.setenv(k, v)
    dog = SystemdWatchdog(safety_alive(liveness))
    assert dog.enabled and dog.interval_s == pytest.approx(0.1)
    dog.ready("listening")
    assert _drain(sock) == ["READY=1\nSTATUS=listening"]
    liveness.beat("safety")
    assert dog.tick() and _drain(sock) == ["WATCHDOG=1"]
    liveness.fail("safety", "RuntimeError: alert queue stuck")
    assert not dog.tick()
    got = _drain(sock)
    assert "WATCHDOG=1" not in got and any("safety path not alive" in g for g in got)

    def broken() -> bool:
        raise RuntimeError("registry gone")

    assert not SystemdWatchdog(broken).tick()
    assert all("WATCHDOG=1" not in g for g in _drain(sock))
    # the thread: pings while alive, none while not
    liveness.beat("safety")
    dog.start()
    deadline = time.monotonic() + 30
    while dog.pings < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert dog.pings >= 3
    assert "WATCHDOG=1" in _drain(sock)
    liveness.fail("safety", "stopped")
    time.sleep(0.25)
    _drain(sock)
    pings = dog.pings
    time.sleep(0.5)
    assert dog.pings == pings and "WATCHDOG=1" not in _drain(sock)
    dog.stop()
    assert "STOPPING=1" in _drain(sock, 0.2)


def test_watchdog_is_quiet_outside_systemd() -> None:
    dog = SystemdWatchdog(lambda: True, env={})
    assert not dog.enabled and dog.interval_s is None
    dog.start()
    assert dog.tick() and dog._thread is None
    # a watchdog meant for another process is not ours to feed
    other = SystemdWatchdog(lambda: True, env={"NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "1000000",
                                               "WATCHDOG_PID": "1"}, notifier=object())
    assert other.interval_s is None


def test_update_watcher_unit(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import shlex

    from device.cli import build_parser

    rc = main(["service", "install", "--root", str(tmp_path), "--updates-mqtt",
               "mqtt://127.0.0.1:1883", "--home", "flat7", "--target", "cpu"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 0 and out["next"][-1].endswith("eldercare.service eldercare-update.service")
    unit = tmp_path / "etc/systemd/system/eldercare-update.service"
    text = unit.read_text()
    assert "ReadWritePaths=/opt/eldercare/bundles" in text and "ProtectSystem=strict" in text
    exec_start = text.split("ExecStart=", 1)[1].split("\nRestart=", 1)[0].replace("\\\n", " ")
    argv = shlex.split(exec_start)
    args = build_parser().parse_args(argv[1:])  # the unit's command is a valid CLI call
    assert (args.bundle_cmd, args.root, args.mqtt, args.home, args.target) == \
        ("watch", "/opt/eldercare/bundles", "mqtt://127.0.0.1:1883", "flat7", "cpu")
    assert args.on_installed == "systemctl try-restart eldercare.service"
    if shutil.which("systemd-analyze"):
        proc = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                              text=True, timeout=60, check=False)
        problems = [line for line in (proc.stdout + proc.stderr).splitlines()
                    if line.strip() and "is not executable" not in line]
        assert problems == [], problems
    rc = main(["service", "install", "--root", str(tmp_path), "--updates-mqtt", "http://x"])
    assert rc == 2 and "mqtt://" in capsys.readouterr().err
