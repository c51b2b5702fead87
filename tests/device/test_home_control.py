"""Home control on a real mosquitto with simulated Zigbee2MQTT devices, and against a
stand-in Home Assistant (http.server on 127.0.0.1 that checks the token)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from device.home_control import HomeCatalog, HomeController
from device.home_sim import SimulatedZigbeeDevice
from device.replies import Action
from device.settings_home import HomeAssistantSettings, HomeDevice, HomeSettings
from health.broker import EmbeddedBroker, free_port
from health.mqtt_settings import MqttSettings, make_client

LIGHTS = (HomeDevice("kitchen light", "light", "kitchen", z2m="kitchen_light"),
          HomeDevice("bedroom light", "light", "bedroom", z2m="bedroom_light"),
          HomeDevice("hall light", "light", "hall", z2m="hall/ceiling"))
OTHERS = (HomeDevice("heating", "heating", "living room", z2m="thermostat"),
          HomeDevice("bedroom blinds", "blinds", "bedroom", z2m="bedroom_blinds"),
          HomeDevice("radio", "radio", "kitchen", z2m="kitchen_radio"))


def home(action: str, name: str) -> Action:
    return Action("home", {"name": name, "action": action})


@pytest.fixture
def mqtt(broker: EmbeddedBroker) -> MqttSettings:
    return MqttSettings(url=broker.url)


@pytest.fixture
def controller(mqtt: MqttSettings) -> Iterator[HomeController]:
    settings = HomeSettings(devices=LIGHTS + OTHERS, timeout_s=1.0)
    with HomeController(settings, mqtt) as c:
        yield c


def test_light_on_confirmed_by_the_device_state(mqtt: MqttSettings,
                                                controller: HomeController) -> None:
    with SimulatedZigbeeDevice(mqtt, "kitchen_light", {"state": "OFF"}) as lamp:
        out = controller.execute(home("on", "kitchen light"))
    assert (out.status, out.say) == ("done", "The kitchen light is on.")
    assert lamp.commands == [{"state": "ON"}]
    assert out.data["state"]["state"] == "ON" and out.data["via"] == "zigbee2mqtt"


def test_silent_device_is_reported_unreachable(mqtt: MqttSettings,
                                               controller: HomeController) -> None:
    with SimulatedZigbeeDevice(mqtt, "hall/ceiling", silent=True) as lamp:
        t0 = time.monotonic()
        out = controller.execute(home("off", "hall light"))
        waited = time.monotonic() - t0
    assert (out.status, out.say) == ("failed", "I could not reach the hall light.")
    assert lamp.commands == [{"state": "OFF"}]  # the command went out; nothing came back
    assert "no state within" in out.data["error"] and waited >= 1.0


def test_device_that_answers_unchanged_did_not_switch(mqtt: MqttSettings,
                                                      controller: HomeController) -> None:
    with SimulatedZigbeeDevice(mqtt, "kitchen_light", {"state": "OFF"}, stuck=True):
        out = controller.execute(home("on", "kitchen light"))
    assert (out.status, out.say) == ("failed", "The kitchen light did not turn on.")
    assert out.data["state"] == {"state": "OFF"}


def test_brightness_heating_blinds_and_unsupported(mqtt: MqttSettings,
                                                   controller: HomeController) -> None:
    with SimulatedZigbeeDevice(mqtt, "bedroom_light", {"state": "ON", "brightness": 100}) as lamp, \
            SimulatedZigbeeDevice(mqtt, "thermostat", {"system_mode": "off",
                                                       "occupied_heating_setpoint": 20}) as heat, \
            SimulatedZigbeeDevice(mqtt, "bedroom_blinds", {"position": 0}) as blinds:
        up = controller.execute(home("up", "bedroom light"))
        down = controller.execute(home("down", "bedroom light"))
        on = controller.execute(home("on", "heating"))
        warmer = controller.execute(home("up", "heating"))
        opened = controller.execute(Action("home", {"device": "blinds", "area": "bedroom",
                                                    "action": "up"}))
        radio_up = controller.execute(home("up", "radio"))
    assert (up.say, down.say) == ("The bedroom light is brighter.", "The bedroom light is dimmer.")
    assert lamp.commands == [{"brightness_step": 51, "state": "ON"}, {"brightness_step": -51}]
    assert on.say == "The heating is on." and heat.commands[0] == {"system_mode": "heat"}
    assert warmer.say == "The heating is set to 21 degrees."
    assert heat.commands[1] == {"occupied_heating_setpoint": 21.0}
    assert (opened.status, opened.say) == ("done", "The bedroom blinds are open.")
    assert blinds.commands == [{"position": 100}]
    assert (radio_up.status, radio_up.say) == ("skipped", "I can only turn the radio on or off.")


def test_heating_setpoint_unknown_is_read_first(mqtt: MqttSettings,
                                                controller: HomeController) -> None:
    with SimulatedZigbeeDevice(mqtt, "thermostat", {"system_mode": "heat",
                                                    "occupied_heating_setpoint": 28}) as heat:
        out = controller.execute(home("up", "heating"))
    assert heat.commands == [{"occupied_heating_setpoint": 28.0}]  # capped at the maximum
    assert out.status == "done" and out.say == "The heating is set to 28 degrees."


def test_no_broker_fails_plainly(tmp_path: Path) -> None:
    gone = MqttSettings(url=f"mqtt://127.0.0.1:{free_port()}")
    c = HomeController(HomeSettings(devices=LIGHTS, timeout_s=1.0), gone).start(wait_s=0.1)
    try:
        out = c.execute(home("on", "kitchen light"))
    finally:
        c.stop()
    assert (out.status, out.say) == ("failed", "I could not reach the kitchen light.")
    assert "not connected" in out.data["error"]


def test_offline_device_or_bridge_fails_at_once_and_bad_payloads_are_survived(
        mqtt: MqttSettings, controller: HomeController) -> None:
    z2m = controller.z2m
    assert z2m is not None
    pub = make_client(mqtt, "test-z2m-bridge")
    pub.connect(mqtt.host, mqtt.port)
    pub.loop_start()

    def send(topic: str, payload: bytes, check: Callable[[], bool]) -> None:
        pub.publish(topic, payload, qos=1, retain=True).wait_for_publish(5)
        deadline = time.monotonic() + 10
        while not check() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert check()

    try:
        with SimulatedZigbeeDevice(mqtt, "kitchen_light") as lamp:
            send("zigbee2mqtt/kitchen_light/availability", b'{"state": "offline"}',
                 lambda: z2m.reachable("kitchen_light") is False)
            t0 = time.monotonic()
            off = controller.execute(home("on", "kitchen light"))
            assert time.monotonic() - t0 < 0.5 and lamp.commands == []
            send("zigbee2mqtt/kitchen_light", b"[" * 100_000 + b"]" * 100_000, lambda: True)
            send("zigbee2mqtt/kitchen_light/availability", b"online",
                 lambda: z2m.reachable("kitchen_light") is True)
            back = controller.execute(home("on", "kitchen light"))
            send("zigbee2mqtt/bridge/state", b'{"state": "offline"}',
                 lambda: z2m.reachable("kitchen_light") is False)
            bridge = controller.execute(home("off", "kitchen light"))
    finally:
        for topic in ("zigbee2mqtt/kitchen_light/availability", "zigbee2mqtt/bridge/state"):
            pub.publish(topic, b"", qos=1, retain=True).wait_for_publish(5)
        pub.disconnect()
        pub.loop_stop()
    assert (off.status, off.say) == ("failed", "I could not reach the kitchen light.")
    assert "offline" in off.data["error"]
    assert (back.status, back.say) == ("done", "The kitchen light is on.")
    assert bridge.status == "failed" and "Zigbee2MQTT is offline" in bridge.data["error"]


def test_unresolved_action_is_not_guessed(controller: HomeController) -> None:
    out = controller.execute(Action("home", {"device": "light", "area": "", "action": "on"}))
    assert out.status == "failed" and out.say == "I could not tell which light you mean."
    assert out.data["candidates"] == ["kitchen light", "bedroom light", "hall light"]


# -- the catalog (what the dialogue asks about) ---------------------------------------
def test_catalog_find_and_pick() -> None:
    cat = HomeCatalog(LIGHTS + OTHERS)
    assert [d.name for d in cat.find("turn on the light", {"device": "light"})] == [
        "kitchen light", "bedroom light", "hall light"]
    assert [d.name for d in cat.find("kitchen light on", {"device": "light",
                                                          "area": "kitchen"})] == ["kitchen light"]
    assert cat.find("turn on the fan", {"device": "fan"}) == []
    assert cat.find("do the thing", {}) == []
    assert [d.name for d in cat.find("open the bedroom blinds", {})] == ["bedroom blinds"]
    lights = cat.find("the light", {"device": "light"})
    assert [d.name for d in cat.pick("the bedroom one please", lights)] == ["bedroom light"]
    assert len(cat.pick("all of them", lights)) == 3 and cat.pick("no", lights) == []
    assert [d.name for d in cat.pick("the hallway one", lights)] == ["hall light"]
    hallway = HomeDevice.from_json({"name": "Landing  Lamp", "device": "light",
                                    "area": "Hallway", "z2m": "x"}, 0)
    assert (hallway.name, hallway.area) == ("landing lamp", "hall")
    assert HomeCatalog.listing(lights) == ("the kitchen light, the bedroom light or the hall "
                                           "light")


# -- Home Assistant ---------------------------------------------------------------------
class StandInHomeAssistant:
    """Home Assistant's REST API for a few entities, on 127.0.0.1, checking the token."""

    def __init__(self, token: str, states: dict[str, dict[str, Any]],
                 frozen: bool = False) -> None:
        self.token = token
        self.states = states
        self.frozen = frozen
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StandInHomeAssistant:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _apply(self, service: str, data: dict[str, Any]) -> None:
        ent = self.states[data["entity_id"]]
        attrs = ent.setdefault("attributes", {})
        if service.endswith("turn_on"):
            ent["state"] = "on"
            if "brightness_step_pct" in data:
                attrs["brightness"] = max(0, min(255, attrs.get("brightness", 0)
                                                 + round(2.55 * data["brightness_step_pct"])))
        elif service.endswith("turn_off"):
            ent["state"] = "off"
        elif service == "climate/set_hvac_mode":
            ent["state"] = data["hvac_mode"]
        elif service == "climate/set_temperature":
            attrs["temperature"] = data["temperature"]
        elif service == "cover/open_cover":
            ent["state"], attrs["current_position"] = "open", 100

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        ha = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, code: int, body: Any) -> None:
                raw = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def _authorized(self) -> bool:
                if self.headers.get("Authorization") != f"Bearer {ha.token}":
                    self._send(401, {"message": "Invalid authentication"})
                    return False
                return True

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                if not self._authorized():
                    return
                entity = self.path.removeprefix("/api/states/")
                if entity not in ha.states:
                    self._send(404, {"message": "Entity not found."})
                    return
                self._send(200, {"entity_id": entity, **ha.states[entity]})

            def do_POST(self) -> None:  # noqa: N802
                if not self._authorized():
                    return
                service = self.path.removeprefix("/api/services/")
                data = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                ha.calls.append((service, data))
                if not ha.frozen:
                    ha._apply(service, data)
                self._send(200, [])

        return Handler


