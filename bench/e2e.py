"""End-to-end latency per stage (ASR, intent, dialogue, actions, TTS) and spoken-fall alert
delivery through mosquitto. Same as `eldercare bench e2e`; ends with one JSON line and writes
bench-out/e2e/e2e.json and e2e.png.

    python bench/e2e.py [--repeats 5] [--model DIR] [--asr-engine pocketsphinx]
"""

from __future__ import annotations

import sys

from device.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", "e2e", *sys.argv[1:]]))
