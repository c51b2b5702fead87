"""eldercare-edge: device."""
