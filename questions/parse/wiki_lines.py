"""What the one-pass wiki readers share (Confluence's wiki markup, Redmine's Textile): each
source line written as one Markdown line, lines of markup skipped and noted, list lines nested
by their marks ("*", "**", "#*"), and words between a wiki's marks kept between Markdown's."""

from __future__ import annotations

import re
from collections.abc import Callable

from questions.parse.spans import block_safe


class WikiLines:
    """One pass over a page's lines, writing each line's Markdown on its own line; a reader
    says how to read one line (`_line`) and how to write a line's words (`inline`)."""

    def __init__(self, lines: list[str]) -> None:
        self.src = [line.replace("\ue000", "").replace("\ue001", "") for line in lines]
        self.out = [""] * len(lines)
        #: what each written line is: blank, heading, para, item, quote, table, code
        self.kinds = ["blank"] * len(lines)
        self.skipped: list[tuple[int, str, str]] = []
        self.stack: list[int] = []  # the widths of the open items' markers, outermost first
        self.after_table = False  # the line above is a table's row: text would be a row too

    def read(self) -> tuple[list[str], list[tuple[int, str, str]]]:
        n = 0
        while n < len(self.src):
            n = self._line(n)
        self.skipped.sort()
        return self.out, self.skipped

    def _line(self, n: int) -> int:
        """Line n written; the line to read next."""
        raise NotImplementedError

    def inline(self, text: str) -> str:
        """The words of a line as Markdown, the wiki's marks read."""
        raise NotImplementedError

    def _skip(self, n: int, reason: str) -> None:
        self.out[n], self.kinds[n] = "", "blank"
        if any(ch.isalnum() for ch in self.src[n]):
            self.skipped.append((n + 1, reason, self.src[n].strip()))

    def _end_blocks(self) -> None:
        self.stack.clear()
        self.after_table = False

    def _item(self, marks: str, body: str) -> str:
        """A list line ("*", "**", "#", "*#") as a Markdown item, indented under the items it
        is in (a level deeper than the one above counts as one level deeper)."""
        depth = min(len(marks), len(self.stack) + 1)
        del self.stack[depth - 1 :]
        text = self.inline(body)
        if not text:
            return ""
        marker = "1. " if marks.endswith("#") else "- "
        indent = " " * sum(self.stack)
        self.stack.append(len(marker))
        return indent + marker + block_safe(text)

    def _rows_as_items(self, n: int, end: int, grid: list[list[str]], headed: bool) -> None:
        """Lines n to end of a table that cannot stand as one, each row an item with its cells
        said under their headers ("engine: kv v1; job: …"); a table with no header row has its
        words in every row."""
        header = grid[0] if headed else [""] * len(grid[0])
        self.out[n] = ""
        for k in range(n + 1 if headed else n, end):
            said = [f"{h}: {c}" if h else c for h, c in zip(header, grid[k - n], strict=True)]
            cells = "; ".join(s for s, c in zip(said, grid[k - n], strict=True) if c)
            self.out[k] = "- " + block_safe(cells) if cells else ""
            self.kinds[k] = "item" if cells else "blank"
        self.stack.append(len("- "))


def marked(mark: str, kept: Callable[[str], str]) -> Callable[[re.Match[str]], str]:
    """Words between a wiki's marks, between Markdown's (kept from being escaped)."""

    def said(m: re.Match[str]) -> str:
        return kept(mark) + m.group("body") + kept(mark)

    return said
