"""Scoring extraction output against gold annotations (``beleidsgraaf evaluate``).

Implements the matching rules of the gold standard's README: per document, sets of distinct
entities are compared; a predicted entity matches a gold entity when any of its normalised forms
(label and every surface form) equals a normalised gold name or alias; typed scores also need the
same type; a gold entity matched by two or more predicted entities is *split*; a relation matches
when both ends match the gold ends and the predicate is equal. Two choices the README leaves open:
``collaboratesWith`` is symmetric (either direction matches), and ``addresses`` -- not annotated
in the gold -- is left out of relation scores.

Gold files covering part of a document (``"lines": "1-2300"``) are scored against the
predictions whose evidence lies in those lines.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.ingest.resolution import normalise_name
from beleidsgraaf.records import ENTITY_TYPES, Extraction, confident

__all__ = [
    "DocumentScore",
    "Score",
    "evaluate_paths",
    "extraction_json",
    "format_report",
    "load_gold",
    "quality_figures",
    "score_document",
    "summarise",
]

_SYMMETRIC = frozenset({"collaboratesWith"})
_UNSCORED_PREDICATES = frozenset({"addresses"})


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """One document in the ``beleidsgraaf extract --format json`` contract.

    Besides the contract's keys, entities and relations carry ``offsets`` (original-text
    ``[start, end]`` of their evidence), which evaluation uses for gold files covering a part.
    """
    labels = {e.iri: e.label for e in extraction.entities} | extraction.labels
    return {
        "doc": extraction.document.file_name,
        "entities": [
            {
                "id": e.iri,
                "label": e.label,
                "type": e.type,
                "mentions": list(e.mentions),
                "offsets": [[ev.start, ev.end] for ev in e.evidence],
            }
            for e in extraction.entities
        ],
        "relations": [
            {
                "subject": r.subject,
                "subject_label": labels.get(r.subject, r.subject),
                "predicate": r.predicate,
                "object": r.object,
                "object_label": labels.get(r.object, r.object),
                "evidence": r.evidence.text,
                "offsets": [r.evidence.start, r.evidence.end],
            }
            for r in extraction.relations
        ],
    }


@dataclass
class Score:
    """Counts behind a precision/recall/F1 figure."""

    matched_pred: int = 0
    pred: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.matched_pred += other.matched_pred
        self.pred += other.pred
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    def figures(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "pred": self.pred,
            "gold": self.gold,
        }


@dataclass
class DocumentScore:
    """Scores of one gold file."""

    doc: str
    typed: dict[str, Score] = field(default_factory=dict)
    untyped: dict[str, Score] = field(default_factory=dict)
    split: list[str] = field(default_factory=list)
    relations: Score = field(default_factory=Score)
    missed_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    spurious_relations: list[str] = field(default_factory=list)
    gold_entities: int = 0


def load_gold(folder: Path) -> list[dict[str, Any]]:
    """Every ``*.json`` gold file in ``folder`` (sorted).

    Raises
    ------
    ConfigError
        The folder is missing or a file is not gold JSON.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ConfigError(f"{folder}: gold folder not found")
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or "doc" not in data or "entities" not in data:
                raise ValueError("needs 'doc' and 'entities'")
        except (ValueError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not a gold file: {exc}") from exc
        out.append(data)
    if not out:
        raise ConfigError(f"{folder}: no gold *.json files")
    return out


def _line_range(text: str, lines: str) -> tuple[int, int]:
    first, _, last = lines.partition("-")
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    lo = starts[max(0, int(first) - 1)] if int(first) - 1 < len(starts) else len(text)
    hi = starts[int(last)] if last and int(last) < len(starts) else len(text)
    return lo, hi


def _within(offsets: Sequence[Sequence[int]] | None, span: tuple[int, int] | None) -> bool:
    if span is None or offsets is None:
        return True
    return any(span[0] <= o[0] < span[1] for o in offsets)


def score_document(
    gold: dict[str, Any], predicted: dict[str, Any], original_text: str | None = None
) -> DocumentScore:
    """Score one document's predictions (extract JSON) against one gold file."""
    span = None
    if gold.get("lines") and original_text is not None:
        span = _line_range(original_text, str(gold["lines"]))
    entities = [e for e in predicted.get("entities", []) if _within(e.get("offsets"), span)]
    relations = [
        r
        for r in predicted.get("relations", [])
        if r["predicate"] not in _UNSCORED_PREDICATES
        and _within([r["offsets"]] if "offsets" in r else None, span)
    ]
    gold_entities = gold["entities"]
    gold_forms = [
        {normalise_name(g["name"])} | {normalise_name(a) for a in g.get("aliases", [])}
        for g in gold_entities
    ]
    pred_forms = [
        {normalise_name(e["label"])} | {normalise_name(m) for m in e.get("mentions", [])}
        for e in entities
    ]
    index: dict[str, list[int]] = defaultdict(list)
    for gi, forms in enumerate(gold_forms):
        for form in forms:
            index[form].append(gi)
    matches: list[set[int]] = [
        {gi for form in forms for gi in index.get(form, [])} for forms in pred_forms
    ]
    result = DocumentScore(doc=gold["doc"], gold_entities=len(gold_entities))
    for kind in (*ENTITY_TYPES, "all"):
        typed, untyped = Score(), Score()
        preds = [i for i, e in enumerate(entities) if kind in ("all", e["type"])]
        golds = [i for i, g in enumerate(gold_entities) if kind in ("all", g["type"])]
        typed.pred = untyped.pred = len(preds)
        typed.gold = untyped.gold = len(golds)
        for pi in preds:
            untyped.matched_pred += bool(matches[pi])
            typed.matched_pred += any(
                gold_entities[gi]["type"] == entities[pi]["type"] for gi in matches[pi]
            )
        for gi in golds:
            by = [pi for pi, m in enumerate(matches) if gi in m]
            untyped.matched_gold += bool(by)
            typed.matched_gold += any(
                entities[pi]["type"] == gold_entities[gi]["type"] for pi in by
            )
        result.typed[kind] = typed
        result.untyped[kind] = untyped
    for gi, g in enumerate(gold_entities):
        by = [pi for pi, m in enumerate(matches) if gi in m]
        if len(by) >= 2:
            result.split.append(f"{g['name']} <- " + " | ".join(entities[p]["label"] for p in by))
        if not any(entities[p]["type"] == g["type"] for p in by):
            got = f" (found as {entities[by[0]]['type']})" if by else ""
            result.missed_entities.append(f"{g['type']}: {g['name']}{got}")
    for pi, e in enumerate(entities):
        if not matches[pi]:
            result.spurious_entities.append(f"{e['type']}: {e['label']}")

    # Relations: ends resolved through the entity matches.
    by_name = {normalise_name(g["name"]): gi for gi, g in enumerate(gold_entities)}
    gold_of_pred_id: dict[str, set[int]] = defaultdict(set)
    for pi, e in enumerate(entities):
        gold_of_pred_id[e["id"]] |= matches[pi]
    for r in predicted.get("relations", []):
        # Relation ends outside the line range still resolve by their forms.
        for side in ("subject", "object"):
            if r[side] not in gold_of_pred_id:
                key = normalise_name(r[f"{side}_label"])
                gold_of_pred_id[r[side]] |= set(index.get(key, []))
    gold_rel = set()
    for g in gold.get("relations", []):
        s = by_name.get(normalise_name(g["subject"]))
        o = by_name.get(normalise_name(g["object"]))
        if s is not None and o is not None:
            gold_rel.add((s, g["predicate"], o))
    matched_gold: set[tuple[int, str, int]] = set()
    distinct = {(r["subject"], r["predicate"], r["object"]): r for r in relations}
    for (s, p, o), r in distinct.items():
        hit = False
        for gs in gold_of_pred_id.get(s, ()):
            for go in gold_of_pred_id.get(o, ()):
                for key in ((gs, p, go), (go, p, gs)) if p in _SYMMETRIC else ((gs, p, go),):
                    if key in gold_rel:
                        matched_gold.add(key)
                        hit = True
        if not hit:
            result.spurious_relations.append(f"{r['subject_label']} {p} {r['object_label']}")
        result.relations.matched_pred += hit
    result.relations.pred = len(distinct)
    result.relations.gold = len(gold_rel)
    # A symmetric gold relation stated both ways counts once per direction found.
    result.relations.matched_gold = len(matched_gold)
    for s, p, o in sorted(gold_rel - matched_gold):
        result.missed_relations.append(f"{gold_entities[s]['name']} {p} {gold_entities[o]['name']}")
    return result


def summarise(scores: Iterable[DocumentScore]) -> dict[str, Any]:
    """Micro-averaged figures over documents, plus per-document figures."""
    scores = list(scores)
    typed: dict[str, Score] = defaultdict(Score)
    untyped: dict[str, Score] = defaultdict(Score)
    relations = Score()
    split = 0
    gold_entities = 0
    for s in scores:
        for k, v in s.typed.items():
            typed[k].add(v)
        for k, v in s.untyped.items():
            untyped[k].add(v)
        relations.add(s.relations)
        split += len(s.split)
        gold_entities += s.gold_entities
    return {
        "entities": {
            "typed": {k: v.figures() for k, v in typed.items()},
            "untyped": {k: v.figures() for k, v in untyped.items()},
        },
        "split": {
            "count": split,
            "rate": round(split / gold_entities, 4) if gold_entities else 0.0,
        },
        "relations": relations.figures(),
        "documents": {
            s.doc: {
                "typed_f1": round(s.typed["all"].f1, 4),
                "typed_recall": round(s.typed["all"].recall, 4),
                "typed_precision": round(s.typed["all"].precision, 4),
                "split": len(s.split),
                "relation_precision": round(s.relations.precision, 4),
                "relation_recall": round(s.relations.recall, 4),
            }
            for s in scores
        },
    }


def evaluate_paths(
    gold_dir: Path,
    paths: Sequence[Path] = (),
    *,
    model: str | None = None,
    threshold: float = 0.5,
) -> tuple[dict[str, Any], list[DocumentScore]]:
    """Extract ``paths`` (default: the bundled corpus files the gold covers) and score them.

    A ``.json`` path is read as ``beleidsgraaf extract --format json`` output instead.
    Relations believed less than ``threshold`` are left out, as ``build`` leaves them out.
    """
    from beleidsgraaf.ingest.extract import demo_corpus, extract_paths

    golds = load_gold(gold_dir)
    wanted = {g["doc"] for g in golds}
    given = [Path(p) for p in paths] or [p for p in demo_corpus() if p.name in wanted]
    predicted: dict[str, dict[str, Any]] = {}
    originals: dict[str, str] = {}
    documents = [p for p in given if p.suffix != ".json"]
    for path in given:
        if path.suffix == ".json":
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ConfigError(f"{path}: not extract JSON: {exc}") from exc
            for doc in data.get("documents", []):
                predicted[doc["doc"]] = doc
    for result in extract_paths(documents, model=model):
        if isinstance(result, Extraction):
            result.relations = confident(result.relations, threshold)
            predicted[result.document.file_name] = extraction_json(result)
    for path in documents:
        originals[path.name] = _original_text(path)
    for p in demo_corpus():
        if p.name in wanted and p.name not in originals:
            originals[p.name] = _original_text(p)
    scores = [
        score_document(g, predicted.get(g["doc"], {}), originals.get(g["doc"]))
        for g in golds
        if g["doc"] in predicted
    ]
    if not scores:
        raise ConfigError(f"{gold_dir}: none of the gold documents was extracted")
    return summarise(scores), scores


def _original_text(path: Path) -> str:
    from beleidsgraaf.ingest.extract import read_source

    try:
        return read_source(path).original
    except Exception:
        return ""


def format_report(
    summary: dict[str, Any], scores: Sequence[DocumentScore], misses: int = 20
) -> str:
    """The human-readable report ``beleidsgraaf evaluate`` prints."""
    lines = ["entities            typed P   R     F1    | untyped P   R     F1    | pred gold"]
    typed, untyped = summary["entities"]["typed"], summary["entities"]["untyped"]
    for kind in (*ENTITY_TYPES, "all"):
        t, u = typed[kind], untyped[kind]
        lines.append(
            f"  {kind:<16}  {t['precision']:.3f} {t['recall']:.3f} {t['f1']:.3f} |"
            f"       {u['precision']:.3f} {u['recall']:.3f} {u['f1']:.3f} |"
            f" {t['pred']:>4} {t['gold']:>4}"
        )
    split = summary["split"]
    rel = summary["relations"]
    lines.append(f"split gold entities: {split['count']} ({split['rate']:.1%})")
    lines.append(
        f"relations: precision {rel['precision']:.3f} recall {rel['recall']:.3f} "
        f"f1 {rel['f1']:.3f} (pred {rel['pred']}, gold {rel['gold']})"
    )
    for s in scores:
        doc = summary["documents"][s.doc]
        lines.append(
            f"\n== {s.doc}: typed P {doc['typed_precision']:.3f} R {doc['typed_recall']:.3f} "
            f"F1 {doc['typed_f1']:.3f}; split {doc['split']}; relations P "
            f"{doc['relation_precision']:.3f} R {doc['relation_recall']:.3f}"
        )
        for title, items in (
            ("missed entities", s.missed_entities),
            ("unmatched predictions", s.spurious_entities),
            ("split", s.split),
            ("missed relations", s.missed_relations),
            ("unmatched relations", s.spurious_relations),
        ):
            if items and misses:
                more = f" (first {misses} of {len(items)})" if len(items) > misses else ""
                lines.append(f"  {title}{more}:")
                lines.extend(f"    {item}" for item in items[:misses])
    return "\n".join(lines)


QUALITY_FLOORS: dict[str, str] = {
    "typed_f1": "min",
    "typed_precision": "min",
    "typed_recall": "min",
    "untyped_f1": "min",
    "relation_precision": "min",
    "relation_recall": "min",
    "split_rate": "max",
}
"""The headline figures kept in ``quality.json``; 'min' must not fall, 'max' must not rise."""


def quality_figures(summary: dict[str, Any]) -> dict[str, float]:
    """The headline figures of a summary, as recorded in ``ingest/quality.json``."""
    typed = summary["entities"]["typed"]["all"]
    return {
        "typed_f1": typed["f1"],
        "typed_precision": typed["precision"],
        "typed_recall": typed["recall"],
        "untyped_f1": summary["entities"]["untyped"]["all"]["f1"],
        "relation_precision": summary["relations"]["precision"],
        "relation_recall": summary["relations"]["recall"],
        "split_rate": summary["split"]["rate"],
    }
