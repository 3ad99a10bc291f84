"""Dated, offline snapshots of public organisation registries (see README.md)."""
