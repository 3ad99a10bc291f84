"""The Dutch tokenizer, with joint names split: 'VU/UT-bachelor' -> 'VU', '/', 'UT', '-', ...

Policy texts glue acronyms together ('VU/UT', 'VU-UT', 'VU-studenten', 'SLIM-regeling'). The
default Dutch tokenizer keeps such strings as one token, which hides the organisations from
every matcher. Two infixes fix that without touching ordinary hyphenated words ('Noord-Holland',
'Tech-Lokaal') or paired acronyms ('VO-HO'): a slash between capitals or digits, and a hyphen
between two capitals and a lower-case word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

__all__ = [
    "ACRONYM_STOP",
    "BRAND_WORD",
    "JOINT_NAME_INFIXES",
    "OPTIONAL_LETTERS",
    "create_tokenizer",
]

BRAND_WORD = re.compile(r"^[A-Za-z]{2,}[!?][a-z]{2,}$")
"""A word with an exclamation or question mark inside ('MKB!dee'): a brand name, one token.
Punctuation ends a word only at its end, so the default tokenizer would cut it in three."""

JOINT_NAME_INFIXES: tuple[str, ...] = (
    r"(?<=[A-Z0-9])/(?=[A-Z0-9])",
    r"(?<=[A-Z0-9][A-Z])-(?=[a-z]{2})",
)


OPTIONAL_LETTERS = re.compile(r"^[^\W\d_]{2,}\([a-z]{1,3}\)[^\W\d_]*$")
"""A word with optional letters in brackets ('Leve(n)lang', 'docent(en)'): one word written
two ways at once, one token (the default tokenizer cuts it in five, and a name with it)."""

ACRONYM_STOP = r"(?<=[a-z][A-Z])\."
"""A full stop after a mixed-case acronym ('het PTvT.') ends the sentence, as spaCy's own suffix
rule splits it after two capitals ('de KNAW.'); initials ('J.', 'A.M.') keep theirs."""


def _token_match(default: Callable[[str], object] | None) -> Callable[[str], object]:
    def match(text: str) -> object:
        return (
            BRAND_WORD.match(text)
            or OPTIONAL_LETTERS.match(text)
            or (default(text) if default else None)
        )

    return match


def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Factory for ``[nlp.tokenizer]``: the language's default tokenizer plus our infixes.

    Built in one go, as spaCy's own ``spacy.Tokenizer.v1`` builds it, with our infixes added: a
    tokenizer loads its ~9,000 Dutch special cases when made and again whenever
    ``infix_finditer`` is set afterwards, which doubled the start-up cost of every process that
    loads the pipeline (~1 s; cProfile of ``load_pipeline``).
    """

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        infixes = list(defaults.infixes or []) + list(JOINT_NAME_INFIXES)
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(defaults.prefixes).search
            if defaults.prefixes
            else None,
            suffix_search=compile_suffix_regex([*(defaults.suffixes or []), ACRONYM_STOP]).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=_token_match(defaults.token_match),
            url_match=defaults.url_match,
        )

    return make
