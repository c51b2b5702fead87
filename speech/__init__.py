"""eldercare-edge: speech."""
