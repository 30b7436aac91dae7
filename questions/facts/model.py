"""A fact: one thing the notes state, with a stable id, asked by one or two questions."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property

from questions.parse.model import Block, Section
from questions.tables import Table

#: kinds of fact, most worth asking first
KINDS = ("default", "number", "result", "property", "definition", "command", "term", "abbrev", "contrast",
         "predicate", "step")  # fmt: skip

#: what a fact id's slug replaces by a dash (compiled once: every fact's id is computed)
_SLUG_BREAK = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Fact:
    """subject --attribute--> value, where it came from, and what it can be confused with.

    kind:
    - definition: term -> description (a list item, a `X = …` clause, an enumeration member
      with its parenthesis, a section whose heading names a thing);
    - default: the default member of a set of values (`Always (default), OnFailure, Never`);
    - number: a value with its unit in a sentence, `subject` the parameter it belongs to;
    - property: a table cell (row key -> header -> cell);
    - command: what a command does (its comment) -> the command;
    - term: a marked term inside a statement (asked as a cloze);
    - abbrev: long form -> abbreviation;
    - contrast: subject -> what a claim states, `siblings` what it denies, `attribute` the
      claim with only the stated alternative;
    - predicate: the one thing the notes say is `attribute`, `siblings` those they say is not;
    - result: what an expression gives (`-7 // 2` -> -4), `sibling_values` the other results
      of its form near it;
    - step: a procedure's step (`value`) after the step `subject`, `attribute` the procedure.

    `group` names the fact's siblings (a list, an enumeration, a table column): `siblings` are
    the other subjects of that group, `sibling_values` the other values. `role` is the kind of
    thing the subject is in the notes, for drawing distractors of the same role.
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
    group: str = ""
    role: str = "term"
    siblings: tuple[str, ...] = ()
    sibling_values: tuple[str, ...] = ()
    context: str = ""  # the parent item's term, so a stem can name the subject
    table: Table | None = None
    row: int = -1
    column: int = -1
    extra: tuple[str, ...] = field(default=())
    lang: str = ""  # set where the fact's own text cannot tell (a table cell: the table's)
    denied: tuple[str, ...] = ()  # names the notes say are not of the fact's kind

    @property
    def section(self) -> Section:
        return self.block.section

    @cached_property
    def id(self) -> str:
        """Stable: the same statement in the same place of the notes keeps its id."""
        base = self.subject if self.kind != "number" else f"{self.subject} {self.span}"
        slug = _SLUG_BREAK.sub("-", base.casefold()).strip("-")[:40] or "fact"
        digest = hashlib.sha1(
            "\x1f".join((self.kind, self.subject, self.attribute, self.value)).encode()
        ).hexdigest()[:6]
        return f"{slug}-{digest}"

    @property
    def condition(self) -> bool:
        """A definition fact that holds what must be so once its term is used, not what the term
        means: asked only as "which term brings this", never as the term's description."""
        return self.kind == "definition" and "condition" in self.extra

    def pool_entries(self) -> list[tuple[str, str, str]]:
        """(role, text, group) of the values this fact adds to the document's distractor pool."""
        if self.kind == "definition":
            # a term of a named category ("QoS class") is kin only to its own category
            role = f"{self.role}:{self.category}" if self.category else self.role
            return [(role, self.subject, self.group)]
        if self.kind == "default":
            return [("member", m, self.group) for m in (self.value, *self.siblings)]
        # a table cell's options are its own column's other cells: nothing to pool
        if self.kind == "command":
            return [("cmd", self.value, self.group)]
        if self.role == "acronym":
            return [("acronym", self.span, self.group)]
        return []
