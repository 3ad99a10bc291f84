"""What the figures were measured on: machine, load, library versions and date."""

from __future__ import annotations

import os
import platform
import sys
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import psutil

__all__ = ["VERSIONED", "describe_machine"]

VERSIONED = ("beleidsgraaf", "spacy", "pyoxigraph", "rdflib", "networkx", "playwright")


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def describe_machine() -> dict[str, Any]:
    """Cores, memory, load and versions now; the report prints this above every table."""
    memory = psutil.virtual_memory()
    load1, load5, load15 = os.getloadavg()
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "cpu": platform.processor() or platform.machine(),
        "logical_cores": psutil.cpu_count(logical=True),
        "physical_cores": psutil.cpu_count(logical=False),
        "memory_gib": round(memory.total / 2**30, 1),
        "available_memory_gib": round(memory.available / 2**30, 1),
        "load_average": [round(load1, 2), round(load5, 2), round(load15, 2)],
        "python": sys.version.split()[0],
        "versions": {name: _version(name) for name in VERSIONED},
    }
