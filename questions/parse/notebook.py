"""A Jupyter notebook saved as its .ipynb JSON: read as the Markdown its cells show.

A notebook is a JSON object: its "cells" a list of objects, each with its "cell_type"
("markdown", "code" or "raw"), its "metadata", an "id", its "source" (a list of strings, one a
line of the cell, each written on a line of its own) and, for a code cell, its "outputs" (the
text printed, the values shown, images as base64, errors) and "execution_count"; then the
notebook's own "metadata" and its "nbformat". Read as Markdown the whole file was one block of
JSON, so no question was asked. Here a markdown cell's lines are the Markdown they are, each
on the line its string is written on; a code cell's lines a fenced block of code, its fences on
the lines of JSON around them (a code cell with no such line free is dropped); the outputs,
raw cells and the JSON's own lines are skipped.

The file is read by the standard library's json module, and only a file that opens as a
notebook does ("{" first, "cells" or "nbformat" near the top), is not too large, parses and
holds a "cells" list and an "nbformat". The json module tells no line, so each string is found
on its line by reading the file's strings in order: when they are not the notebook's strings in
the order it holds them (a key given twice), the file is left as it was.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any

from questions.parse.json_strings import JsonStrings, string_lines
from questions.parse.xhtml_text import noise_text

_HEAD_LINES = 5
_HEAD_CHARS = 4096
_HEAD = re.compile(r'"(?:cells|nbformat)"\s*:')
#: a larger file is not read: a notebook of notes is far smaller, even with its images
MAX_CHARS = 8_000_000
_MARKUP = "notebook markup"
_OUTPUT = "notebook output"
_ATTACHMENT = "notebook attachment"
_CODE = "code cell"
_RAW = "raw cell"
#: which reason a line with strings of several kinds is skipped as
_RANK = {_OUTPUT: 4, _ATTACHMENT: 3, _CODE: 2, _RAW: 1, _MARKUP: 0}
#: what a line of JSON punctuation only ("],", "}") is skipped as after a string of each kind
_AFTER = {_OUTPUT: _OUTPUT, _ATTACHMENT: _ATTACHMENT}
_FENCE = re.compile(r"^ {0,3}(?P<mark>`{3,}|~{3,})(?P<rest>.*)$")
_TICKS = re.compile(r"`{3,}")
_LANGUAGE = re.compile(r"[A-Za-z][\w+#.-]{0,19}")


@dataclass
class _Cell:
    kind: str
    source: list[int] = field(default_factory=list)  # its source strings' places in the file


@dataclass
class _Read(JsonStrings):
    """The notebook's strings in the order it holds them, what each is, and its cells."""

    cells: list[_Cell] = field(default_factory=list)
    language: str = "python"


def is_notebook(lines: list[str]) -> bool:
    """The file opens as a notebook does: "{" first, "cells" or "nbformat" near the top."""
    head = "\n".join(lines[:_HEAD_LINES])[:_HEAD_CHARS].lstrip("\ufeff \t\n")
    return head.startswith("{") and _HEAD.search(head) is not None


def notebook_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The notebook's cells as Markdown, and the lines of its JSON, its outputs and its raw
    cells skipped as (line number, reason, text); the lines as they were for a file that is
    no notebook."""
    if not is_notebook(lines) or sum(len(line) + 1 for line in lines) > MAX_CHARS:
        return lines, []
    text = "\n".join(lines)
    try:
        notebook = json.loads(text[1:] if text.startswith("\ufeff") else text)
        read = _read(notebook)
        places = string_lines(lines, read.strings) if read is not None else None
    except (ValueError, RecursionError):
        return lines, []
    if read is None or places is None:
        return lines, []
    return _markdown(lines, read, places)


def _read(notebook: Any) -> _Read | None:
    """The notebook's strings and cells; None for JSON that is no notebook."""
    if not isinstance(notebook, dict) or "nbformat" not in notebook:
        return None
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        return None
    read = _Read()
    meta = notebook.get("metadata")
    if isinstance(meta, dict):
        info, kernel = meta.get("language_info"), meta.get("kernelspec")
        name = info.get("name") if isinstance(info, dict) else None
        if not isinstance(name, str) and isinstance(kernel, dict):
            name = kernel.get("language")
        if isinstance(name, str) and _LANGUAGE.fullmatch(name):
            read.language = name
    for key, value in notebook.items():
        read.add(str(key), _MARKUP)
        if key != "cells":
            read.walk(value, _MARKUP)
            continue
        for cell in cells:
            if not isinstance(cell, dict):
                return None
            kind = cell.get("cell_type")
            this = _Cell(kind if isinstance(kind, str) else "")
            read.cells.append(this)
            for k, v in cell.items():
                read.add(str(k), _MARKUP)
                if k == "source":
                    parts = [v] if isinstance(v, str) else v
                    if not isinstance(parts, list) or not all(isinstance(p, str) for p in parts):
                        return None
                    reason = {"code": _CODE, "raw": _RAW}.get(this.kind, _MARKUP)
                    this.source = [read.add(p, reason) for p in parts]
                elif k == "outputs":
                    read.walk(v, _OUTPUT)
                elif k == "attachments":
                    read.walk(v, _ATTACHMENT)
                else:
                    read.walk(v, _MARKUP)
    return read


