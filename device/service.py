"""The systemd service for `eldercare run`: the unit file, `eldercare service install`, and
the watchdog that tells systemd the device is alive only while its safety path is.

The unit (docs/bundles.md) runs the active bundle slot's settings as a dedicated user in a
hardened sandbox, restarts on failure, and has ``WatchdogSec``: systemd kills and restarts
the service when ``WATCHDOG=1`` stops arriving. :class:`SystemdWatchdog` sends it (through
``sdnotify``) only when the ``is_alive`` callable it is given says yes; the runtime hands in
its liveness registry's view of the safety path (:func:`safety_alive`). A crash of that
check, or of the watchdog thread, stops the pings too: the failure is seen, not hidden.
"""

from __future__ import annotations

import argparse
import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["UnitSettings", "render_unit", "render_update_unit", "render_sysusers",
           "install_unit", "SystemdWatchdog", "safety_alive", "register", "UNIT_NAME",
           "UPDATE_UNIT_NAME"]

log = logging.getLogger(__name__)
UNIT_NAME = "eldercare.service"
UPDATE_UNIT_NAME = "eldercare-update.service"
SYSUSERS_NAME = "eldercare.conf"


@dataclass(frozen=True)
class UnitSettings:
    """What the unit file says; checked before anything is written."""

    user: str = "eldercare"
    """The dedicated system user the service runs as."""
    executable: str = "/opt/eldercare/venv/bin/eldercare"
    bundles: str = "/opt/eldercare/bundles"
    """The bundle root (`eldercare bundle install --root`); read-only to the service."""
    state_dir: str = "/var/lib/eldercare"
    """The only folder the service may write (outputs, state)."""
    watchdog_s: int = 30
    """WatchdogSec: seconds without a safety-alive ping before systemd restarts it."""
    restart_s: int = 5
    updates_mqtt: str | None = None
    """Broker URL of the update notices; given, a second unit runs `eldercare bundle watch`."""
    home: str = "home1"
    pubkey: str = "/opt/eldercare/public.pem"
    """The key bundles must be signed with (for the update watcher)."""
    target: str = "jetson"

    def __post_init__(self) -> None:
        if self.updates_mqtt is not None:
            from health.mqtt_settings import MqttSettings

            MqttSettings(self.updates_mqtt, home=self.home)  # a bad URL or home fails here
            if not self.pubkey.startswith("/") or any(c.isspace() for c in self.pubkey):
                raise ValueError(f"--pubkey must be an absolute path without spaces "
                                 f"(got {self.pubkey!r})")
            if self.target not in ("cpu", "jetson"):
                raise ValueError(f"--target {self.target!r}: choose cpu or jetson")
        if not self.user.isidentifier() and not self.user.replace("-", "_").isidentifier():
            raise ValueError(f"--user {self.user!r} is not a valid user name")
        for name in ("executable", "bundles", "state_dir"):
            value = getattr(self, name)
            if not value.startswith("/") or any(c.isspace() for c in value):
                raise ValueError(f"--{name.replace('_', '-')} must be an absolute path "
                                 f"without spaces (got {value!r})")
        if not 5 <= self.watchdog_s <= 3600:
            raise ValueError(f"--watchdog-s {self.watchdog_s} out of range 5..3600")
        if not 1 <= self.restart_s <= 600:
            raise ValueError(f"restart delay {self.restart_s} s out of range 1..600")

    @property
    def config(self) -> str:
        return f"{self.bundles}/current/payload/settings/default.json"