def _ha_settings(tmp_path: Path, url: str, devices: tuple[HomeDevice, ...],
                 token: str = "secret-token") -> HomeSettings:
    token_file = tmp_path / "ha-token.txt"
    token_file.write_text(token + "\n")
    return HomeSettings(devices=devices, timeout_s=1.0,
                        home_assistant=HomeAssistantSettings(url, str(token_file)))


HA_DEVICES = (HomeDevice("lamp", "light", "lounge", entity_id="light.lamp"),
              HomeDevice("heating", "heating", entity_id="climate.flat"),
              HomeDevice("blinds", "blinds", entity_id="cover.blinds"))


def _ha_states() -> dict[str, dict[str, Any]]:
    return {"light.lamp": {"state": "off", "attributes": {"brightness": 100}},
            "climate.flat": {"state": "off", "attributes": {"temperature": 19.5}},
            "cover.blinds": {"state": "closed", "attributes": {"current_position": 0}}}


def test_home_assistant_services_and_state_read_back(tmp_path: Path) -> None:
    with StandInHomeAssistant("secret-token", _ha_states()) as ha:
        with HomeController(_ha_settings(tmp_path, ha.url, HA_DEVICES)) as c:
            outs = [c.execute(home(a, n)) for a, n in
                    [("on", "lamp"), ("up", "lamp"), ("on", "heating"), ("up", "heating"),
                     ("open", "blinds")]]
    assert [o.say for o in outs] == [
        "The lamp is on.", "The lamp is brighter.", "The heating is on.",
        "The heating is set to 20.5 degrees.", "The blinds are open."]
    assert all(o.status == "done" and o.data["via"] == "home_assistant" for o in outs)
    assert ha.calls == [
        ("light/turn_on", {"entity_id": "light.lamp"}),
        ("light/turn_on", {"entity_id": "light.lamp", "brightness_step_pct": 20}),
        ("climate/set_hvac_mode", {"entity_id": "climate.flat", "hvac_mode": "heat"}),
        ("climate/set_temperature", {"entity_id": "climate.flat", "temperature": 20.5}),
        ("cover/open_cover", {"entity_id": "cover.blinds"})]


