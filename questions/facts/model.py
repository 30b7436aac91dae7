"""A fact: one thing the notes state, with a stable id, asked by one or two questions."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property

from questions.parse.model import Block, Section
from questions.tables import Table

#: kinds of fact, most worth asking first
KINDS = ("default", "number", "property", "definition", "term")


@dataclass(frozen=True)
class Fact:
    """subject --attribute--> value, where it came from, and what it can be confused with.

    kind: definition (term -> description), property (table row -> cell), number (a value with
    its unit in a sentence), default (the default member of an enumeration), term (a marked term
    inside a statement). `sentence` is the source clause a cloze or true/false is made from;
    `span` the part of it that is the value.
    """

    kind: str
    subject: str
    value: str
    block: Block
    line: int
    sentence: str = ""
    span: str = ""
    attribute: str = ""
    category: str | None = None
    siblings: tuple[str, ...] = ()  # other subjects of the same group (definition distractors)
    sibling_values: tuple[str, ...] = ()  # values of the same attribute for other subjects
    context: str = ""  # the parent item's term, so a stem can name the subject
    table: Table | None = None
    row: int = -1
    column: int = -1
    extra: tuple[str, ...] = field(default=())

    @property
    def section(self) -> Section:
        return self.block.section

    @cached_property
    def id(self) -> str:
        """Stable: the same statement in the same place of the notes keeps its id."""
        base = self.subject if self.kind != "number" else f"{self.subject} {self.span}"
        slug = re.sub(r"[^a-z0-9]+", "-", base.casefold()).strip("-")[:40] or "fact"
        digest = hashlib.sha1(
            "\x1f".join((self.kind, self.subject, self.attribute, self.value)).encode()
        ).hexdigest()[:6]
        return f"{slug}-{digest}"