def render_unit(s: UnitSettings = UnitSettings()) -> str:
    """The unit file text."""
    # systemd creates (and hands to the user) a state folder under /var/lib only
    state_directory = (f"StateDirectory={s.state_dir[len('/var/lib/'):]}\n"
                       if s.state_dir.startswith("/var/lib/") else "")
    return f"""\
# eldercare-edge: the device runtime (docs/bundles.md). Written by `eldercare service install`.
[Unit]
Description=eldercare-edge offline home assistant
After=network-online.target mosquitto.service sound.target
Wants=network-online.target
StartLimitIntervalSec=600
StartLimitBurst=10

[Service]
Type=notify
NotifyAccess=main
User={s.user}
Group={s.user}
SupplementaryGroups=audio video
# As root, outside the sandbox: undo an install that was interrupted (switch back).
ExecStartPre=+{s.executable} bundle status --root {s.bundles}
ExecStart={s.executable} run --config {s.config}
WatchdogSec={s.watchdog_s}
Restart=on-failure
RestartSec={s.restart_s}
TimeoutStartSec=300
Environment=PYTHONUNBUFFERED=1 OMP_WAIT_POLICY=PASSIVE
Environment=ELDERCARE_TRT_CACHE={s.state_dir}/tensorrt
{state_directory}ReadWritePaths={s.state_dir}
ProtectSystem=strict
ProtectHome=true
PrivateTmp=true
NoNewPrivileges=true
ProtectKernelTunables=true
ProtectKernelModules=true
ProtectKernelLogs=true
ProtectControlGroups=true
ProtectClock=true
ProtectHostname=true
RestrictSUIDSGID=true
RestrictNamespaces=true
LockPersonality=true
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK
CapabilityBoundingSet=
UMask=0027

[Install]
WantedBy=multi-user.target
"""


def render_update_unit(s: UnitSettings) -> str:
    """The update watcher's unit: root (it writes the slots), sandboxed to the bundle root;
    it restarts the device service after an install."""
    return f"""\
# eldercare-edge: install bundles announced over MQTT (docs/bundles.md).
[Unit]
Description=eldercare-edge bundle updates
After=network-online.target mosquitto.service
Wants=network-online.target

[Service]
Type=simple
ExecStart={s.executable} bundle watch --root {s.bundles} --pubkey {s.pubkey} \
    --target {s.target} --mqtt {s.updates_mqtt} --home {s.home} \
    --on-installed "systemctl try-restart {UNIT_NAME}"
Restart=on-failure
RestartSec=30
ReadWritePaths={s.bundles}
ProtectSystem=strict
ProtectHome=true
PrivateTmp=true
NoNewPrivileges=true
ProtectKernelTunables=true
ProtectKernelModules=true
ProtectControlGroups=true
RestrictSUIDSGID=true
LockPersonality=true

[Install]
WantedBy=multi-user.target
"""


def render_sysusers(s: UnitSettings = UnitSettings()) -> str:
    """A systemd-sysusers file for the dedicated user (in the audio group for the mic)."""
    return (f"# eldercare-edge service user (docs/bundles.md)\n"
            f"u {s.user} - \"eldercare-edge service\" {s.state_dir}\n"
            f"m {s.user} audio\nm {s.user} video\n")


def install_unit(s: UnitSettings, root: str | Path = "/") -> list[Path]:
    """Write the unit and the sysusers file under `root` (/ on a board; a folder in tests)."""
    base = Path(root)
    if not base.is_dir():
        raise FileNotFoundError(f"--root {base} is not a folder")
    written = []
    files = [("etc/systemd/system/" + UNIT_NAME, render_unit(s)),
             ("etc/sysusers.d/" + SYSUSERS_NAME, render_sysusers(s))]
    if s.updates_mqtt is not None:
        files.append(("etc/systemd/system/" + UPDATE_UNIT_NAME, render_update_unit(s)))
    for rel, text in files:
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        written.append(path)
    return written


def safety_alive(liveness: Any, services: tuple[str, ...] = ("safety",)) -> Callable[[], bool]:
    """An `is_alive` for :class:`SystemdWatchdog` from a device.liveness.Liveness registry:
    true while every named service is watched and online."""

    def alive() -> bool:
        states = liveness.states()
        return all(name in states and states[name].online for name in services)

    return alive


