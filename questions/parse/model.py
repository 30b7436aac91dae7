"""What the parser hands on: sections, blocks with their context, and what was skipped."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Inline:
    """One run of inline Markdown as plain text, with the spans the author marked."""

    text: str
    strong: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    link_chars: int = 0  # characters inside links and bare URLs
    anchor_links: int = 0  # links to "#fragment" (a table of contents)
    links: int = 0
    images: int = 0
    initials: int = 0  # letters bolded at a word's start ("**A**naerobes"): a mnemonic's

    @property
    def marked(self) -> tuple[str, ...]:
        return self.strong + self.code


@dataclass(frozen=True)
class Section:
    """A heading: its path from the top level, and where it starts."""

    index: int
    path: tuple[str, ...]
    level: int
    line: int
    bold: bool = False  # a bold line standing alone as a sub-heading ("**Deployment policy**")

    @property
    def heading(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def key(self) -> str:
        return " › ".join(self.path) or "(no heading)"


@dataclass(frozen=True)
class TableData:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    header_inline: tuple[Inline, ...] = ()
    cells: tuple[tuple[Inline, ...], ...] = ()


@dataclass(frozen=True)
class Block:
    """A paragraph, list item, table or code block, with the context a question needs.

    `parent` is the text of the list item this one is nested in, or the paragraph that leads
    into its list ("three kinds:"); `group` numbers the list so siblings can be found.
    """

    id: int
    kind: str  # paragraph | item | table | code
    line: int
    section: Section
    inline: Inline = field(default_factory=lambda: Inline(""))
    depth: int = 0
    parent: Inline | None = None
    parent_line: int = 0  # the line of the item this one is nested in (0: none)
    lead: Inline | None = None  # the paragraph right before the list, when there is one
    group: int = -1
    ordered: bool = False
    number: int | None = None
    table: TableData | None = None
    code: str = ""
    lang: str = ""
    noise: str | None = None  # why nothing is asked from it, None for content
    from_heading: bool = False  # a heading that is itself a statement, read as one
    #: a line ending ":" that introduces the list, code or table after it (kept out of the
    #: repr, which reports and their comparisons print)
    leads_in: bool = field(default=False, repr=False)

    @property
    def text(self) -> str:
        return self.inline.text

    @property
    def under(self) -> str:
        """What the block is said under: its section's heading, the item it is nested in and
        the paragraph that leads into its list ("Tree entry modes:" over "100644 normal
        file")."""
        said = (self.section.heading, self.parent, self.lead)
        return " ".join(x if isinstance(x, str) else x.text for x in said if x)


@dataclass(frozen=True)
class Noise:
    """Something nothing is asked from, and why (the summary counts these per section)."""

    line: int
    section: str
    reason: str
    text: str


@dataclass(frozen=True)
class Document:
    file: str
    title: str
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    noise: tuple[Noise, ...]

    @property
    def content(self) -> list[Block]:
        return [b for b in self.blocks if b.noise is None]
