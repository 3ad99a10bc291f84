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
from dataclasses import dataclass, field
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
from beleidsgraaf.ingest.relations.decide import DEFAULT_THRESHOLD
from beleidsgraaf.ingest.relations.document import ParsedSentence, decided_relations
from beleidsgraaf.ingest.relations.features import Candidate
from beleidsgraaf.ingest.resolution import normalise_name
from beleidsgraaf.records import Extraction

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


def _labels(doc: LabelledDocument) -> list[str | None]:
    gold = doc.gold
    index = _gold_index(gold)
    by_name = {normalise_name(g["name"]): gi for gi, g in enumerate(gold["entities"])}
    golds_of: dict[str, set[int]] = {}
    for e in doc.extraction.entities:
        forms = {normalise_name(f) for f in (e.label, *e.mentions)}
        golds_of[e.iri] = {gi for f in forms for gi in index.get(f, ())}
    stated: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
    for r in gold.get("relations", []):
        s, o = by_name.get(normalise_name(r["subject"])), by_name.get(normalise_name(r["object"]))
        if s is None or o is None:
            continue
        stated[(s, o)].append((r["predicate"], r.get("evidence", "")))
        if r["predicate"] in _SYMMETRIC:
            stated[(o, s)].append((r["predicate"], r.get("evidence", "")))
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
        if gold.get("lines"):
            lo, hi = _line_range(source.original, str(gold["lines"]))
            collected = [(c, s) for c, s in collected if lo <= s.evidence.start < hi]
        doc = LabelledDocument(gold, source.original, extraction, collected)
        doc.labels = _labels(doc)
        out.append(doc)
    return out


def _training_rows(docs: Sequence[LabelledDocument]) -> tuple[list[list[str]], list[str]]:
    x: list[list[str]] = []
    y: list[str] = []
    for doc in docs:
        for (cand, _), label in zip(doc.candidates, doc.labels, strict=True):
            if label is not None:
                x.append(cand.features)
                y.append(label)
    return x, y


def train_model(docs: Sequence[LabelledDocument], c: float = 1.0) -> RelationModel:
    """Fit on every document; the temperature is fitted on out-of-document predictions."""
    x, y = _training_rows(docs)
    model = fit(x, y, c)
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
    """The document's extraction with its sentence relations decided again by ``model``."""
    decided = decided_relations(doc.candidates, threshold, model)
    kept = [r for r in doc.extraction.relations if not r.method.startswith(("rule:", "classifier"))]
    return Extraction(
        doc.extraction.document,
        doc.extraction.entities,
        kept + decided,
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
