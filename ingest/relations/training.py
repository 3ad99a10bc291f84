"""Training the relation classifier on gold annotations, and measuring it fairly.

``beleidsgraaf relations train --gold DIR`` extracts every annotated document, labels each
candidate pair with the gold relation its sentence states (or 'none'), fits the classifier and
its temperature, and writes ``model.json``. ``beleidsgraaf relations evaluate --gold DIR`` also
reports *leave-one-document-out* figures: each document scored by a classifier trained on the
others, which is what to expect on a document nobody annotated.

Labels: a pair is positive for a predicate when the gold states it between the two entities
and its evidence overlaps the candidate's sentence; a pair the gold relates only elsewhere in
the document is left out of training (this sentence may or may not say it); every other pair is
'none'. Never train on ``../shared/validation``: it measures generalisation.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Any

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.ingest.evaluate import (
    extraction_json,
    load_gold,
    score_document,
    summarise,
)
from beleidsgraaf.ingest.relations.classifier import (
    NONE,
    RelationModel,
    fit,
    fit_temperature,
    model_path,
)
from beleidsgraaf.ingest.relations.decide import DEFAULT_THRESHOLD, method_confidence
from beleidsgraaf.ingest.relations.document import ParsedSentence, decided_relations
from beleidsgraaf.ingest.relations.features import Candidate
from beleidsgraaf.ingest.resolution import normalise_name
from beleidsgraaf.records import Extraction, confident

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["LabelledDocument", "label_documents", "leave_one_out", "train_model"]

_SYMMETRIC = {"collaboratesWith"}
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class LabelledDocument:
    """One annotated document: its extraction, its candidate pairs and their labels."""

    gold: dict[str, Any]
    original: str
    extraction: Extraction
    candidates: list[tuple[Candidate, ParsedSentence]]
    labels: list[str | None] = field(default_factory=list)
    """Per candidate: a predicate, NONE, or None (left out of training)."""
    span: tuple[int, int] | None = None
    """The part of the document the gold covers (character offsets), when not all of it."""

    @property
    def name(self) -> str:
        return str(self.gold["doc"])


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _overlaps(sentence: str, evidence: str) -> bool:
    a, b = _norm(sentence), _norm(evidence)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size >= 0.5 * min(len(a), len(b))


def _gold_index(gold: dict[str, Any]) -> dict[str, set[int]]:
    index: dict[str, set[int]] = defaultdict(set)
    for gi, g in enumerate(gold["entities"]):
        for form in (g["name"], *g.get("aliases", [])):
            index[normalise_name(form)].add(gi)
    return index


def _golds_of(doc: LabelledDocument) -> dict[str, set[int]]:
    """Gold entity indices each extracted entity matches (by any of its names)."""
    index = _gold_index(doc.gold)
    out: dict[str, set[int]] = {}
    for e in doc.extraction.entities:
        forms = {normalise_name(f) for f in (e.label, *e.mentions)}
        out[e.iri] = {gi for f in forms for gi in index.get(f, ())}
    return out


def _gold_statements(gold: dict[str, Any]) -> dict[tuple[int, int], list[tuple[str, str]]]:
    """(subject, object) gold indices -> [(predicate, evidence)], symmetric ones both ways."""
    by_name = {normalise_name(g["name"]): gi for gi, g in enumerate(gold["entities"])}
    stated: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
    for r in gold.get("relations", []):
        s, o = by_name.get(normalise_name(r["subject"])), by_name.get(normalise_name(r["object"]))
        if s is None or o is None:
            continue
        stated[(s, o)].append((r["predicate"], r.get("evidence", "")))
        if r["predicate"] in _SYMMETRIC:
            stated[(o, s)].append((r["predicate"], r.get("evidence", "")))
    return stated


def _labels(doc: LabelledDocument) -> list[str | None]:
    golds_of = _golds_of(doc)
    stated = _gold_statements(doc.gold)
    labels: list[str | None] = []
    for cand, sentence in doc.candidates:
        text = cand.sent.doc.text if cand.source == "list" else sentence.evidence.text
        said = [
            (p, ev)
            for gs in golds_of.get(cand.subject.iri, ())
            for go in golds_of.get(cand.object.iri, ())
            for p, ev in stated.get((gs, go), ())
        ]
        here = [p for p, ev in said if _overlaps(text, ev)]
        labels.append(Counter(here).most_common(1)[0][0] if here else (None if said else NONE))
    return labels


def label_documents(gold_dir: Path, nlp: Language) -> list[LabelledDocument]:
    """Extract and label every gold document of ``gold_dir`` found in the demo corpus."""
    from beleidsgraaf.ingest.evaluate import _line_range
    from beleidsgraaf.ingest.extract import demo_corpus, extract_source, read_source

    corpus = {p.name: p for p in demo_corpus()}
    out = []
    for gold in load_gold(gold_dir):
        path = corpus.get(gold["doc"])
        if path is None:
            raise ConfigError(f"{gold_dir}: {gold['doc']} is not in the demo corpus")
        source = read_source(path)
        collected: list[tuple[Candidate, ParsedSentence]] = []
        extraction = extract_source(source, nlp, collect=collected)
        span = None
        if gold.get("lines"):
            span = _line_range(source.original, str(gold["lines"]))
            collected = [(c, s) for c, s in collected if span[0] <= s.evidence.start < span[1]]
        doc = LabelledDocument(gold, source.original, extraction, collected, span=span)
        doc.labels = _labels(doc)
        out.append(doc)
    return out


def _training_rows(docs: Sequence[LabelledDocument]) -> tuple[list[list[str]], list[str]]:
    """Features and labels of the pairs no rule fired for: the classifier's part of the work."""
    x: list[list[str]] = []
    y: list[str] = []
    for doc in docs:
        for (cand, _), label in zip(doc.candidates, doc.labels, strict=True):
            if label is not None and not cand.matches:
                x.append(cand.features)
                y.append(label)
    return x, y