def test_home_assistant_wrong_token_unchanged_state_and_down(tmp_path: Path) -> None:
    with StandInHomeAssistant("secret-token", _ha_states()) as ha:
        with HomeController(_ha_settings(tmp_path, ha.url, HA_DEVICES, "stale")) as c:
            refused = c.execute(home("on", "lamp"))
        ha.frozen = True
        with HomeController(_ha_settings(tmp_path, ha.url, HA_DEVICES)) as c:
            unchanged = c.execute(home("on", "lamp"))
        url = ha.url
    assert (refused.status, refused.say) == ("failed", "I could not reach the lamp.")
    assert "HTTP 401" in refused.data["error"] and "token" in refused.data["error"]
    assert (unchanged.status, unchanged.say) == ("failed", "The lamp did not turn on.")
    with HomeController(_ha_settings(tmp_path, url, HA_DEVICES)) as c:  # server gone
        down = c.execute(home("off", "lamp"))
    assert down.say == "I could not reach the lamp." and "cannot reach" in down.data["error"]


def test_missing_token_file_is_a_clear_error(tmp_path: Path) -> None:
    settings = HomeSettings(devices=HA_DEVICES, home_assistant=HomeAssistantSettings(
        "http://127.0.0.1:1", str(tmp_path / "nope.txt")))
    with pytest.raises(OSError, match="token_file"):
        HomeController(settings).start()
