"""Shipped configuration and replay data for the device runtime (package data)."""
