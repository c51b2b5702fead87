"""Helpers for the scenario and fault tests: play a script through the real device on a
simulated clock (device.scenario) and check what the caregiver got and what was said."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from device.scenario import ScenarioPlayer, parse_script
from device.settings import example_config_path, load_settings

TOLD = "I have told"
"""What the device says only when an alert is delivered (the outcome rule)."""


class Played:
    """What a scenario printed."""

    def __init__(self, lines: list[str], summary: dict[str, Any], player: ScenarioPlayer):
        self.lines = [json.loads(x) for x in lines]
        self.summary = summary
        self.player = player

    @property
    def turns(self) -> list[dict[str, Any]]:
        return [x for x in self.lines if "heard" in x]

    @property
    def alerts(self) -> list[dict[str, Any]]:
        return [x["alert"] for x in self.lines if "alert" in x]

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [x for x in self.lines if "error" in x]

    def kinds(self) -> list[str]:
        return [a["kind"] for a in self.alerts]

    def calls_for_help(self) -> list[dict[str, Any]]:
        """Alerts of the resident's own calls (spoken falls and requests for help)."""
        return [a for a in self.alerts if a["kind"] in ("spoken_fall", "help_request")]


def play(tmp_path: Path, broker_url: str, model: Path, script: list[dict[str, Any]],
         sets: tuple[str, ...] = (), work: Path | None = None,
         runtime_hook: Callable[[Any], None] | None = None,
         step_hook: Callable[[Any, ScenarioPlayer], None] | None = None,
         wait_s: float = 5.0) -> Played:
    path = tmp_path / "script.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in script))
    base = {"mqtt.url": broker_url, "intent.model_dir": str(model)}

    def load(extra: list[str]) -> Any:
        return load_settings(example_config_path(), base, [*sets, *extra])

    lines: list[str] = []
    player = ScenarioPlayer(load, parse_script(path), emit=lines.append,
                            work_dir=work or tmp_path / "work", wait_s=wait_s,
                            runtime_hook=runtime_hook, step_hook=step_hook)
    summary = player.run()
    played = Played(lines, summary, player)
    assert played.lines[-1] == summary
    assert_truthful(played)
    return played


def assert_truthful(played: Played) -> None:
    """No reply claims that a caregiver was told unless the alert was delivered: the turn's
    alert outcome is 'done' and the caregiver received that alert."""
    received = {a["id"] for a in played.alerts}
    for turn in played.turns:
        said = turn.get("say", turn["reply"]["text"])
        if TOLD in said:
            done = [o for o in turn.get("outcomes", [])
                    if o["kind"] == "alert" and o["status"] == "done"]
            assert done, f"claims a caregiver was told without a delivered alert: {turn}"
            assert all(o["data"]["alert"] in received for o in done), turn
