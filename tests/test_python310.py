"""The device packages run on the board's Python: JetPack ships 3.10. ruff and mypy are set
to 3.10 for syntax and types; vermin reads every module for the standard library it uses
(modules, functions, arguments) and names the oldest Python that has them all. The one
use of a newer module is cloud_sync.wheelhouse's tomllib, which falls back to tomli on
3.10 (a build-machine tool; tomli is among its backports)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ALLOWED = {("cloud_sync/wheelhouse.py", "'tomllib' module")}


def test_device_packages_need_no_python_newer_than_3_10() -> None:
    vermin = shutil.which("vermin", path=str(Path(sys.executable).parent))
    if vermin is None:
        pytest.skip("vermin is not installed (the dev extra installs it)")
    proc = subprocess.run(
        [vermin, "-t=3.10-", "--violations", "--no-tips", "--eval-annotations",
         "--backport", "typing_extensions", "--no-parse-comments",
         "device", "speech", "health", "cloud_sync"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    found, current = set(), ""
    for line in proc.stdout.splitlines():
        head = re.match(r"^.*?\s(/\S+\.py)$", line)
        if head:
            current = Path(head[1]).relative_to(ROOT).as_posix()
            continue
        need = re.match(r"^\s+(.+?) requires ", line)
        if need and current:
            found.add((current, need[1]))
    assert "Analyzing" in proc.stdout or "Detecting" in proc.stdout, proc.stdout + proc.stderr
    assert found - ALLOWED == set(), sorted(found - ALLOWED)
    assert found == ALLOWED  # the reading works: the known fallback is seen
