"""The default graph is the maintained union of the named graphs: writes, replacements, removals,
updates, the upgrade of a store written before, and dumps that load back to the same store."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph as ox
import pytest

from beleidsgraaf.errors import QueryError
from beleidsgraaf.graph.store import UNION_MARKER, VOCABULARY_GRAPH, Store
from beleidsgraaf.queries.library import load_library, run_query
from beleidsgraaf.queries.sample import sample_extractions, sample_vocabulary

DEFAULT = ox.DefaultGraph()


def _default(store: Store) -> set[ox.Triple]:
    return {q.triple for q in store.oxigraph.quads_for_pattern(None, None, None, DEFAULT)}


def _union(store: Store) -> set[ox.Triple]:
    return {q.triple for q in store.oxigraph if q.graph_name != DEFAULT}


def _fill(store: Store, version: int = 1) -> Store:
    for extraction in sample_extractions(version):
        store.write_extraction(extraction)
    store.load_vocabulary(sample_vocabulary())
    return store


def _answers(store: Store) -> dict[str, object]:
    """Every library query's rows with its example parameters (the sample graph's values)."""
    return {
        name: run_query(store, q, {p.name: p.example for p in q.params}).rows
        for name, q in load_library().items()
    }


def test_default_graph_is_the_union_after_every_kind_of_write() -> None:
    store = _fill(Store())
    assert _default(store) == _union(store) and len(_default(store)) > 400
    # a new version of every document replaces the old one (same file name, other hash)
    _fill(store, version=2)
    assert _default(store) == _union(store)
    first = store.documents()[0]
    store.remove_document(first.file_name)
    assert _default(store) == _union(store)
    store.remove_graph(VOCABULARY_GRAPH)
    assert _default(store) == _union(store)
    for doc in store.documents():
        store.remove_document(doc.file_name)
    assert _default(store) == _union(store) == set()


def test_a_triple_shared_by_two_documents_stays_until_the_last_one_goes() -> None:
    store = _fill(Store())
    docs = store.documents()
    graphs = [ox.NamedNode(d.graph) for d in docs]
    shared = {q.triple for q in store.oxigraph.quads_for_pattern(None, None, None, graphs[0])} & {
        q.triple for q in store.oxigraph.quads_for_pattern(None, None, None, graphs[1])
    }
    assert shared, "the sample documents share entity triples"
    store.remove_document(docs[0].file_name)
    assert shared <= _default(store)
    store.remove_document(docs[1].file_name)
    held = {q.triple for q in store.oxigraph if q.graph_name != DEFAULT}
    assert {t for t in shared if t not in held}.isdisjoint(_default(store))


def test_len_counts_the_named_graphs_only() -> None:
    store = _fill(Store())
    assert len(store) == len([q for q in store.oxigraph if q.graph_name != DEFAULT])


def test_an_old_store_is_upgraded_on_open_and_answers_the_same(tmp_path: Path) -> None:
    reference = _fill(Store())
    expected = _answers(reference)
    named = {q for q in reference.oxigraph if q.graph_name != DEFAULT}
    # a store as the code before this design wrote it: named graphs, empty default, no marker
    old = tmp_path / "old"
    raw = ox.Store(str(old))
    raw.extend(named)
    raw.flush()
    del raw
    with Store(old, read_only=True) as read_only:
        # read-only it cannot be upgraded: queried through the union flag, same rows
        assert not _default(read_only)
        assert _answers(read_only) == expected
    with Store(old) as store:
        assert (old / UNION_MARKER).is_file()
        assert _default(store) == _union(store)
        assert {q for q in store.oxigraph if q.graph_name != DEFAULT} == named
        assert _answers(store) == expected
    with Store(old, read_only=True) as again:
        assert _answers(again) == expected


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_a_dump_loads_back_to_the_same_store(tmp_path: Path, fmt: str) -> None:
    store = _fill(Store(tmp_path / "a"))
    dump = tmp_path / f"dump.{fmt}"
    store.dump(fmt, dump)
    assert DEFAULT not in {q.graph_name for q in ox.parse(path=str(dump), format=_format(fmt))}
    with Store(tmp_path / "b") as again:
        again.bulk_load(dump, fmt)
        assert set(again.oxigraph) == set(store.oxigraph)
        assert (tmp_path / "b" / UNION_MARKER).is_file()
        assert _answers(again) == _answers(store)
    store.close()


def _format(fmt: str) -> ox.RdfFormat:
    return ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS


def test_an_update_keeps_the_default_graph_the_union() -> None:
    store = _fill(Store())
    doc = store.documents()[0]
    store.update(
        f"DROP GRAPH <{doc.graph}> ; "
        "INSERT DATA { GRAPH <http://example.org/g> { <http://e/a> <http://e/b> 'c' } }"
    )
    assert _default(store) == _union(store)
    assert ox.Triple(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/b"), ox.Literal("c")) in (
        _default(store)
    )
    with pytest.raises(QueryError, match="malformed SPARQL update"):
        store.update("DROP GRAPH")


def test_replacing_keeps_entities_other_documents_state(tmp_path: Path) -> None:
    """An edited document that no longer names an entity: the entity's triples leave the default
    graph only if no other document states them."""
    store = _fill(Store(tmp_path / "s"))
    first = sample_extractions()[0]
    trimmed = dataclasses.replace(first, entities=first.entities[:1], relations=[])
    store.write_extraction(trimmed)
    assert _default(store) == _union(store)
    store.close()
    with Store(tmp_path / "s", read_only=True) as again:
        assert _default(again) == _union(again)


def test_an_interrupted_upgrade_is_redone_on_the_next_open(tmp_path: Path) -> None:
    """No marker means 'not yet consistent': a store with part of the union copied in (the upgrade
    was killed) gets the rest on the next read-write open, and nothing twice."""
    named = {q for q in _fill(Store()).oxigraph if q.graph_name != DEFAULT}
    path = tmp_path / "half"
    raw = ox.Store(str(path))
    raw.extend(named)
    raw.extend(ox.Quad(q.subject, q.predicate, q.object, DEFAULT) for q in list(named)[:100])
    raw.flush()
    del raw
    with Store(path) as store:
        assert (path / UNION_MARKER).is_file()
        assert _default(store) == _union(store) == {q.triple for q in named}
