"""How the map looks: one colour and shape per node type, one colour and dash per predicate.

Kept apart from the rendering code so the legend, the Python side and the page always agree,
and so the palette can be read (and changed) in one place. Colours are chosen to stay apart for
the common forms of colour blindness (Okabe-Ito and Tableau-derived), and every type also has its
own shape, so nothing depends on colour alone. Labels are Dutch: the readers are coordinators.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "COMMUNITY_COLOURS",
    "LANDSDEEL_COLOURS",
    "NO_GROUP_COLOUR",
    "PREDICATE_STYLES",
    "TYPE_STYLES",
    "UNCERTAIN_BELOW",
    "UNCERTAIN_STYLE",
    "EdgeStyle",
    "NodeStyle",
]


@dataclass(frozen=True, slots=True)
class NodeStyle:
    label: str
    colour: str
    shape: str
    """A vis-network shape that draws its label below it (so labels stay readable)."""


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    label: str
    colour: str
    dashes: tuple[int, ...] = ()
    arrow: bool = True
    width: float = 1.5


TYPE_STYLES: dict[str, NodeStyle] = {
    "Organisation": NodeStyle("Organisatie", "#0072B2", "dot"),
    "Programme": NodeStyle("Programma", "#E69F00", "diamond"),
    "Intervention": NodeStyle("Interventie", "#009E73", "square"),
    "Region": NodeStyle("Regio", "#CC79A7", "triangle"),
    "Person": NodeStyle("Persoon", "#D55E00", "star"),
}

PREDICATE_STYLES: dict[str, EdgeStyle] = {
    "coordinates": EdgeStyle("coördineert", "#C0392B", width=2.5),
    "funds": EdgeStyle("financiert", "#1E8449", width=2.0),
    "participatesIn": EdgeStyle("neemt deel aan", "#2E86C1"),
    "implements": EdgeStyle("voert uit", "#D68910"),
    "collaboratesWith": EdgeStyle("werkt samen met", "#8E44AD", arrow=False),
    "partOf": EdgeStyle("is onderdeel van", "#566573", dashes=(8, 4)),
    "locatedIn": EdgeStyle("ligt in", "#A04000", dashes=(2, 4)),
    "addresses": EdgeStyle("richt zich op", "#117A65", dashes=(4, 2)),
    "coOccursWith": EdgeStyle("samen genoemd met", "#B3B6B7", dashes=(2, 3), arrow=False, width=1),
}

LANDSDEEL_COLOURS: tuple[str, ...] = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#AA3377")
"""Colours for the landsdelen in alphabetical order of their labels (there are five)."""

COMMUNITY_COLOURS: tuple[str, ...] = (
    "#4E79A7",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#17BECF",
    "#BCBD22",
    "#7F3C8D",
)
"""The largest communities get their own colour; smaller ones share :data:`NO_GROUP_COLOUR`."""

NO_GROUP_COLOUR = "#BBBBBB"

UNCERTAIN_BELOW = 0.7
"""A link whose confidence (``bg:confidence``, 0-1) is below this is drawn as uncertain: the
extractor expects more than one in four such statements to be wrong."""


@dataclass(frozen=True, slots=True)
class UncertainStyle:
    opacity: float
    width_factor: float


UNCERTAIN_STYLE = UncertainStyle(opacity=0.35, width_factor=0.6)
"""How an uncertain link differs: faint and thin (its predicate's colour and dashes stay)."""
