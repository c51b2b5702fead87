"""eldercare-edge: cloud_sync.

Signed bundles for technicians (docs/bundles.md): `manifest` (what a bundle holds),
`signing` (Ed25519 keys), `build`, `verify`, `slots` (A/B install, switch, roll back),
`selftest` (the check a new slot must pass), `update` (the retained MQTT update notice) and
`wheelhouse` (the offline Python packages for a Jetson board). Nothing here imports torch.
"""
