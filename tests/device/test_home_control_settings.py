"""The ``home`` and ``calls`` settings sections: the contract's shape, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from device.settings import SettingsError, load_settings, settings_from_dict

CONTRACT = {
    "zigbee2mqtt_prefix": "zigbee2mqtt",
    "devices": [{"name": "Kitchen Light", "device": "light", "area": "kitchen",
                 "z2m": "kitchen_light"},
                {"name": "heating", "device": "heating", "entity_id": "climate.flat",
                 "timeout_s": 10}],
    "home_assistant": {"url": "http://127.0.0.1:8123/", "token_file": "ha-token.txt"},
    "timeout_s": 3,
}


def test_contract_shape_loads_and_token_path_resolves(tmp_path: Path) -> None:
    (tmp_path / "ha-token.txt").write_text("abc\n")
    cfg = tmp_path / "c.json"
    cfg.write_text(json.dumps({"home": CONTRACT, "calls": {"answer_timeout_s": 120}}))
    s = load_settings(cfg, sets=["home.timeout_s=4"])
    kitchen, heating = s.home.devices
    assert (kitchen.name, kitchen.z2m, kitchen.area) == ("kitchen light", "kitchen_light",
                                                         "kitchen")
    assert heating.entity_id == "climate.flat" and heating.timeout_s == 10.0
    assert s.home.timeout_s == 4.0 and s.calls.answer_timeout_s == 120.0
    assert s.home.home_assistant is not None
    assert s.home.home_assistant.url == "http://127.0.0.1:8123"
    assert s.home.home_assistant.token_file == str(tmp_path / "ha-token.txt")
    assert s.home.home_assistant.read_token() == "abc"
    s.check_files()
    (tmp_path / "ha-token.txt").unlink()
    with pytest.raises(SettingsError, match="token_file"):
        s.check_files()


def test_defaults_have_no_devices() -> None:
    s = settings_from_dict({})
    assert s.home.devices == () and s.home.home_assistant is None and s.calls.enabled


@pytest.mark.parametrize(("home", "match"), [
    ({"devices": [{"name": "x", "device": "lamp", "z2m": "a"}]}, "device 'lamp' is unknown"),
    ({"devices": [{"name": "x", "device": "light"}]}, "exactly one of z2m"),
    ({"devices": [{"name": "x", "device": "light", "z2m": "a", "entity_id": "light.a"}]},
     "exactly one of z2m"),
    ({"devices": [{"name": "x", "device": "light", "entity_id": "light.x"}]},
     "home.home_assistant is not set"),
    ({"devices": [{"name": "x", "device": "heating", "entity_id": "light.x"}],
      "home_assistant": {"url": "http://h:8123", "token_file": "t"}}, "climate entity"),
    ({"devices": [{"name": "x", "device": "light", "z2m": "a/#"}]}, "friendly name"),
    ({"devices": [{"name": "x", "device": "light", "z2m": "a"},
                  {"name": "X", "device": "light", "z2m": "b"}]}, "used twice"),
    ({"devices": [{"device": "light", "z2m": "a"}]}, "needs a name"),
    ({"devices": [{"name": "x", "device": "light", "z2m": "a", "colour": "red"}]},
     "unknown setting home.devices\\[0\\].colour"),
    ({"devices": {"name": "x"}}, "must be a list"),
    ({"timeout_s": 0}, "home.timeout_s must be 0.5..60"),
    ({"timeout_s": "5"}, "must be a number"),
    ({"home_assistant": {"url": "homeassistant:8123", "token_file": "t"}}, "http"),
    ({"bogus": 1}, "unknown setting home.bogus"),
])
def test_bad_home_settings_say_what_to_change(home: dict, match: str) -> None:
    with pytest.raises(SettingsError, match=match):
        settings_from_dict({"home": home})


def test_bad_call_settings() -> None:
    with pytest.raises(SettingsError, match="calls.answer_timeout_s"):
        settings_from_dict({"calls": {"answer_timeout_s": 1}})
    with pytest.raises(SettingsError, match="calls.broker_wait_s"):
        settings_from_dict({"calls": {"broker_wait_s": 0}})
