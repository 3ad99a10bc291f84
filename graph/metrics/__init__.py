"""Fragmentation metrics, grouped by topic (networkx style)."""
