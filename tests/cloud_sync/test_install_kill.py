"""An install killed with SIGKILL at each of its steps leaves a working active slot (the
`ELDERCARE_BUNDLE_PAUSE_AT` hook stops the installer at a step; this test kills it there)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cloud_sync.slots import PAUSE_AT_ENV, PAUSE_FILE_ENV, STEPS, check_slot, install, status

ROOT = Path(__file__).resolve().parents[2]


def _kill_at(step: str, bundle: Path, root: Path, pubkey: Path, marker: Path) -> None:
    env = {**os.environ, PAUSE_AT_ENV: step, PAUSE_FILE_ENV: str(marker)}
    proc = subprocess.Popen([sys.executable, "-m", "device.cli", "bundle", "install",
                             str(bundle), "--root", str(root), "--pubkey", str(pubkey)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not marker.exists():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"installer ended before step {step}: {err.decode()[-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"installer never reached step {step}")
        time.sleep(0.05)
    assert marker.read_text().split() == [str(proc.pid), step]
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("step", STEPS)
def test_kill_at_each_step_leaves_a_working_slot(step: str, tmp_path: Path, keys: Path,
                                                  make_bundle) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "root"
    install(make_bundle("1.0"), root, keys / "public.pem")
    active, version = "a", "1.0"
    if step == "replacing":  # the inactive slot must hold a bundle to be replaced
        install(make_bundle("1.1"), root, keys / "public.pem")
        active, version = "b", "1.1"
    _kill_at(step, make_bundle("2.0"), root, keys / "public.pem", tmp_path / "paused")
    st = status(root)  # the next bundle command undoes an interrupted install
    assert (st["active"], st["version"]) == (active, version), st
    assert os.readlink(root / "current") == f"slots/{active}"
    assert check_slot(root / "current").version == version
    assert not list((root / "slots").glob(".staging-*"))
    assert not list((root / "slots").glob(".trash-*"))
    if step in ("switched", "selftested"):
        assert st["last_install"]["result"] == "interrupted"
        assert "switched back to slot a" in st["recovered"]
    if step == "switched":  # and the board takes the next install normally
        result = install(make_bundle("2.0"), root, keys / "public.pem")
        assert (result["result"], result["slot"]) == ("ok", "b")
        assert check_slot(root / "current").version == "2.0"
