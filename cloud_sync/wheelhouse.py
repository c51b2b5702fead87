"""The offline Python packages for a Jetson board (Python 3.10, aarch64, JetPack 6 /
Ubuntu 22.04): every wheel of the edge extra and its dependencies, the sdists of the few
packages with no aarch64 wheel (built on the board; SDIST_ONLY names the compiler they
need) with their build requirements, and this project's own wheel.

pip resolves the aarch64 tree from this machine: ``pip download --platform ...
--python-version 3.10 --only-binary=:all:``; every manylinux tag from manylinux2014 to
manylinux_2_35 is passed, or pip misses the wheels tagged only with a newer glibc.
:func:`check_wheelhouse` resolves the same requirements again with ``--no-index
--find-links`` (no network), which is what the board will do."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cloud_sync.manifest import BundleError

__all__ = ["build_wheelhouse", "check_wheelhouse", "edge_requirements", "PLATFORMS",
           "SDIST_ONLY", "PYTHON_VERSION"]

PYTHON_VERSION = "3.10"
PLATFORMS = ("manylinux2014_aarch64",) + tuple(f"manylinux_2_{n}_aarch64"
                                               for n in range(17, 36))
# No aarch64 wheel on the registry: the sdist goes in and the board compiles it.
SDIST_ONLY: dict[str, dict[str, Any]] = {
    "pocketsphinx": {
        "compiler": "gcc and g++ (C99/C++), with python3-dev headers: "
                    "apt install build-essential python3-dev",
        "build_requires": ["scikit-build-core>=0.10", "Cython", "cmake>=3.15", "ninja",
                           "setuptools", "wheel"],
        "requires": ["sounddevice"],
    },
}
# Pure-Python packages published only as sdists (sdnotify, and vosk's dependency srt): built
# into universal wheels here, so the board needs no build step for them.
PURE_SDISTS = {"sdnotify": "sdnotify>=0.3.2", "srt": "srt>=3"}
# pip evaluates environment markers with the interpreter it runs on, not --python-version:
# dependencies marked `python_version < "3.11"` (anyio's and scikit-build-core's backports)
# are not pulled in from a newer Python, so they are named here.
PY310_BACKPORTS = ("exceptiongroup>=1.0", "tomli>=1.1", "typing_extensions>=4.6")
REQUIREMENTS_FILE = "requirements-edge.txt"
INDEX_FILE = "wheelhouse.json"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
ROOT = Path(__file__).resolve().parents[1]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def edge_requirements(pyproject: Path | None = None) -> list[str]:
    """The edge extra's requirement strings (from pyproject.toml, else installed metadata)."""
    path = pyproject or ROOT / "pyproject.toml"
    toml: Any = None
    try:
        import tomllib as toml  # type: ignore[import-not-found,no-redef,unused-ignore]
    except ModuleNotFoundError:  # Python 3.10: tomli if present, else the installed metadata
        try:
            import tomli as toml  # type: ignore[import-not-found,no-redef,unused-ignore]
        except ModuleNotFoundError:
            toml = None
    if path.is_file() and toml is not None:
        data = toml.loads(path.read_text(encoding="utf-8"))
        return list(data["project"]["optional-dependencies"]["edge"])
    from importlib.metadata import requires

    marker = re.compile(r";\s*extra\s*==\s*['\"]edge['\"]\s*$")
    return [marker.sub("", r).strip() for r in (requires("eldercare-edge") or [])
            if marker.search(r)]


def _pip(args: list[str], log: Callable[[str], None], verb: str = "download") -> None:
    # The build machine's own pip settings (constraints, local indexes) are for its own
    # environment, not the board's: they are left out.
    env = {k: v for k, v in os.environ.items()
           if k not in ("PIP_CONSTRAINT", "PIP_FIND_LINKS", "PIP_EXTRA_INDEX_URL",
                        "PIP_INDEX_URL", "PIP_NO_INDEX")}
    env["PIP_CONFIG_FILE"] = os.devnull
    cmd = [sys.executable, "-m", "pip", verb, "--disable-pip-version-check",
           "--progress-bar", "off", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=3600,
                          check=False)
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()
        tail = [ln for ln in lines if "No matching distribution" in ln] or \
            [ln for ln in lines if "ERROR" in ln and "Ignored" not in ln] or lines[-1:]
        raise BundleError(f"pip {verb} failed: {' / '.join(tail)[:400]}")
    log(f"pip {verb}: ok")


def _platform_args() -> list[str]:
    args = ["--only-binary=:all:", "--python-version", PYTHON_VERSION, "--implementation",
            "cp"]
    for p in PLATFORMS:
        args += ["--platform", p]
    return args


def _split(reqs: list[str]) -> tuple[list[str], list[str]]:
    binary: list[str] = []
    sdist: list[str] = []
    for r in reqs:
        m = _NAME.match(r)
        name = _norm(m.group(1)) if m else ""
        (sdist if name in SDIST_ONLY else binary).append(r)
    return binary, sdist


