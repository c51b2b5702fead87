"""eldercare bundle: build, verify, install, roll back, status, and every refusal, with real
keys, real tar files, a tiny real intent model and the real self-test child process."""

from __future__ import annotations

import json
import os
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from cloud_sync.manifest import BundleError
from cloud_sync.slots import check_slot
from device.cli import main

from .conftest import repack, tree_digest


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    return rc, (json.loads(lines[-1]) if lines else {}), err


def test_keygen_writes_a_pair_and_never_overwrites(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rc, obj, _ = run_cli(capsys, "bundle", "keygen", "--out", str(tmp_path / "k"))
    assert rc == 0 and Path(obj["private"]).is_file() and Path(obj["public"]).is_file()
    assert (tmp_path / "k" / "private.pem").stat().st_mode & 0o777 == 0o600
    before = (tmp_path / "k" / "private.pem").read_bytes()
    rc, _, err = run_cli(capsys, "bundle", "keygen", "--out", str(tmp_path / "k"))
    assert rc != 0 and err.startswith("eldercare: error:") and "refusing" in err
    assert (tmp_path / "k" / "private.pem").read_bytes() == before


def test_build_verify_install_rollback_status(tmp_path: Path, keys: Path, keyword_intent: Path,
                                              make_bundle, capsys) -> None:  # type: ignore[no-untyped-def]
    pub, root = str(keys / "public.pem"), str(tmp_path / "root")
    out = tmp_path / "b.tar"
    rc, built, _ = run_cli(capsys, "bundle", "build", "--key", str(keys / "private.pem"),
                           "--out", str(out), "--intent", str(keyword_intent),
                           "--target", "cpu", "--version", "1.0")
    assert rc == 0 and built["version"] == "1.0" and built["target"] == "cpu"
    with tarfile.open(out) as tar:
        names = tar.getnames()
    assert names[:2] == ["manifest.json", "manifest.sig"]
    for part in ("intent/model.onnx", "intent/model_fp16.onnx", "intent/tokenizer.json",
                 "asr/domain.lm.txt", "tts/voice.json", "settings/default.json",
                 "selftest/fall.wav", "selftest/selftest.json"):
        assert f"payload/{part}" in names
    rc, ver, _ = run_cli(capsys, "bundle", "verify", str(out), "--pubkey", pub)
    assert rc == 0 and ver["ok"] and ver["files"] == built["files"]

    rc, res, _ = run_cli(capsys, "bundle", "install", str(out), "--root", root, "--pubkey", pub)
    assert rc == 0 and res["result"] == "ok" and res["slot"] == "a"
    assert res["selftest"]["ok"] and res["selftest"]["provider"]["variant"] == "int8"
    rc, res, _ = run_cli(capsys, "bundle", "install", str(make_bundle("1.1")), "--root", root,
                         "--pubkey", pub)
    assert rc == 0 and res["slot"] == "b" and res["version"] == "1.1"
    rc, st, _ = run_cli(capsys, "bundle", "status", "--root", root)
    assert rc == 0 and (st["active"], st["version"], st["target"]) == ("b", "1.1", "cpu")
    assert st["other"] == {"slot": "a", "version": "1.0", "target": "cpu"}
    assert st["last_install"]["result"] == "ok"

    rc, rb, _ = run_cli(capsys, "bundle", "rollback", "--root", root)
    assert rc == 0 and rb == {"active": "a", "version": "1.0", "previous": "b"}
    rc, st, _ = run_cli(capsys, "bundle", "status", "--root", root)
    assert (st["active"], st["version"]) == ("a", "1.0")
    assert os.readlink(Path(root) / "current") == "slots/a"
    check_slot(Path(root) / "current")


def _evil_members(name: str) -> Callable[[list], None]:
    def edit(members: list) -> None:
        info = tarfile.TarInfo(name)
        members.append((info, b"root:x:0:0::/root:/bin/sh\n"))
    return edit


def _tamper(members: list) -> None:
    for i, (m, data) in enumerate(members):
        if m.name == "payload/intent/model.onnx":
            members[i] = (m, data[:-1] + bytes([data[-1] ^ 1]))


def _drop_file(members: list) -> None:
    members[:] = [(m, d) for m, d in members if m.name != "payload/tts/voice.json"]


def _symlink(members: list) -> None:
    for i, (m, _data) in enumerate(members):
        if m.name == "payload/tts/voice.json":
            link = tarfile.TarInfo(m.name)
            link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
            members[i] = (link, b"")


def _hardlink(members: list) -> None:
    for i, (m, _data) in enumerate(members):
        if m.name == "payload/tts/voice.json":
            link = tarfile.TarInfo(m.name)
            link.type, link.linkname = tarfile.LNKTYPE, "payload/selftest/selftest.json"
            members[i] = (link, b"")


def _grow(members: list) -> None:
    for i, (m, data) in enumerate(members):
        if m.name == "payload/tts/voice.json":
            members[i] = (m, data + b" ")


CASES = {
    "tampered file": (_tamper, "sha256 does not match"),
    "manifest names a missing file": (_drop_file, "missing from the bundle"),
    "path escaping the bundle": (_evil_members("../../etc/passwd"), "escapes"),
    "escaping inside payload": (_evil_members("payload/../../etc/passwd"), "escapes"),
    "absolute path": (_evil_members("/etc/passwd"), "absolute"),
    "file not in the manifest": (_evil_members("payload/extra.bin"), "not listed"),
    "symlink": (_symlink, "is a link"),
    "hard link": (_hardlink, "is a link"),
    "size differs from the manifest": (_grow, "declares"),
}


@pytest.fixture
def installed(tmp_path: Path, keys: Path, make_bundle) -> tuple[Path, str]:  # type: ignore[no-untyped-def]
    """A root with version 1.0 active in slot a; returns (root, its digest)."""
    from cloud_sync.slots import install

    root = tmp_path / "root"
    install(make_bundle("1.0"), root, keys / "public.pem")
    return root, tree_digest(root)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_bad_bundle_is_refused_and_the_active_slot_untouched(
        case: str, installed, keys: Path, make_bundle, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root, before = installed
    edit, why = CASES[case]
    bad = repack(make_bundle("2.0"), tmp_path / "bad.tar", edit)
    pub = str(keys / "public.pem")
    rc, _, err = run_cli(capsys, "bundle", "verify", str(bad), "--pubkey", pub)
    assert rc == 2 and why in err and len(err.strip().splitlines()) == 1, err
    rc, _, err = run_cli(capsys, "bundle", "install", str(bad), "--root", str(root),
                         "--pubkey", pub)
    assert rc == 2 and err.splitlines()[-1].startswith("eldercare: error:") and why in err
    assert tree_digest(root) == before
    assert not Path("/etc/passwd").is_symlink()
    assert not (tmp_path / "etc").exists() and not (root.parent / "etc").exists()
    check_slot(root / "current")


def test_truncated_bundle_and_wrong_key_are_refused(installed, keys: Path, other_keys: Path,
                                                   make_bundle, keyword_intent: Path,
                                                   tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root, before = installed
    good = make_bundle("2.0")
    data = good.read_bytes()
    with tarfile.open(good) as tar:
        last = tar.getmembers()[-1]
    # inside the manifest's header, the middle, and inside the last file's data
    for cut in (700, len(data) // 2, last.offset_data + last.size // 2):
        short = tmp_path / f"short-{cut}.tar"
        short.write_bytes(data[:cut])
        rc, _, err = run_cli(capsys, "bundle", "install", str(short), "--root", str(root),
                             "--pubkey", str(keys / "public.pem"))
        assert rc == 2 and err.splitlines()[-1].startswith("eldercare: error:"), err
        assert "truncated" in err or "missing" in err or "signed manifest" in err, err
    rc, _, err = run_cli(capsys, "bundle", "install", str(good), "--root", str(root),
                         "--pubkey", str(other_keys / "public.pem"))
    assert rc == 2 and "signature does not match" in err
    # signed with another key: the manifest is intact, the signature is not ours
    from cloud_sync.build import build_bundle

    foreign = build_bundle(other_keys / "private.pem", tmp_path / "foreign.tar",
                           intent_dir=keyword_intent, version="3.0")
    assert foreign.version == "3.0"
    rc, _, err = run_cli(capsys, "bundle", "verify", str(tmp_path / "foreign.tar"),
                         "--pubkey", str(keys / "public.pem"))
    assert rc == 2 and "signature does not match" in err
    assert tree_digest(root) == before


def test_a_bundle_whose_model_fails_the_selftest_rolls_back(installed, keys: Path, make_bundle,
                                                           broken_intent: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root, before = installed
    bad = make_bundle("2.0", intent=broken_intent)
    rc, _, err = run_cli(capsys, "bundle", "install", str(bad), "--root", str(root),
                         "--pubkey", str(keys / "public.pem"))
    assert rc == 2
    line = err.strip().splitlines()[-1]
    assert line.startswith("eldercare: error: self-test failed in slot b: intent of")
    assert "switched back to slot a" in line
    rc, st, _ = run_cli(capsys, "bundle", "status", "--root", str(root))
    assert (st["active"], st["version"]) == ("a", "1.0")
    assert st["last_install"]["result"] == "rolled_back"
    assert st["last_install"]["version"] == "2.0"
    assert os.readlink(root / "current") == "slots/a"
    check_slot(root / "current")


def test_rollback_and_status_refusals(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rc, _, err = run_cli(capsys, "bundle", "status", "--root", str(tmp_path / "nope"))
    assert rc == 2 and "bundle root not found" in err
    (tmp_path / "empty").mkdir()
    rc, _, err = run_cli(capsys, "bundle", "rollback", "--root", str(tmp_path / "empty"))
    assert rc == 2 and "no active slot" in err
    rc, st, _ = run_cli(capsys, "bundle", "status", "--root", str(tmp_path / "empty"))
    assert rc == 0 and st["active"] is None and st["last_install"] is None


def test_rollback_with_one_slot_is_refused(installed, capsys) -> None:  # type: ignore[no-untyped-def]
    root, before = installed
    rc, _, err = run_cli(capsys, "bundle", "rollback", "--root", str(root))
    assert rc == 2 and "slot b holds no bundle" in err
    assert tree_digest(root) == before


def test_manifest_paths_are_checked_before_signing() -> None:
    from cloud_sync.manifest import FileEntry

    for bad in ("../../etc/passwd", "/etc/passwd", "a/../b", "a//b", ""):
        with pytest.raises(BundleError):
            FileEntry(bad, "0" * 64, 1)


def test_the_selftest_fails_a_slot_whose_sounds_like_reading_fails(
        installed, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A board without the aligner's package (or with a broken dictionary) must not keep a
    slot: the self-test reads a misheard call by its sounds and names the failure."""
    import speech.sounds_like
    from cloud_sync.selftest import run_selftest

    root, _ = installed
    good = run_selftest(root / "current")
    assert good.ok, good.reasons

    def missing(threshold: float = 80.0) -> None:
        raise ModuleNotFoundError("No module named 'rapidfuzz'")

    monkeypatch.setattr(speech.sounds_like, "shared_reader", missing)
    bad = run_selftest(root / "current")
    assert not bad.ok and bad.checks == good.checks
    assert bad.reasons == ("sounds-like reading of 'alert my car alert' failed: "
                           "ModuleNotFoundError: No module named 'rapidfuzz'",)
