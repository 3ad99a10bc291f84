"""The Dutch syntax layer: treebank pooling, the shipped model's attachments on policy sentences,
and ``beleidsgraaf model evaluate``.

The attachment tests are hand-built policy sentences with invented names; each checks one
construction the relation rules rely on (``ingest/relations/rules.yaml``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from beleidsgraaf.cli import app
from beleidsgraaf.ingest.syntax.treebank import (
    Sentence,
    harmonise,
    parse_conllu,
    sentence_key,
    split_pool,
)

# Two sentences annotated by hand for these tests (UD 2 conventions).
CONLLU = """\
# text = Stichting Brugwerk financiert het project.
1\tStichting\tstichting\tNOUN\tN|soort|ev|basis|zijd|stan\t_\t3\tnsubj\t_\t_
2\tBrugwerk\tBrugwerk\tPROPN\tSPEC|deeleigen\t_\t1\tflat\t_\t_
3\tfinanciert\tfinancieren\tVERB\tWW|pv|tgw|met-t\t_\t0\troot\t_\t_
4\thet\thet\tDET\tLID|bep|stan|evon\t_\t5\tdet\t_\t_
5\tproject\tproject\tNOUN\tN|soort|ev|basis|onz|stan\t_\t3\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\tLET\t_\t3\tpunct\t_\t_

# text = De gemeente en de provincie werken samen.
1\tDe\tde\tDET\tLID|bep|stan|rest\t_\t2\tdet\t_\t_
2\tgemeente\tgemeente\tNOUN\tN|soort|ev|basis|zijd|stan\t_\t6\tnsubj\t_\t_
3\ten\ten\tCCONJ\tVG|neven\t_\t5\tcc\t_\t_
4\tde\tde\tDET\tLID|bep|stan|rest\t_\t5\tdet\t_\t_
5\tprovincie\tprovincie\tNOUN\tN|soort|ev|basis|zijd|stan\t_\t2\tconj\t_\t_
6\twerken\twerken\tVERB\tWW|pv|tgw|mv\t_\t0\troot\t_\t_
7\tsamen\tsamen\tADP\tVZ|fin\t_\t6\tcompound:prt\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\tLET\t_\t6\tpunct\t_\t_
"""


def _rows(sentence: Sentence) -> dict[str, tuple[str, str]]:
    """word -> (head word, relation)."""
    words = {r[0]: r[1] for r in sentence.rows}
    return {r[1]: (words.get(r[6], "ROOT"), r[7]) for r in sentence.rows}


def test_conllu_is_read_with_its_text() -> None:
    first, second = parse_conllu(CONLLU)
    assert first.text == "Stichting Brugwerk financiert het project."
    assert _rows(second)["provincie"] == ("gemeente", "conj")


def test_old_coordination_and_labels_are_brought_to_today() -> None:
    old = CONLLU.split("\n\n")[1].replace("\t5\tcc\t", "\t2\tcc\t")  # UD 1: cc on the first
    (sentence,) = parse_conllu(old)
    assert _rows(harmonise(sentence))["en"] == ("provincie", "cc")
    (named,) = parse_conllu(CONLLU.split("\n\n")[0].replace("\tflat\t", "\tflat:name\t"))
    assert _rows(harmonise(named))["Brugwerk"] == ("Stichting", "flat")


def test_a_passive_agent_and_a_possessive_get_todays_labels() -> None:
    text = """\