def _resolve(dest: Path, reqs: list[str], source: list[str],
             log: Callable[[str], None], sdists_from: Path | None = None) -> None:
    """The aarch64 wheels of `reqs` (with the sdist-only packages' dependencies and build
    requirements) into `dest`, then the sdists themselves (from the index, or, offline,
    checked by name and version in `sdists_from`: pip cannot prepare an aarch64 build
    environment on this machine)."""
    binary, sdist = _split(reqs)
    if sdists_from is None:
        pure = [PURE_SDISTS[n] for n in sorted(PURE_SDISTS)]
        _pip(["-w", str(dest), *source, "--no-deps", "--no-binary", ",".join(
            sorted(PURE_SDISTS)), *pure], log, verb="wheel")
    source = [*source, "--find-links", str(dest)]
    extra: list[str] = list(PY310_BACKPORTS)
    for r in sdist:
        spec = SDIST_ONLY[_norm(_NAME.match(r).group(1))]  # type: ignore[union-attr]
        extra += spec["requires"] + spec["build_requires"]
    _pip(["-d", str(dest), *source, *_platform_args(), *binary, *extra], log)
    if not sdist:
        return
    if sdists_from is None:
        _pip(["-d", str(dest), *source, "--no-deps", "--no-binary", ",".join(
            _norm(_NAME.match(r).group(1)) for r in sdist),  # type: ignore[union-attr]
            *sdist], log)
        return
    from packaging.requirements import Requirement

    for r in sdist:
        req = Requirement(r)
        found = [f.name for f in sdists_from.glob("*.tar.gz")
                 if _norm(f.name.rsplit("-", 1)[0]) == _norm(req.name)
                 and req.specifier.contains(f.name.rsplit("-", 1)[1][:-len(".tar.gz")],
                                            prereleases=True)]
        if not found:
            raise BundleError(f"the wheelhouse has no sdist of {r}")
        log(f"sdist {found[0]}: present")


def _own_wheel(dest: Path, log: Callable[[str], None]) -> str:
    """This project's wheel (pure Python, with the shipped models)."""
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "--no-build-isolation", "--disable-pip-version-check", "-w",
                           str(dest), str(ROOT)], capture_output=True, text=True,
                          timeout=1800, check=False)
    if proc.returncode != 0:
        raise BundleError(f"could not build the eldercare-edge wheel: "
                          f"{(proc.stderr.strip().splitlines() or ['?'])[-1][:300]}")
    built = sorted(dest.glob("eldercare_edge-*.whl"))
    if not built:
        raise BundleError("pip wheel wrote no eldercare_edge wheel")
    log(f"project wheel {built[-1].name}")
    return built[-1].name


def build_wheelhouse(dest: Path, cache: Path | None = None,
                     reqs: list[str] | None = None,
                     log: Callable[[str], None] = lambda _m: None,
                     own_wheel: bool = True) -> dict[str, Any]:
    """Fill `dest` with the board's packages and check that they resolve offline; returns
    facts for the manifest.

    Args:
        cache: a folder that keeps the resolved packages between builds; when it holds a
            resolution of the same requirements, no registry is needed (the offline check
            decides; if it fails, the registry is asked once more).
        reqs: requirement strings (default: the edge extra).
        own_wheel: also build this project's wheel.
    """
    reqs = list(reqs if reqs is not None else edge_requirements())
    work = Path(cache) if cache is not None else dest
    work.mkdir(parents=True, exist_ok=True)
    marker = work / INDEX_FILE
    warm = marker.is_file() and json.loads(marker.read_text())["requirements"] == reqs
    for attempt in ("cache", "registry"):
        if attempt == "registry" or not warm:
            log("resolving the aarch64 packages from the registry")
            _resolve(work, reqs, [], log)
            marker.write_text(json.dumps({"requirements": reqs}) + "\n", encoding="utf-8")
        if dest != work:
            if dest.exists():
                shutil.rmtree(dest)
            dest.mkdir(parents=True)
            for f in sorted(work.iterdir()):
                if f.is_file() and f.name.endswith((".whl", ".tar.gz", ".zip")):
                    shutil.copy2(f, dest / f.name)
        try:
            check_wheelhouse(dest, reqs, log=log)
            break
        except BundleError:
            if attempt == "registry" or not warm:
                raise
            log("the cached packages do not resolve; asking the registry")
    own = _own_wheel(dest, log) if own_wheel else None
    (dest / REQUIREMENTS_FILE).write_text("\n".join(reqs) + "\n", encoding="utf-8")
    files = sorted(f.name for f in dest.iterdir() if f.name.endswith((".whl", ".tar.gz")))
    sdists = {n: s["compiler"] for n, s in SDIST_ONLY.items()
              if any(f.startswith(n + "-") and f.endswith(".tar.gz") for f in files)}
    index = {"python": PYTHON_VERSION, "platforms": list(PLATFORMS), "requirements": reqs,
             "project_wheel": own, "sdists": sdists, "files": files}
    (dest / INDEX_FILE).write_text(json.dumps(index, indent=1) + "\n", encoding="utf-8")
    return {"python": PYTHON_VERSION, "sdists": sdists, "project_wheel": own,
            "wheels": len(files)}


def check_wheelhouse(wheelhouse: Path, reqs: list[str] | None = None,
                     log: Callable[[str], None] = lambda _m: None) -> None:
    """Resolve the requirements again from the wheelhouse alone (``--no-index``);
    BundleError naming what is missing."""
    import tempfile

    reqs = list(reqs if reqs is not None else edge_requirements())
    with tempfile.TemporaryDirectory(prefix="eldercare-wheelcheck-") as tmp:
        _resolve(Path(tmp), reqs, ["--no-index", "--find-links", str(wheelhouse)], log,
                 sdists_from=wheelhouse)
