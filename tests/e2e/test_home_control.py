"""`eldercare run` end to end: spoken-style text turns switch a simulated Zigbee2MQTT light,
report a silent one as unreachable, and ask a caregiver app to call; the reply says only
what happened, and "Anna is calling you now" comes once the app acknowledges."""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from device.home_sim import SimulatedZigbeeDevice
from device.runtime import Runtime
from device.settings import example_config_path, load_settings
from health.broker import EmbeddedBroker
from health.mqtt_settings import make_client, start_subscriber

DEVICES = [{"name": "kitchen light", "device": "light", "area": "kitchen", "z2m": "kitchen_light"},
           {"name": "hall light", "device": "light", "area": "hall", "z2m": "hall_light"}]


def _wait(check: Callable[[], Any], timeout_s: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and not check():
        time.sleep(0.05)
    return check()


def test_home_control_and_call_through_the_runtime(broker: EmbeddedBroker, keyword_model: Path,
                                                   tmp_path: Path) -> None:
    settings = load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(keyword_model),
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state"),
        "home.devices": DEVICES, "home.timeout_s": 1.0})
    mqtt = settings.mqtt.to_mqtt(broker.url)
    requests: list[dict[str, Any]] = []
    subscribed = threading.Event()
    app = make_client(mqtt, "caregiver-phone", clean=True)
    app.on_connect = lambda c, *a: c.subscribe(mqtt.topic("calls"), qos=1)
    app.on_subscribe = lambda *a: subscribed.set()
    app.on_message = lambda c, u, m: requests.append(json.loads(m.payload))
    start_subscriber(app, mqtt, subscribed, 10, "caregiver app")
    lines: list[str] = []
    rfd, wfd = os.pipe()
    stdin, feed = os.fdopen(rfd, "r"), os.fdopen(wfd, "w")

    def resident() -> None:
        try:
            def say(text: str, turns: int) -> None:
                feed.write(text + "\n")
                feed.flush()
                _wait(lambda: sum('"heard"' in x for x in lines) >= turns)

            say("turn on the kitchen light", 1)
            say("turn on the light", 2)
            say("the hall one", 3)
            say("call my daughter", 4)
            if _wait(lambda: requests):
                app.publish(mqtt.topic("calls", requests[0]["id"], "ack"),
                            json.dumps({"by": "Anna"}).encode(), qos=1)
                _wait(lambda: any('"calling"' in x for x in lines))
        finally:
            feed.close()

    with SimulatedZigbeeDevice(mqtt, "kitchen_light") as kitchen, \
            SimulatedZigbeeDevice(mqtt, "hall_light", silent=True) as hall:
        actor = threading.Thread(target=resident, daemon=True)
        actor.start()
        try:
            summary = asyncio.run(Runtime(settings, emit=lines.append, stdin=stdin, tick_s=0.05,
                                          clock=lambda: datetime(2026, 11, 30, 10, 0)).run())
        finally:
            actor.join(30)
            app.disconnect()
            app.loop_stop()
            stdin.close()
    turns = [json.loads(x) for x in lines if '"heard"' in x]
    assert summary["turns"] == 4 and summary["errors"] == 0
    assert [t["say"] for t in turns] == [
        "The kitchen light is on.",
        "Which light: the kitchen light or the hall light?",
        "I could not reach the hall light.",
        "I have asked your daughter Anna to call you."]
    assert [(o["kind"], o["status"]) for t in turns for o in t["outcomes"]] == [
        ("home", "done"), ("home", "failed"), ("call", "done")]
    assert kitchen.commands == [{"state": "ON"}] and hall.commands == [{"state": "ON"}]
    assert [r["contact"] for r in requests] == ["Anna"]
    [news] = [json.loads(x) for x in lines if '"calling"' in x]
    assert news["say"] == "Anna is calling you now." and news["call"]["id"] == requests[0]["id"]
    assert Path(news["wav_out"]).is_file()
    events = [json.loads(x) for x in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert [e["outcome"]["status"] for e in events if e["kind"] in ("home", "call")] == [
        "done", "failed", "done"]
