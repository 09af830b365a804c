"""Sentence rules the statistical parser does not know: news layout.

- A blank line always ends a sentence (paragraphs, titles, datelines).
- A single line break ends one after closing punctuation.
- A single line break ends a short line without closing punctuation when that line stands
  alone (the first line of the text, or a line after a blank line): a title or dateline
  directly above the body. Hard-wrapped body lines are left to the parser.

The component runs before the parser, which respects boundaries already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_END = {".", "!", "?", '"', "\u201d", "'", ":"}
_SHORT_LINE = 14


@Language.component("dragoman_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Mark sentence starts after line breaks that end a line of layout."""
    line_start = 0  # token index where the current line began
    line_alone = True  # the current line follows a blank line or starts the text
    for tok in doc[:-1]:
        if not tok.is_space or "\n" not in tok.text:
            continue
        blank = tok.text.count("\n") >= 2
        prev = doc[tok.i - 1] if tok.i > 0 else None
        closed = prev is not None and prev.text in _END
        words = sum(1 for t in doc[line_start : tok.i] if not t.is_space)
        short_alone = line_alone and 0 < words <= _SHORT_LINE
        if blank or closed or short_alone:
            doc[tok.i + 1].is_sent_start = True
        line_start = tok.i + 1
        line_alone = blank
    return doc
