"""Quotation marks: one pass over the characters finds the quoted segments of a text.

A segment is the text between an opening and a closing double quotation mark (straight
``"``, curly, low-9 ``„`` or guillemets), without the marks. News style lets a quotation run
over paragraphs: a paragraph that ends inside a quotation and a next paragraph that opens
with a quotation mark continue the same quotation, so both segments share a ``group``.
Straight marks are read as opening or closing from their neighbours (a mark after a space
opens, a mark after a letter or punctuation closes); single marks are apostrophes or nested
quotations and are left alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_OPEN = frozenset("\u201c\u201e\u00ab")
_CLOSE = frozenset("\u201d\u00bb")
_STRAIGHT = '"'
_MARKS = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]|\n[ \t]*\n')
#: characters before a straight mark that make it an opening mark
_OPEN_BEFORE = frozenset(" \t\n([{\u2014\u2013-/")
#: characters after a straight mark that make it a closing (or stray) mark
_NOT_AFTER_OPEN = frozenset(".,;:!?)]}")
#: a quotation left open runs at most this far (a stray mark must not swallow the article)
MAX_SEGMENT = 3000


class Segment(NamedTuple):
    """A quoted stretch of text: character offsets without the marks."""

    start: int
    end: int
    group: int  # segments of one quotation (continued over paragraphs) share a group
    closed: bool  # False when the paragraph ended before a closing mark


def find_segments(text: str) -> list[Segment]:
    """The quoted segments of ``text``, in order (one pass over its quotation marks)."""
    scanner = _Scanner(text)
    for m in _MARKS.finditer(text):
        if m.group()[0] == "\n":
            scanner.paragraph_break(m.start(), m.end())
        else:
            scanner.mark(m.start())
    scanner.finish()
    return scanner.segments


class _Scanner:
    """The state of the pass: whether a quotation is open, and where."""

    def __init__(self, text: str):
        self.text = text
        self.segments: list[Segment] = []
        self.open_at = -1  # offset after the opening mark, -1 when no quotation is open
        self.group = -1
        self.pending_group = -1  # a quotation left open at the last paragraph break
        self.next_para = -1  # where the paragraph after the last break starts

    def mark(self, i: int) -> None:
        """Handle one double quotation mark at offset ``i``."""
        if self._opens(i):
            if self.open_at >= 0:
                self._close(i, closed=False)
            self._open(i)
        elif self.open_at >= 0:
            self._close(i, closed=True)
            self.pending_group = -1

    def paragraph_break(self, start: int, end: int) -> None:
        """A blank line: an open quotation pauses; it goes on if the next paragraph opens one."""
        self.pending_group = -1
        if self.open_at >= 0:
            group = self.group
            self._close(start, closed=False)
            self.pending_group = group
        self.next_para = end

    def finish(self) -> None:
        """The end of the text closes an open quotation."""
        if self.open_at >= 0:
            self._close(len(self.text), closed=False)

    def _opens(self, i: int) -> bool:
        ch = self.text[i]
        before = self.text[i - 1] if i > 0 else "\n"
        after = self.text[i + 1] if i + 1 < len(self.text) else "\n"
        if ch == "\u201c" and self.open_at > 0 and self.text[self.open_at - 1] == "\u201e":
            return False  # German pairs: low-9 opens, the high mark closes
        if ch in _OPEN:
            return True
        if ch in _CLOSE:  # a closing mark at the start of a word opens when nothing is open
            return self.open_at < 0 and (before.isspace() or before in "\u202a\u202b") and after.isalnum()
        if self.open_at < 0:  # a straight mark opens unless a space or punctuation follows (5" pipe)
            return not after.isspace() and after not in _NOT_AFTER_OPEN
        return before in _OPEN_BEFORE and not after.isspace()  # an unclosed quotation and a new one

    def _open(self, i: int) -> None:
        continues = self.pending_group >= 0 and self._starts_paragraph(i)
        if continues:
            self.group = self.pending_group
        else:
            self.group = (self.segments[-1].group + 1) if self.segments else 0
        self.pending_group = -1
        self.open_at = i + 1

    def _starts_paragraph(self, i: int) -> bool:
        return self.next_para >= 0 and not self.text[self.next_para : i].strip()

    def _close(self, i: int, closed: bool) -> None:
        start, end = self.open_at, i
        self.open_at = -1
        if end - start > MAX_SEGMENT:
            return
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end > start:
            self.segments.append(Segment(start, end, self.group, closed))
