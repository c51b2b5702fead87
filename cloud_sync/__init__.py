"""eldercare-edge: cloud_sync."""
