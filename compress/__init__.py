"""eldercare-edge: compress."""
