"""Scoring against gold: the matching rules of the gold README, and the two CLI commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from beleidsgraaf.cli import extract as _extract_commands  # noqa: F401  (registers commands)
from beleidsgraaf.cli.app import app
from beleidsgraaf.ingest.evaluate import score_document

GOLD: dict[str, Any] = {
    "doc": "d.txt",
    "entities": [
        {"name": "Vrije Universiteit", "type": "Organisation", "aliases": ["VU"]},
        {"name": "Universiteit Twente", "type": "Organisation", "aliases": ["UT"]},
        {"name": "Techniekpact", "type": "Programme", "aliases": ["het Pact"]},
        {"name": "Twente", "type": "Region", "aliases": []},
    ],
    "relations": [
        {
            "subject": "Vrije Universiteit",
            "predicate": "collaboratesWith",
            "object": "Universiteit Twente",
            "evidence": "...",
        },
        {
            "subject": "Universiteit Twente",
            "predicate": "participatesIn",
            "object": "Techniekpact",
            "evidence": "...",
        },
    ],
}


def entity(iri: str, label: str, kind: str, *mentions: str) -> dict[str, Any]:
    return {"id": iri, "label": label, "type": kind, "mentions": list(mentions) or [label]}


def relation(s: str, p: str, o: str) -> dict[str, Any]:
    return {
        "subject": s,
        "subject_label": s,
        "predicate": p,
        "object": o,
        "object_label": o,
        "evidence": "...",
    }


def test_entities_match_on_any_normalised_form_and_type() -> None:
    predicted = {
        "entities": [
            entity("vu", "VU", "Organisation", "VU", "de Vrije  Universiteit."),
            entity("ut", "UT", "Organisation"),
            entity("pact", "Tech-\nniekpact", "Intervention"),  # right name, wrong type
            entity("x", "Bestaat Niet", "Organisation"),
        ],
        "relations": [],
    }
    score = score_document(GOLD, predicted)
    assert (score.untyped["all"].matched_pred, score.untyped["all"].pred) == (3, 4)
    assert (score.typed["all"].matched_pred, score.typed["all"].matched_gold) == (2, 2)
    assert score.typed["Programme"].recall == 0.0
    assert score.untyped["Programme"].recall == 1.0
    assert "Programme: Techniekpact (found as Intervention)" in score.missed_entities
    assert score.spurious_entities == ["Organisation: Bestaat Niet"]
    assert score.split == []


def test_a_gold_entity_found_twice_is_split() -> None:
    predicted = {
        "entities": [
            entity("a", "VU", "Organisation"),
            entity("b", "Vrije Universiteit", "Organisation"),
        ],
        "relations": [],
    }
    assert score_document(GOLD, predicted).split == [
        "Vrije Universiteit <- VU | Vrije Universiteit"
    ]


def test_relations_match_through_entities_and_collaboration_is_symmetric() -> None:
    predicted = {
        "entities": [
            entity("vu", "VU", "Organisation"),
            entity("ut", "UT", "Organisation"),
            entity("tp", "Techniekpact", "Programme"),
        ],
        "relations": [
            relation("ut", "collaboratesWith", "vu"),
            relation("ut", "participatesIn", "tp"),
            relation("vu", "funds", "tp"),
            relation("tp", "addresses", "https://w3id.org/beleidsgraaf/id/actielijn-kiezen"),
        ],
    }
    score = score_document(GOLD, predicted)
    assert (score.relations.matched_pred, score.relations.pred) == (2, 3)
    assert score.relations.recall == 1.0


def test_gold_for_part_of_a_document_scores_predictions_in_those_lines() -> None:
    text = "regel een\nregel twee\nregel drie\n"
    gold = dict(GOLD, lines="1-2")
    inside = dict(entity("vu", "VU", "Organisation"), offsets=[[0, 5]])
    outside = dict(entity("x", "Elders", "Organisation"), offsets=[[text.index("drie"), 30]])
    score = score_document(gold, {"entities": [inside, outside], "relations": []}, text)
    assert score.typed["all"].pred == 1


def test_extract_json_contract_and_evaluate_command(tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text(
        "De Vrije Universiteit (VU) en de Universiteit Twente (UT) werken samen in het "
        "Techniekpact.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(doc), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (document,) = data["documents"]
    assert document["doc"] == "d.txt"
    assert {"id", "label", "type", "mentions"} <= set(document["entities"][0])
    assert {"subject", "subject_label", "predicate", "object", "object_label", "evidence"} <= set(
        document["relations"][0]
    )

    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "d.json").write_text(json.dumps(GOLD), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(gold_dir), str(doc)])
    assert result.exit_code == 0, result.output
    assert "all " in result.stdout and "relations: precision" in result.stdout
    assert "split gold entities" in result.stdout


def test_evaluate_with_a_missing_gold_folder_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.output.strip().endswith("gold folder not found")
    assert len(result.output.strip().splitlines()) == 1
