"""The map's view state as text: the URL fragment a shared link carries, and named presets.

The page keeps its whole view (which view, its filters, the selection, the colouring, the zoom)
in the URL fragment, e.g. ``#weergave=landsdeel&landsdeel=Landsdeel+Oost&kleur=gemeenschap``,
so a link to the one HTML file reopens the same view, offline. ``beleidsgraaf map --view
NAME=STATE`` writes such states into the page as named presets; this module checks them against
the graph and writes them in the one form the page reads (``viz/static/map.js`` parses the
same keys). Names may be used where the page stores identifiers: ``rond=4TU`` becomes the
entity's short id, ``landsdeel=oost`` the landsdeel's label.

Examples
--------
>>> from beleidsgraaf.viz.mapdata import MapData, MapNode
>>> iri = ID_BASE + "4tu"
>>> data = MapData(nodes={iri: MapNode(iri, "4TU.Federatie", "Organisation", ["4TU.Federatie"])})
>>> parse_preset("4TU=rond=4TU.Federatie&diepte=2", data)
('4TU', 'weergave=netwerk&rond=4tu&diepte=2')
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.ontology.iri import BASE
from beleidsgraaf.viz.mapdata import NODE_TYPES, MapData
from beleidsgraaf.viz.views import find_node, normalise

__all__ = ["COLOUR_NAMES", "ID_BASE", "KEYS", "VIEWS", "parse_preset", "parse_state", "short_id"]

ID_BASE = BASE + "id/"
"""Entity IRIs are written in a state without this prefix (they stay readable in a link)."""

VIEWS = ("overzicht", "landsdeel", "programma", "netwerk", "gemeenschap")
"""The page's views: all, one landsdeel, one programme, an actor's ego network, communities."""

COLOUR_NAMES = {"type": "type", "gemeenschap": "community", "landsdeel": "landsdeel"}
"""Colourings as written in a state (Dutch) and as the renderer names them."""

VIEW_OF_KEY = {"landsdeel": "landsdeel", "programma": "programma", "rond": "netwerk"}
"""A state naming a landsdeel, programme or actor but no view means that view."""

KEYS = (
    "weergave",
    "landsdeel",
    "programma",
    "rond",
    "diepte",
    "groep",
    "typen",
    "min",
    "samen",
    "los",
    "jaar",
    "zekerheid",
    "kleur",
    "selectie",
    "zoom",
)
"""Every key of a state, in the order they are written."""


def short_id(iri: str) -> str:
    """An entity IRI as a state writes it (without :data:`ID_BASE`)."""
    return iri[len(ID_BASE) :] if iri.startswith(ID_BASE) else iri


def parse_preset(text: str, data: MapData) -> tuple[str, str]:
    """Split ``NAME=STATE`` (as given to ``--view``) and check the state; return both.

    ``STATE`` may be a whole link to the map (``map.html#weergave=...``) or just its fragment.

    Raises
    ------
    ConfigError
        When there is no name, or the state has an unknown key or a value the graph does not
        have (the message names the preset and the key).
    """
    name, sep, state = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise ConfigError(f"--view {text!r}: write NAME=STATE, e.g. Oost=landsdeel=Oost")
    try:
        return name, parse_state(state.split("#", 1)[-1], data)
    except ConfigError as exc:
        raise ConfigError(f"--view {name}: {exc}") from exc


def parse_state(fragment: str, data: MapData) -> str:
    """Check a state against ``data`` and write it in normal form (keys in :data:`KEYS` order).

    Raises
    ------
    ConfigError
        For an unknown key or a value the graph does not have.
    """
    pairs = parse_qsl(fragment.lstrip("#"), keep_blank_values=True)
    given: dict[str, str] = {}
    for key, value in pairs:
        if key not in KEYS:
            raise ConfigError(f"unknown setting {key!r} (known: {', '.join(KEYS)})")
        given[key] = value.strip()
    checks: dict[str, Callable[[str, MapData], str]] = {
        "weergave": _view,
        "landsdeel": _landsdeel,
        "programma": _entity,
        "rond": _entity,
        "selectie": _entity,
        "diepte": _choice("1", "2"),
        "groep": _count(1),
        "typen": _types,
        "min": _count(0),
        "samen": _choice("0", "1"),
        "los": _choice("0", "1"),
        "jaar": _count(0),
        "zekerheid": _fraction,
        "kleur": _colour,
        "zoom": _zoom,
    }
    out: dict[str, str] = {}
    for key, value in given.items():
        try:
            out[key] = checks[key](value, data)
        except ConfigError as exc:
            raise ConfigError(f"{key}: {exc}") from exc
    if "weergave" not in out:
        implied = [VIEW_OF_KEY[k] for k in VIEW_OF_KEY if k in out] or (
            ["gemeenschap"] if "groep" in out else []
        )
        if implied:
            out["weergave"] = implied[0]
    return urlencode([(key, out[key]) for key in KEYS if key in out])


def _view(value: str, data: MapData) -> str:
    if value not in VIEWS:
        raise ConfigError(f"must be one of {', '.join(VIEWS)}, not {value!r}")
    return value


def _landsdeel(value: str, data: MapData) -> str:
    known = sorted({ld for node in data.nodes.values() for ld in node.landsdelen})
    wanted = normalise(value)
    for label in known:
        if normalise(label) in (wanted, f"landsdeel {wanted}"):
            return label
    raise ConfigError(f"unknown landsdeel {value!r} (known: {', '.join(known) or 'none'})")


def _entity(value: str, data: MapData) -> str:
    candidates = (value, ID_BASE + value)
    for candidate in candidates:
        if candidate in data.nodes:
            return short_id(candidate)
    try:
        return short_id(find_node(data, value))
    except ConfigError as exc:
        raise ConfigError(str(exc).replace("--focus: ", "")) from exc


def _choice(*allowed: str) -> Callable[[str, MapData], str]:
    def check(value: str, data: MapData) -> str:
        if value not in allowed:
            raise ConfigError(f"must be one of {', '.join(allowed)}, not {value!r}")
        return value

    return check


def _count(least: int) -> Callable[[str, MapData], str]:
    def check(value: str, data: MapData) -> str:
        if not value.isdigit() or int(value) < least:
            raise ConfigError(f"must be a whole number of at least {least}, not {value!r}")
        return str(int(value))

    return check


def _types(value: str, data: MapData) -> str:
    wanted = [t.strip() for t in value.split(",") if t.strip()]
    unknown = [t for t in wanted if t not in NODE_TYPES]
    if unknown:
        raise ConfigError(f"unknown type {', '.join(unknown)} (known: {', '.join(NODE_TYPES)})")
    return ",".join(t for t in NODE_TYPES if t in wanted)


def _fraction(value: str, data: MapData) -> str:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise ConfigError(f"must be a number from 0 to 1, not {value!r}")
    return f"{number:g}"


def _colour(value: str, data: MapData) -> str:
    if value not in COLOUR_NAMES:
        raise ConfigError(f"must be one of {', '.join(COLOUR_NAMES)}, not {value!r}")
    return value


def _zoom(value: str, data: MapData) -> str:
    parts = value.split(",")
    try:
        scale, x, y = (float(p) for p in parts)
    except ValueError:
        scale = -1.0
    if len(parts) != 3 or scale <= 0:
        raise ConfigError(f"write SCALE,X,Y with a positive scale, not {value!r}")
    return f"{scale:g},{x:g},{y:g}"
