"""One pyttsx3 synthesis in its own process: a fresh espeak-ng engine per file.

    python -m speech._pyttsx3_worker VOICE RATE_WPM VOLUME OUT.wav  < text

espeak-ng is one synthesizer per process and pyttsx3's espeak driver keeps global state
(the last save_to_file target, its callback, queued parameters), so each file gets a new
process. Exit 0 on success, 3 for an unknown voice, 4 when no audio was produced.
"""

from __future__ import annotations

import contextlib
import io
import sys
import time
import wave
from pathlib import Path


def main(argv: list[str]) -> int:
    voice, rate, volume, out = argv[0], int(argv[1]), float(argv[2]), Path(argv[3])
    text = sys.stdin.read()
    import pyttsx3.engine

    eng = pyttsx3.engine.Engine("espeak")
    try:
        eng.proxy._driver.setProperty("voice", voice)
    except ValueError as exc:
        print(f"espeak-ng voice {voice!r} not available ({exc})", file=sys.stderr)
        return 3
    # Rate and volume go straight to the driver too: the queued setProperty commands race
    # the driver's loop, which starts synthesizing the saved text at once, so about one file
    # in ten came out at espeak's default 200 wpm instead of the resident's slower rate.
    eng.proxy._driver.setProperty("rate", rate)
    eng.proxy._driver.setProperty("volume", volume)
    eng.setProperty("voice", voice)
    eng.setProperty("rate", rate)
    eng.setProperty("volume", volume)
    for _attempt in range(3):
        eng.save_to_file(text, str(out))
        with contextlib.redirect_stdout(io.StringIO()):  # the driver prints "Audio saved to"
            eng.runAndWait()
            # espeak calls back on its own thread: runAndWait can return before the file
            # is written, so wait for it.
            deadline = time.monotonic() + 5.0
            while not _written(out) and time.monotonic() < deadline:
                time.sleep(0.02)
        if _written(out):
            return 0
    print("espeak-ng produced no audio", file=sys.stderr)
    return 4


def _written(out: Path) -> bool:
    """True once the WAV is complete: Python's wave module writes a header saying 0 frames,
    then the samples, then patches the header on close. A file that is merely non-empty
    may still be being written by espeak's thread (returning then cut replies short)."""
    try:
        with wave.open(str(out), "rb") as w:
            frames = w.getnframes()
            width = w.getsampwidth() * w.getnchannels()
        return frames > 0 and out.stat().st_size >= 44 + frames * width
    except (OSError, EOFError, wave.Error):
        return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
