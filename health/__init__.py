"""eldercare-edge: health.

Sensor readings -> validation -> NEWS2 and other detectors -> alerts over MQTT.

- :mod:`health.readings`: the reading schema (``Reading``) and its validation with
  per-reason rejections; :mod:`health.zigbee`: Zigbee2MQTT payloads; :mod:`health.replay`.
- :mod:`health.news2`: NEWS2 per the RCP chart (2017), ``score(obs) -> News2Result``.
- :mod:`health.detectors`: falls, inactivity, rising NEWS2; :mod:`health.monitor`:
  ``HealthMonitor.process(reading) -> list[Alert]``; :mod:`health.ingest`: MQTT sensors in.
- :mod:`health.alerting`: ``AlertService`` (suppression, durable outbox, escalation) on
  :mod:`health.delivery` (reliable QoS 1 publishing); :mod:`health.caregiver`:
  ``CaregiverClient``; :mod:`health.mqtt_settings`: ``MqttSettings``.
- :mod:`health.broker`: an embedded mosquitto for the demo, the tests and the benchmark.

Nothing heavy is imported here; import the submodules you need.
"""
