"""Runners for `geomap eval`: one module per task (geoparse, events, locate)."""
