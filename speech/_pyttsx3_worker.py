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
    return out.is_file() and out.stat().st_size > 44


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
