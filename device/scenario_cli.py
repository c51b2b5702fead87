"""`eldercare scenario` (a script on a simulated clock through the real device) and
`eldercare status` (what the running device last wrote in its state folder); see
docs/runtime.md."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

__all__ = ["read_status", "register"]


def register(subparsers: Any) -> None:
    from device.runtime_cli import _settings_args

    sc = subparsers.add_parser(
        "scenario", help="play a JSON-lines script on a simulated clock through the device",
        description="Plays a script (one JSON object a line: \"at\" and one of say, wav, "
                    "reading, ack, restart, set) through the real device on a simulated "
                    "clock, with an embedded broker (unless --broker) and a caregiver "
                    "subscriber. Prints one JSON line per turn, reminder and alert received, "
                    "then a summary line. See docs/runtime.md.")
    sc.add_argument("file", help="the script (JSON lines)")
    _settings_args(sc, config_required=False)
    sc.set_defaults(func=_scenario)

    st = subparsers.add_parser(
        "status", help="the running device's services, outbox depth and model versions",
        description="Prints one JSON line: each service and its last heartbeat, the outbox "
                    "depth, model versions and counters, as the device last wrote them in "
                    "its state folder (output.state_dir), with their age.")
    st.add_argument("--config", default=None, help="JSON settings file (as eldercare run)")
    st.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                    help="override a setting, e.g. --set output.state_dir=/var/lib/eldercare")
    st.set_defaults(func=_status)


def _scenario(args: argparse.Namespace) -> int:
    from device.runtime_cli import _load
    from device.scenario import ScenarioPlayer, parse_script

    path = Path(args.file)
    if not path.is_file():
        raise FileNotFoundError(f"scenario file {path} does not exist")
    steps = parse_script(path)
    base_sets = list(args.set)

    def load(extra: list[str]) -> Any:
        args.set = base_sets + extra
        return _load(args)

    load([])  # bad settings fail before anything starts
    ScenarioPlayer(load, steps, emit=lambda line: print(line, flush=True)).run()
    return 0


def read_status(state_dir: str | Path, now: float | None = None) -> dict[str, Any]:
    """The device's last status (``<state_dir>/status.json``) with ``age_s`` and
    ``running`` (not stopped, and written within three ticks, two rewrite periods and 10 s)."""
    from device.runtime import STATUS_FILE

    path = Path(state_dir).expanduser() / STATUS_FILE
    try:
        data = json.loads(path.read_text())
    except FileNotFoundError:
        raise FileNotFoundError(f"no device status in {path.parent}: the device has not run "
                                "with this state folder (start `eldercare run --config FILE` "
                                "or pass the same --config)") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path} is damaged ({exc}); it is rewritten every tick while the "
                         "device runs") from None
    if not isinstance(data, dict) or not isinstance(data.get("ts"), (int, float)):
        raise ValueError(f"{path} is not a device status file")
    age = (time.time() if now is None else now) - float(data["ts"])
    fresh = max(3 * float(data.get("tick_s") or 1.0), 2 * float(data.get("every_s") or 5.0),
                10.0)
    running = not data.get("stopped", False) and -fresh <= age <= fresh
    return {"running": running, "age_s": round(age, 1), **data}


def _status(args: argparse.Namespace) -> int:
    from device.settings import example_config_path, load_settings

    path = args.config if args.config is not None else example_config_path()
    settings = load_settings(path, None, args.set)
    print(json.dumps(read_status(settings.output.state_dir)), flush=True)
    return 0