def method_precision(docs: Sequence[LabelledDocument]) -> dict[str, float]:
    """How often each structural or name method is right, per predicate, on the gold: the
    confidence of what it states ('structure:box locatedIn' -> (right + 1) / (made + 2))."""
    made: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for doc in docs:
        by_name = {normalise_name(g["name"]): gi for gi, g in enumerate(doc.gold["entities"])}
        truth = set()
        for r in doc.gold.get("relations", []):
            s, o = (
                by_name.get(normalise_name(r["subject"])),
                by_name.get(normalise_name(r["object"])),
            )
            if s is not None and o is not None:
                truth.add((s, r["predicate"], o))
                if r["predicate"] in _SYMMETRIC:
                    truth.add((o, r["predicate"], s))
        golds_of = _golds_of(doc)
        span = doc.span
        for r in doc.extraction.relations:
            if r.method.startswith(("rule:", "classifier")) or r.predicate == "addresses":
                continue
            if span is not None and not span[0] <= r.evidence.start < span[1]:
                continue
            key = f"{r.method} {r.predicate}"
            made[key] += 1
            right[key] += any(
                (gs, r.predicate, go) in truth
                for gs in golds_of.get(r.subject, ())
                for go in golds_of.get(r.object, ())
            )
    return {k: (right[k] + 1) / (n + 2) for k, n in made.items()}


def rule_record(docs: Sequence[LabelledDocument]) -> dict[str, tuple[int, int]]:
    """(right, made) per rule: how often the pairs a rule fired for carry its predicate."""
    right: Counter[str] = Counter()
    made: Counter[str] = Counter()
    for doc in docs:
        for (cand, _), label in zip(doc.candidates, doc.labels, strict=True):
            if label is None:
                continue
            for m in cand.matches:
                made[m.rule.id] += 1
                right[m.rule.id] += label == m.predicate
    return {rule: (right[rule], n) for rule, n in made.items()}


def train_model(docs: Sequence[LabelledDocument], c: float = 1.0) -> RelationModel:
    """Fit on every document; the temperature is fitted on out-of-document predictions."""
    x, y = _training_rows(docs)
    model = fit(x, y, c)
    model.methods = method_precision(docs)
    model.rules = rule_record(docs)
    held_x: list[list[str]] = []
    held_y: list[str] = []
    held_z = []
    for i, doc in enumerate(docs):
        fold = fit(*_training_rows([d for j, d in enumerate(docs) if j != i]), c)
        dx, dy = _training_rows([doc])
        held_x += dx
        held_y += dy
        held_z.append((fold, dx, dy))
    temperatures = [fit_temperature(fold, dx, dy) for fold, dx, dy in held_z if dy]
    model.temperature = sorted(temperatures)[len(temperatures) // 2] if temperatures else 1.0
    return model


def _rescore(doc: LabelledDocument, model: RelationModel, threshold: float) -> Extraction:
    """The document's extraction with its relations decided again by ``model``: sentence
    relations by its classifier, structural ones by its method confidences, then thresholded."""
    decided = decided_relations(doc.candidates, threshold, model)
    structural = [
        replace(r, confidence=None)
        for r in doc.extraction.relations
        if not r.method.startswith(("rule:", "classifier"))
    ]
    relations = confident(method_confidence(structural, model) + decided, threshold)
    return Extraction(
        doc.extraction.document,
        doc.extraction.entities,
        relations,
        doc.extraction.cooccurrences,
        doc.extraction.labels,
    )


def leave_one_out(
    docs: Sequence[LabelledDocument], c: float = 1.0, threshold: float = DEFAULT_THRESHOLD
) -> dict[str, Any]:
    """Figures of each document scored by a classifier trained on the other documents, and of
    the classifier trained on all (in-sample), side by side, per predicate."""
    full = train_model(docs, c)
    report: dict[str, Any] = {}
    for name, scorer in (("in_sample", lambda i: full), ("leave_one_out", None)):
        scores = []
        for i, doc in enumerate(docs):
            if scorer is None:
                model = train_model([d for j, d in enumerate(docs) if j != i], c)
            else:
                model = scorer(i)
            extraction = _rescore(doc, model, threshold)
            scores.append(score_document(doc.gold, extraction_json(extraction), doc.original))
        report[name] = summarise(scores)["relations"]
        report[f"{name}_by_predicate"] = _by_predicate(docs, scores)
    return report


def _by_predicate(docs: Sequence[LabelledDocument], scores: Sequence[Any]) -> dict[str, Any]:
    """Recall per predicate from the missed relations of each document's score."""
    gold_count: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for doc, score in zip(docs, scores, strict=True):
        names = {normalise_name(g["name"]) for g in doc.gold["entities"]}
        for r in doc.gold.get("relations", []):
            if normalise_name(r["subject"]) in names and normalise_name(r["object"]) in names:
                gold_count[r["predicate"]] += 1
        for line in score.missed_relations:
            for p in gold_count:
                if f" {p} " in line:
                    missed[p] += 1
                    break
    return {
        p: {"gold": n, "recall": round(1 - missed[p] / n, 3) if n else 0.0}
        for p, n in sorted(gold_count.items())
    }


def write_model(model: RelationModel, path: Path | None = None) -> Path:
    """Write ``model.json`` (by default the shipped one)."""
    target = path or model_path()
    target.write_text(model.to_json(), encoding="utf-8")
    return target