# text = Het plan wordt door zijn raad betaald.
1\tHet\thet\tDET\tLID|bep|stan|evon\t_\t2\tdet\t_\t_
2\tplan\tplan\tNOUN\tN|soort|ev|basis|onz|stan\t_\t7\tnsubj:pass\t_\t_
3\twordt\tworden\tAUX\tWW|pv|tgw|met-t\t_\t7\taux:pass\t_\t_
4\tdoor\tdoor\tADP\tVZ|init\t_\t6\tcase\t_\t_
5\tzijn\tzijn\tDET\tVNW|bez|det|stan|vol|3|ev|prenom|zonder|agr\t_\t6\tdet\t_\t_
6\traad\traad\tNOUN\tN|soort|ev|basis|zijd|stan\t_\t7\tobl\t_\t_
7\tbetaald\tbetalen\tVERB\tWW|vd|vrij|zonder\t_\t0\troot\t_\t_
"""
    (sentence,) = parse_conllu(text)
    rows = {r[1]: r for r in harmonise(sentence).rows}
    assert rows["raad"][7] == "obl:agent"
    assert (rows["zijn"][3], rows["zijn"][7]) == ("PRON", "nmod:poss")
    assert "Poss=Yes" in rows["zijn"][5]


def test_no_version_of_a_report_sentence_is_trained_on() -> None:
    first, second = parse_conllu(CONLLU)
    retokenised = Sentence(first.rows, "Stichting  Brugwerk financiert het project .")
    pool = {sentence_key(s.text): s for s in (retokenised, second)}
    split = split_pool(pool, [first], dev_share=0.0)
    assert [s.text for s in split.train] == [second.text]
    assert split.test == [first]


# -- the shipped model on policy sentences -------------------------------------------------------


PASSIVE = "Het programma wordt gefinancierd door de provincie."


def _parse(nlp: Language, text: str) -> dict[str, tuple[str, str]]:
    return {t.text: (t.head.text, t.dep_) for t in nlp(text)}


@pytest.mark.parametrize(
    ("sentence", "word", "head", "relation"),
    [
        ("De provincie financiert het programma.", "provincie", "financiert", "nsubj"),
        ("De provincie financiert het programma.", "programma", "financiert", "obj"),
        (
            "Het programma wordt gefinancierd door de provincie.",
            "provincie",
            "gefinancierd",
            "obl:agent",
        ),
        (
            "Het programma wordt gefinancierd door de provincie.",
            "programma",
            "gefinancierd",
            "nsubj:pass",
        ),
        ("De minister van Onderwijs opende het congres.", "Onderwijs", "minister", "nmod"),
        ("De gemeente en de hogeschool werken samen.", "hogeschool", "gemeente", "conj"),
        ("Het fonds, dat de regio steunt, groeit.", "steunt", "fonds", "acl:relcl"),
    ],
)
def test_the_parser_attaches_what_the_relation_rules_read(
    syntax_nlp: Language, sentence: str, word: str, head: str, relation: str
) -> None:
    assert _parse(syntax_nlp, sentence)[word] == (head, relation)


def test_an_apposition_hangs_on_the_name_it_describes(syntax_nlp: Language) -> None:
    parsed = _parse(syntax_nlp, "Anna Bakker, directeur van de stichting, opende de dag.")
    assert parsed["directeur"] == ("Anna", "appos")
    assert parsed["stichting"] == ("directeur", "nmod")


def test_the_model_tags_and_lemmatises(syntax_nlp: Language) -> None:
    doc = syntax_nlp("De hogescholen werken samen met de gemeenten.")
    assert [t.pos_ for t in doc] == ["DET", "NOUN", "VERB", "ADV", "ADP", "DET", "NOUN", "PUNCT"]
    assert doc[1].lemma_ == "hogeschool"
    assert doc[2].lemma_ == "werken"


def test_model_evaluate_prints_the_standard_scores(tmp_path: Path) -> None:
    path = tmp_path / "sample.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["model", "evaluate", "--conllu", str(path), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) == {"upos", "uas", "las", "lemma", "sents_f", "sentences", "tokens"}
    assert (scores["sentences"], scores["tokens"]) == (2, 14)
    assert all(0.5 < scores[k] <= 1.0 for k in ("upos", "uas", "las", "lemma"))


def test_model_evaluate_names_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.conllu"
    path.write_text("no sentences here\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["model", "evaluate", "--conllu", str(path)])
    assert result.exit_code != 0
    assert f"{path}: no CoNLL-U sentences found" in result.output