def _markdown(
    lines: list[str], read: _Read, places: list[int]
) -> tuple[list[str], list[tuple[int, str, str]]]:
    out = [""] * len(lines)
    content: set[int] = set()  # the lines whose strings are shown
    last = -1  # the last line written

    def put(line: int, text: str) -> int:
        while line >= len(out):
            out.append("")
        out[line] = text
        return line

    for cell in read.cells:
        pieces = _pieces(read, places, cell.source)
        if not any(t.strip() for _, t in pieces) or cell.kind not in ("markdown", "code"):
            continue
        first = pieces[0][0]
        if cell.kind == "markdown":
            at = max(first, last + 2) if last >= 0 else first  # a blank line parts two cells
            for src, t in pieces:
                at = max(src, at)
                last = put(at, t)
                at += 1
            if (fence := _open_fence([t for _, t in pieces])) is not None:
                last = put(last + 1, fence)  # Jupyter ends a fence with its cell
        else:
            if first - 1 <= last:
                continue  # no line free for the fence: the code is skipped as a code cell
            ticks = max((len(m.group()) for _, t in pieces for m in _TICKS.finditer(t)), default=2)
            fence = "`" * max(3, ticks + 1)
            put(first - 1, fence + read.language)
            at = first
            for src, t in pieces:
                at = max(src, at)
                last = put(at, t)
                at += 1
            last = put(last + 1, fence)
        content.update(places[i] for i in cell.source)
    return out, _skipped(lines, read, places, content)


def _pieces(read: _Read, places: list[int], source: list[int]) -> list[tuple[int, str]]:
    """A cell's lines and the line each was written on: a string's own lines ("a\\nb")
    after it."""
    pieces: list[tuple[int, str]] = []
    for i in source:
        parts = read.strings[i].replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if len(parts) > 1 and not parts[-1]:
            parts.pop()  # the line's own end
        pieces += [(places[i], p) for p in parts]
    return pieces


def _open_fence(texts: list[str]) -> str | None:
    """The mark that closes a fenced block a markdown cell leaves open, if it does."""
    mark = ""
    for t in texts:
        m = _FENCE.match(t)
        if m is None:
            continue
        if not mark:
            mark = m.group("mark")
        elif (
            m.group("mark")[0] == mark[0]
            and len(m.group("mark")) >= len(mark)
            and not m.group("rest").strip()
        ):
            mark = ""  # a fence closes with no word after it
    return mark or None


def _skipped(
    lines: list[str], read: _Read, places: list[int], content: set[int]
) -> list[tuple[int, str, str]]:
    """The lines no cell's shown string is on, each skipped as what its strings are (a line
    of punctuation as what the string before it is)."""
    reasons: dict[int, str] = {}
    for i, n in enumerate(places):
        reason = read.reasons[i]
        if n not in reasons or _RANK[reason] > _RANK[reasons[n]]:
            reasons[n] = reason
    skipped: list[tuple[int, str, str]] = []
    after = _MARKUP
    for n, line in enumerate(lines):
        if n in reasons:
            last = bisect.bisect_right(places, n) - 1  # the last string on the line
            after = _AFTER.get(read.reasons[last], _MARKUP)
        if line.strip() and n not in content:
            skipped.append((n + 1, reasons.get(n, after), noise_text(line)))
    return skipped
