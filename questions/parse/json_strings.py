"""A JSON file's strings in the order it holds them, each with what it is, and the line each
is written on: the notebook and canvas readers keep each string's words on its own line, so
a question points at the line the notes wrote it on."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

_DECODER = json.JSONDecoder()


@dataclass
class JsonStrings:
    """The strings read so far, and what each is (a reason it is skipped, or its kind)."""

    strings: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def add(self, text: str, reason: str) -> int:
        self.strings.append(text)
        self.reasons.append(reason)
        return len(self.strings) - 1

    def walk(self, value: object, reason: str) -> None:
        """Each string in the value (keys too), in the order the file holds them."""
        stack: list[object] = [value]
        while stack:
            v = stack.pop()
            if isinstance(v, str):
                self.add(v, reason)
            elif isinstance(v, dict):
                for k, x in reversed(list(v.items())):
                    stack.append(x)
                    stack.append(str(k))
            elif isinstance(v, list):
                stack.extend(reversed(v))


def string_lines(lines: list[str], strings: list[str]) -> list[int] | None:
    """The line each string is written on, read string by string through the file; None when
    the file's strings are not these in this order."""
    places: list[int] = []
    for n, line in enumerate(lines):
        at = line.find('"')
        while at >= 0:
            value, end = _DECODER.raw_decode(line, at)
            i = len(places)
            if i >= len(strings) or value != strings[i]:
                return None
            places.append(n)
            at = line.find('"', end)
    return places if len(places) == len(strings) else None
