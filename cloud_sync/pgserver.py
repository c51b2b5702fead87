"""A throwaway PostgreSQL cluster on loopback (Debian's ``postgresql`` package), for tests
and the fleet benchmark, as ``health.broker.EmbeddedBroker`` is for mosquitto.

PostgreSQL refuses to run as root: as root the cluster belongs to ``nobody`` and its
commands run through ``runuser``.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class PostgresUnavailable(OSError):
    """No PostgreSQL server binaries on this machine (install Debian's postgresql)."""


def pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise PostgresUnavailable("PostgreSQL binaries not found under /usr/lib/postgresql: "
                                  "apt-get install postgresql")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ThrowawayPostgres:
    """``start()`` makes and starts a cluster in a temporary folder; ``close()`` removes it.
    ``url`` is ``postgresql://postgres@127.0.0.1:PORT/postgres`` (trust auth, loopback)."""

    def __init__(self) -> None:
        self.bin = pg_bin()
        self.port = _free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="eldercare-pg-"))
        self.data = self.dir / "data"
        self._as: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "nobody")
            self._as = ["runuser", "-u", "nobody", "--"]
        self.started = False

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        proc = subprocess.run([*self._as, *args], capture_output=True, text=True, timeout=120,
                              check=False)
        if proc.returncode != 0:
            raise OSError(f"{Path(args[0]).name} failed: {proc.stderr.strip()[-500:]}")

    def start(self) -> ThrowawayPostgres:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A",
                  "trust", "-E", "UTF8", "--no-sync")
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l",
                  str(self.dir / "log"), "-w", "-t", "60", "start")
        self.started = True
        return self

    def close(self) -> None:
        if self.started:
            self.started = False
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w",
                      "stop")
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> ThrowawayPostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
