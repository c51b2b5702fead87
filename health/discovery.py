"""Home Assistant MQTT discovery: retained config messages under ``homeassistant/...``.

A caregiver's Home Assistant then shows the device's online status and its last alert
without any setup.
"""

from __future__ import annotations

import json

from .mqtt_settings import MqttSettings

DISCOVERY_PREFIX = "homeassistant"


def discovery_messages(
    settings: MqttSettings, discovery_prefix: str = DISCOVERY_PREFIX
) -> list[tuple[str, bytes]]:
    """(topic, payload) pairs to publish retained, QoS 1."""
    node = f"eldercare_{settings.prefix}_{settings.home}".replace("/", "_").replace(".", "_")
    device = {
        "identifiers": [node],
        "name": f"Eldercare {settings.home}",
        "manufacturer": "eldercare-edge",
        "model": "edge hub",
    }
    status = settings.topic("status")
    configs = {
        f"{discovery_prefix}/binary_sensor/{node}/status/config": {
            "name": "Status",
            "unique_id": f"{node}_status",
            "state_topic": status,
            "payload_on": "online",
            "payload_off": "offline",
            "device_class": "connectivity",
            "device": device,
        },
        f"{discovery_prefix}/sensor/{node}/last_alert/config": {
            "name": "Last alert",
            "unique_id": f"{node}_last_alert",
            "state_topic": settings.topic("alerts"),
            "value_template": "{{ value_json.level }}: {{ value_json.reason }}",
            "json_attributes_topic": settings.topic("alerts"),
            "availability_topic": status,
            "icon": "mdi:alert",
            "device": device,
        },
    }
    return [(t, json.dumps(c, separators=(",", ":")).encode()) for t, c in configs.items()]