class SystemdWatchdog:
    """Ping systemd's watchdog while `is_alive()` is true.

    Args:
        is_alive: the safety path's health (called from the watchdog thread).
        env: the environment (NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID set by systemd).
        notifier: an object with ``notify(str)`` (default: ``sdnotify.SystemdNotifier``).
    Without NOTIFY_SOCKET (not under systemd) it does nothing.
    """

    def __init__(self, is_alive: Callable[[], bool], env: Mapping[str, str] | None = None,
                 notifier: Any = None) -> None:
        env = os.environ if env is None else env
        self.is_alive = is_alive
        self.enabled = bool(env.get("NOTIFY_SOCKET"))
        usec = env.get("WATCHDOG_USEC")
        pid = env.get("WATCHDOG_PID")
        if pid and pid != str(os.getpid()):
            usec = None  # the watchdog is meant for another process
        self.interval_s = int(usec) / 1e6 / 2 if usec else None
        """Half of WatchdogSec, as systemd recommends (None: no watchdog configured)."""
        self._notifier = notifier
        if self.enabled and notifier is None:
            try:
                import sdnotify
            except ImportError:
                raise RuntimeError("running under systemd needs the sdnotify package (edge "
                                   "extra)") from None
            self._notifier = sdnotify.SystemdNotifier(debug=True)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.pings = 0
        self.last_refusal = ""

    def _send(self, state: str) -> None:
        if self.enabled:
            self._notifier.notify(state)

    def ready(self, status: str = "running") -> None:
        self._send(f"READY=1\nSTATUS={status}")

    def tick(self) -> bool:
        """One check: ping if alive, else say why not (systemd restarts us when it times out)."""
        try:
            alive = bool(self.is_alive())
        except Exception:  # noqa: BLE001 - a broken check must stop the pings, and be seen
            log.exception("watchdog: the safety-path check raised; not pinging systemd")
            alive = False
        if alive:
            self._send("WATCHDOG=1")
            self.pings += 1
        else:
            self.last_refusal = "safety path not alive"
            self._send("STATUS=safety path not alive; watchdog ping withheld")
            log.error("watchdog: safety path not alive; ping withheld")
        return alive

    def start(self) -> None:
        """Start the ping thread (only when systemd set a watchdog)."""
        if not self.enabled or self.interval_s is None or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="systemd-watchdog", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        interval = float(self.interval_s or 1.0)
        try:
            while not self._stop.wait(interval):
                self.tick()
        except BaseException:
            log.exception("watchdog thread died; systemd will restart the service")
            raise

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._send("STOPPING=1")


def register(subparsers: Any) -> None:
    service = subparsers.add_parser("service", help="the systemd unit for `eldercare run`")
    sub = service.add_subparsers(dest="service_cmd", metavar="CMD")
    sub.required = True
    from health.limits import int_range

    d = UnitSettings()
    p = sub.add_parser("install", help="write the unit (watchdog, restart, sandbox) and the "
                       "service user's sysusers file")
    p.add_argument("--root", default="/", help="write under this folder (default /)")
    p.add_argument("--user", default=d.user)
    p.add_argument("--exec", dest="executable", default=d.executable, metavar="PATH",
                   help=f"the eldercare command (default {d.executable})")
    p.add_argument("--bundles", default=d.bundles, metavar="DIR",
                   help=f"bundle root (default {d.bundles})")
    p.add_argument("--state-dir", default=d.state_dir, metavar="DIR")
    p.add_argument("--watchdog-s", type=int_range(5, 3600), default=d.watchdog_s,
                   help=f"systemd watchdog, 5-3600 seconds (default {d.watchdog_s})")
    p.add_argument("--updates-mqtt", default=None, metavar="URL",
                   help="also write eldercare-update.service: install bundles announced on "
                        "this broker (mqtt://host:port)")
    p.add_argument("--home", default=d.home, help="the home's topic name (update notices)")
    p.add_argument("--pubkey", default=d.pubkey, metavar="PEM",
                   help=f"key bundles must be signed with (default {d.pubkey})")
    p.add_argument("--target", choices=("jetson", "cpu"), default=d.target)
    p.add_argument("--print", action="store_true", help="print the unit instead of writing")
    p.set_defaults(func=_install)


def _install(args: argparse.Namespace) -> int:
    import json
    import sys

    s = UnitSettings(user=args.user, executable=args.executable, bundles=args.bundles,
                     state_dir=args.state_dir, watchdog_s=args.watchdog_s,
                     updates_mqtt=args.updates_mqtt, home=args.home, pubkey=args.pubkey,
                     target=args.target)
    if args.print:
        sys.stdout.write(render_unit(s))
        return 0
    written = install_unit(s, args.root)
    sys.stdout.write(json.dumps({"written": [str(p) for p in written], "next": [
        "systemd-sysusers", "systemctl daemon-reload",
        f"systemctl enable --now {UNIT_NAME}"
        + (f" {UPDATE_UNIT_NAME}" if s.updates_mqtt else "")]}) + "\n")
    return 0
