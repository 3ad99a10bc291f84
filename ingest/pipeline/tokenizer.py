"""The Dutch tokenizer, with joint names split: 'VU/UT-bachelor' -> 'VU', '/', 'UT', '-', ...

Policy texts glue acronyms together ('VU/UT', 'VU-UT', 'VU-studenten', 'SLIM-regeling'). The
default Dutch tokenizer keeps such strings as one token, which hides the organisations from
every matcher. Two infixes fix that without touching ordinary hyphenated words ('Noord-Holland',
'Tech-Lokaal') or paired acronyms ('VO-HO'): a slash between capitals or digits, and a hyphen
between two capitals and a lower-case word.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, registry

__all__ = ["JOINT_NAME_INFIXES", "create_tokenizer"]

JOINT_NAME_INFIXES: tuple[str, ...] = (
    r"(?<=[A-Z0-9])/(?=[A-Z0-9])",
    r"(?<=[A-Z0-9][A-Z])-(?=[a-z]{2})",
)


def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Factory for ``[nlp.tokenizer]``: the language's default tokenizer plus our infixes."""

    def make(nlp: Language) -> Tokenizer:
        tokenizer: Tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        infixes = list(nlp.Defaults.infixes or []) + list(JOINT_NAME_INFIXES)
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return tokenizer

    return make
