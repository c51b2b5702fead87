"""The Jetson wheelhouse: the edge extra for Python 3.10 on aarch64 resolves completely from
the bundle's own wheels (``pip download --no-index --find-links``).

The registry is needed once to fill the cache (ELDERCARE_WHEEL_CACHE, default
~/.cache/eldercare-tests/wheelhouse-cp310-aarch64); later runs resolve from the cache."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from cloud_sync.manifest import BundleError
from cloud_sync.wheelhouse import (
    INDEX_FILE,
    REQUIREMENTS_FILE,
    build_wheelhouse,
    check_wheelhouse,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

WHEEL = re.compile(r"^(?P<name>[^-]+)-(?P<ver>[^-]+)(-\d[^-]*)?-(?P<py>[^-]+)-(?P<abi>[^-]+)-"
                   r"(?P<plat>[^-]+)\.whl$")


@pytest.fixture(scope="module")
def cache() -> Path:
    default = Path.home() / ".cache" / "eldercare-tests" / "wheelhouse-cp310-aarch64"
    return Path(os.environ.get("ELDERCARE_WHEEL_CACHE", default))


@pytest.fixture(scope="module")
def wheelhouse(cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("wheels") / "wheels"
    try:
        build_wheelhouse(dest, cache=cache, own_wheel=False)
    except BundleError as exc:
        if "pip" in str(exc) and not (cache / INDEX_FILE).is_file():
            pytest.skip(f"the registry is needed once to fill {cache}: {exc}")
        raise
    return dest


def test_edge_extra_resolves_offline_for_py310_aarch64(wheelhouse: Path) -> None:
    check_wheelhouse(wheelhouse)  # pip download --no-index --find-links WHEELHOUSE
    names = sorted(p.name for p in wheelhouse.iterdir())
    wheels = [n for n in names if n.endswith(".whl")]
    assert len(wheels) > 30
    for w in wheels:
        m = WHEEL.match(w)
        assert m, w
        assert m["plat"] == "any" or "aarch64" in m["plat"], w
        assert m["abi"] in ("none", "abi3", "cp310"), w
    for must in ("onnxruntime-", "tokenizers-", "paho_mqtt-", "cryptography-", "vosk-",
                 "sdnotify-", "tomli-", "cython-", "ninja-", "cmake-", "rapidfuzz-"):
        assert any(n.lower().startswith(must) for n in wheels), must
    assert [n for n in names if n.endswith(".tar.gz")] == \
        [n for n in names if n.startswith("pocketsphinx-")]
    assert (wheelhouse / REQUIREMENTS_FILE).read_text().count("pocketsphinx") == 1


def test_a_missing_wheel_is_named(wheelhouse: Path, tmp_path: Path) -> None:
    partial = tmp_path / "partial"
    shutil.copytree(wheelhouse, partial)
    for f in partial.glob("paho_mqtt-*.whl"):
        f.unlink()
    with pytest.raises(BundleError, match="paho-mqtt"):
        check_wheelhouse(partial)
    for f in partial.glob("pocketsphinx-*.tar.gz"):
        f.unlink()
    shutil.copy2(next(wheelhouse.glob("paho_mqtt-*.whl")), partial)
    with pytest.raises(BundleError, match="no sdist of pocketsphinx"):
        check_wheelhouse(partial)


def test_jetson_bundle_carries_the_wheelhouse(wheelhouse: Path, cache: Path, keys: Path,
                                             keyword_intent: Path, tmp_path: Path) -> None:
    from cloud_sync.build import build_bundle
    from cloud_sync.verify import verify_bundle

    out = tmp_path / "jetson.tar"
    m = build_bundle(keys / "private.pem", out, intent_dir=keyword_intent, target="jetson",
                     version="1.0", wheel_cache=cache)
    assert m.target == "jetson"
    info = m.info["wheelhouse"]
    assert info["python"] == "3.10" and "gcc" in info["sdists"]["pocketsphinx"]
    assert info["project_wheel"].startswith("eldercare_edge-")
    paths = {f.path for f in m.files}
    assert f"wheels/{info['project_wheel']}" in paths and "wheels/requirements-edge.txt" in paths
    assert verify_bundle(out, keys / "public.pem").version == "1.0"
