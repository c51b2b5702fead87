"""Alert benchmark: readings -> alerts -> caregiver through a real mosquitto.

Same as `eldercare bench alerts [--quick] [--out DIR]`; see health/bench_alerts.py.
Run from the repository root: `python bench/alerts.py --quick`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from device.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["bench", "alerts", *sys.argv[1:]]))
