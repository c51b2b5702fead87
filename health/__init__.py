"""eldercare-edge: health."""
