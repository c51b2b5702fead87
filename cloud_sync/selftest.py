"""The self-test a newly installed slot must pass before it stays active.

Run in a child process (``python -m cloud_sync.selftest SLOT``) so that a model that crashes
onnxruntime cannot take the installer down with it: the intent model loads on the best
provider, a fixed set of utterances and one WAV (recognized by the slot's speech model)
classify as expected, a misheard call is read by its sounds as the call (the spoken safety
path's last net), and the slot's TTS voice writes audio. Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cloud_sync.manifest import PAYLOAD

__all__ = ["SelfTestReport", "run_selftest", "selftest_in_child", "DEFAULT_UTTERANCES",
           "SAFETY"]

SAFETY = ("emergency_help", "fall_report")
# Plain, unambiguous sentences: a model that gets one of these wrong must not go live.
DEFAULT_UTTERANCES: tuple[tuple[str, str], ...] = (
    ("i have fallen and i cannot get up", "fall_report"),
    ("help me please call an ambulance", "emergency_help"),
    ("what time is it", "time_query"),
    ("turn on the kitchen light", "home_control"),
    ("thank you", "thanks"),
)
CHILD_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class SelfTestReport:
    """The outcome of a slot's self-test."""

    ok: bool
    reasons: tuple[str, ...] = ()
    """One sentence per failed check."""
    provider: dict[str, Any] = field(default_factory=dict)
    """device.providers choice of the intent model."""
    checks: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "reasons": list(self.reasons), "provider": self.provider,
                "checks": self.checks, "seconds": round(self.seconds, 2)}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> SelfTestReport:
        return cls(ok=bool(obj["ok"]), reasons=tuple(obj.get("reasons", ())),
                   provider=dict(obj.get("provider") or {}), checks=int(obj.get("checks", 0)),
                   seconds=float(obj.get("seconds", 0.0)))


def run_selftest(slot: Path) -> SelfTestReport:
    """Run every check in this process (the child's work)."""
    from device.intent import IntentModel
    from speech.asr import transcribe_file
    from speech.tts import Speaker

    start = time.perf_counter()
    payload = slot / PAYLOAD
    spec = json.loads((payload / "selftest" / "selftest.json").read_text(encoding="utf-8"))
    reasons: list[str] = []
    checks = 0
    model = IntentModel.load(payload / "intent", threads=2)
    provider = model.provider_choice.to_json() if model.provider_choice else {}
    for text, expect in spec["utterances"]:
        checks += 1
        got = model.classify(text).intent
        if got != expect:
            reasons.append(f"intent of {text!r} is {got}, expected {expect}")
    wav = spec["wav"]
    checks += 1
    heard = transcribe_file(payload / "selftest" / wav["file"], engine="pocketsphinx",
                            model=payload / "asr")
    got = model.classify(heard.text).intent
    if got not in wav["expect"]:
        reasons.append(f"{wav['file']} heard as {heard.text!r} -> {got}, expected one of "
                       f"{', '.join(wav['expect'])}")
    checks += 1
    reasons += _sounds_like_check()
    checks += 1
    voice = json.loads((payload / "tts" / "voice.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Speaker(rate_wpm=int(voice["rate_wpm"]), volume=float(voice["volume"]),
                      voice=str(voice["voice"])).to_wav(spec["tts"], Path(tmp) / "tts.wav")
        with wave.open(str(out)) as w:
            frames = w.getnframes()
        if frames < w.getframerate() // 4:
            reasons.append(f"TTS wrote {frames} frames for {spec['tts']!r}")
    return SelfTestReport(ok=not reasons, reasons=tuple(reasons), provider=provider,
                          checks=checks, seconds=time.perf_counter() - start)


MISHEARD_CALL = ("alert my car alert", "alert my carer")
"""A call heard as near-sounding words, and the call phrase the sounds-like reading must
find in it (docs/speech.md, "Calls that sound like a call")."""


def _sounds_like_check() -> list[str]:
    """The spoken safety path's last net works on this board: its dictionary and its
    aligner load, and a misheard call is read as the call (a board once lacked the aligner's
    package, and every ordinary spoken turn failed)."""
    from device.settings import SpokenSettings
    from speech.sounds_like import shared_reader

    heard, phrase = MISHEARD_CALL
    try:
        match = shared_reader(SpokenSettings().sounds_like).match(heard)
    except (ImportError, OSError, LookupError, ValueError) as exc:
        return [f"sounds-like reading of {heard!r} failed: {type(exc).__name__}: {exc}"]
    if match is None or match.phrase != phrase:
        got = match.phrase if match is not None else None
        return [f"sounds-like reading of {heard!r} found {got!r}, expected {phrase!r}"]
    return []


def selftest_in_child(slot: Path, timeout_s: float = CHILD_TIMEOUT_S) -> SelfTestReport:
    """Run the self-test in a child process; a crash or a hang is a failed self-test."""
    start = time.perf_counter()
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
    try:
        proc = subprocess.run([sys.executable, "-m", "cloud_sync.selftest", str(slot)],
                              capture_output=True, text=True, timeout=timeout_s, env=env,
                              check=False)
    except subprocess.TimeoutExpired:
        return SelfTestReport(False, (f"self-test took over {timeout_s:.0f} s",),
                              seconds=time.perf_counter() - start)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode == 0 and lines:
        try:
            return SelfTestReport.from_json(json.loads(lines[-1]))
        except (ValueError, KeyError, TypeError):
            pass
    err = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
    return SelfTestReport(False, (f"self-test crashed: {err[:300]}",),
                          seconds=time.perf_counter() - start)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m cloud_sync.selftest SLOT_DIR", file=sys.stderr)
        return 2
    try:
        report = run_selftest(Path(argv[0]))
    except (OSError, ValueError, LookupError, KeyError) as exc:
        report = SelfTestReport(False, (f"{type(exc).__name__}: {exc}",))
    print(json.dumps(report.to_json()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
