"""The ``kgx_line_breaks`` component: a line break ends a sentence.

Press releases put headlines, datelines and date lines on lines of their own,
without a full stop; left alone, the parser glues them to the first
sentence, and a date in the headline then looks like the date of the event
the first sentence describes. Runs before the parser, which respects
sentence starts set in advance.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["LineBreaks", "make_line_breaks"]


@Language.factory("kgx_line_breaks", default_config={"min_newlines": 1})
def make_line_breaks(nlp: Language, name: str, min_newlines: int) -> LineBreaks:
    """Build the component; ``min_newlines`` line breaks in a row end a sentence."""
    return LineBreaks(min_newlines)


class LineBreaks:
    """Mark the token after a line break as a sentence start."""

    def __init__(self, min_newlines: int = 1):
        self.min_newlines = min_newlines

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= self.min_newlines:
                doc[tok.i + 1].is_sent_start = True
            elif "\n" in tok.whitespace_:
                doc[tok.i + 1].is_sent_start = True
        return doc
