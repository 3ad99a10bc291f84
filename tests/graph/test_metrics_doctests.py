"""The worked examples in the metrics' docstrings are doctests: they must stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

METRIC_MODULES = [
    "beleidsgraaf.graph.metrics.components",
    "beleidsgraaf.graph.metrics.fragmentation",
    "beleidsgraaf.graph.metrics.centralization",
    "beleidsgraaf.graph.metrics.community",
    "beleidsgraaf.graph.metrics.brokerage",
    "beleidsgraaf.graph.metrics.keyplayers",
    "beleidsgraaf.graph.metrics.overlap",
    "beleidsgraaf.graph.metrics.concentration",
    "beleidsgraaf.graph.metrics.policymix",
    "beleidsgraaf.graph.metrics.mixing",
    "beleidsgraaf.graph.metrics.bootstrap",
]
MODULES = [
    *METRIC_MODULES,
    "beleidsgraaf.graph.metrics.adjacency",
    "beleidsgraaf.graph.projection",
    "beleidsgraaf.graph.versnippering",
    "beleidsgraaf.viz.report",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    failed, attempted = doctest.testmod(
        module, extraglobs={"nx": importlib.import_module("networkx")}
    )
    assert attempted > 0, f"{name} has no worked examples"
    assert failed == 0


@pytest.mark.parametrize("name", METRIC_MODULES)
def test_every_public_metric_documents_range_and_reference(name: str) -> None:
    module = importlib.import_module(name)
    for public in module.__all__:
        obj = getattr(module, public)
        if not callable(obj):
            continue
        doc = obj.__doc__ or ""
        assert "References" in doc, f"{name}.{public} cites no literature"
        assert "Examples" in doc, f"{name}.{public} has no worked example"
        assert "Range" in doc or "range" in doc, f"{name}.{public} gives no range"
