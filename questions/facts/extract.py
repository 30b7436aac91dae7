"""Document -> facts. Every content block is read once; tables row by row.

Cost is linear in the notes: each block is handled on its own, and siblings are found through
the list group or section index, never by comparing every block with every other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from questions.facts.definitions import (
    Definition,
    abbreviation,
    heading_definition,
    split_definition,
    subject_sentence,
)
from questions.facts.model import Fact
from questions.nouns import category, key_noun, lead_category
from questions.parse.model import Block, Document
from questions.tables import Table, analyse, is_empty, is_matrix_column
from questions.text import CJK, norm
from questions.values import RANGE, numbers_in

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*(\"“0-9])|(?<=[。！？；;])\s*")
_DEFAULT_MARK = re.compile(
    r"(?P<member>`?[A-Za-z][\w./:-]*`?)\s*[(（](?:the\s+)?(?:default|默认)(?:[^)）]*)[)）]", re.I
)
_DEFAULT_WORD = re.compile(r"\bdefaults?\b|默认|缺省", re.I)
_GENERIC_LEAD = {"kind", "type", "one", "thing", "way", "option", "item", "default", "example"}


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def _section_category(block: Block) -> str | None:
    heading = block.section.heading
    return category(heading) if heading else None


def definition_category(block: Block, parent_term: str) -> str | None:
    """The noun a definition's term is an instance of: lead-in, else parent, else heading."""
    if block.lead is not None:
        found = lead_category(block.lead.text)
        if found and found.split()[-1].lower() in _GENERIC_LEAD:
            return key_noun(found.split()[-1], block.section.heading)
        if found:
            return found
    return None


def _definition(block: Block, only_block: bool, parent_term: str) -> Definition | None:
    if block.kind == "item" or block.kind == "paragraph":
        d = split_definition(block)
        if d is None and block.kind == "paragraph":
            d = subject_sentence(block, block.section.heading) or heading_definition(
                block, block.section.heading, only_block
            )
        return d
    return None


def _subject_before(clause: str, pos: int, marked: Iterable[str], fallback: str) -> str:
    best, best_pos = "", -1
    for span in marked:
        if not re.search(r"[A-Za-z\u4e00-\u9fff]", span) or re.fullmatch(r"[\d.,% ]+\w{0,3}", span):
            continue
        at = clause.rfind(span, 0, pos)
        if at > best_pos:
            best, best_pos = span, at
    return best or fallback


def _number_facts(block: Block, term: str, context: str) -> list[Fact]:
    out: list[Fact] = []
    for sentence in sentences(block.text):
        spans = [m.group(0) for m in RANGE.finditer(sentence)]
        ranged = "".join(spans)
        spans += [n.text for n in numbers_in(sentence) if n.text not in ranged]
        for span in spans:
            pos = sentence.find(span)
            if pos < 0 or (term and span in term):
                continue
            if sentence.count(span) > 1 or (
                re.fullmatch(r"\d", span) and not _DEFAULT_WORD.search(sentence)
            ):
                continue  # a lone digit is rarely a fact ("1 of 2"), unless it is a default
            subject = _subject_before(sentence, pos, block.inline.marked, term or context)
            out.append(
                Fact("number", subject, span, block, block.line, sentence=sentence, span=span,
                     attribute="default" if _is_default(block, sentence) else "", context=context)
            )  # fmt: skip
    return out


_LATIN_IN_ZH = re.compile(
    r"(?<![A-Za-z0-9_./-])[.A-Za-z][A-Za-z0-9_.-]*(?:[ /-][A-Za-z][A-Za-z0-9_.-]*){0,2}"
)
_PLAIN_WORDS = frozenset(
    [
        "how",
        "ur",
        "u",
        "shift",
        "the",
        "to",
        "and",
        "or",
        "of",
        "in",
        "on",
        "is",
        "are",
        "be",
        "a",
        "an",
    ]
)


def _term_facts(block: Block, term: str, context: str) -> list[Fact]:
    """Marked spans inside statements ("container gets **throttled**"), and English terms
    inside Chinese sentences (the words people actually need to remember there)."""
    out: list[Fact] = []
    numbers = {n.text for n in numbers_in(block.text)}
    for sentence in sentences(block.text):
        spans = [m for m in block.inline.marked if m in sentence]
        if CJK.search(sentence):
            spans += [m.group(0).strip() for m in _LATIN_IN_ZH.finditer(sentence)
                      if len(m.group(0)) >= 3 and not set(m.group(0).lower().split()) & _PLAIN_WORDS]  # fmt: skip
        seen: set[str] = set()
        for span in spans:
            span = span.strip()
            if (
                not span
                or span in seen
                or span in numbers
                or norm(span) == norm(term)
                or not re.search(r"[A-Za-z\u4e00-\u9fff]", span)
                or len(span) > 60
            ):
                continue
            seen.add(span)
            out.append(Fact("term", span, span, block, block.line, sentence=sentence, span=span,
                            context=context))  # fmt: skip
    return out


def _is_default(block: Block, sentence: str) -> bool:
    lead = block.lead.text if block.lead else ""
    parent = block.parent.text if block.parent else ""
    return bool(_DEFAULT_WORD.search(sentence) or _DEFAULT_WORD.search(lead + " " + parent[:40]))


def _enumeration(text: str) -> list[str]:
    """The members of "x: A (default), B, C" or "A / B (default) / C"."""
    body = text.split(":", 1)[1] if ":" in text[:60] else text
    body = re.split(r"\s+[—–-]\s+|;|。", body)[0]
    body = re.sub(r"[(（][^)）]*[)）]", "", body)
    parts = [p.strip() for p in re.split(r",|\s/\s|，|、", body)]
    members = []
    for p in parts:
        m = re.match(r"^`?([A-Za-z][\w./:-]*)`?", p)
        if m:
            members.append(m.group(1))
    return members


def _default_facts(block: Block, siblings: list[tuple[str, Block]], subject: str) -> list[Fact]:
    """ "Always (default), OnFailure, Never": the default member, asked among the others."""
    m = _DEFAULT_MARK.search(block.text)
    if not m:
        return []
    member = m.group("member").strip("`")
    members = _enumeration(block.text)
    if member in members and len(members) >= 3:
        others = tuple(x for x in members if x != member)
        what = subject
    else:
        others = tuple(t for t, b in siblings if t != member and b.id != block.id)
        what = definition_category(block, "") or ""
    if len(others) < 1 or not what:
        return []
    return [
        Fact("default", what, member, block, block.line, sentence=block.text, span=member,
             attribute="default", siblings=others)
    ]  # fmt: skip


def _block_facts(
    block: Block, only_block: bool, parent_terms: dict[int, str], defs: dict[int, Definition]
) -> list[Fact]:
    context = parent_terms.get(block.id, "")
    d = _definition(block, only_block, context)
    out: list[Fact] = []
    abbr = abbreviation(block.text)
    if abbr is not None:
        out.append(Fact("abbrev", abbr[0], abbr[1], block, block.line, sentence=block.text,
                        span=abbr[1]))  # fmt: skip
    if d is not None:
        defs[block.id] = d
        cat = definition_category(block, context)
        out.append(
            Fact("definition", d.term, d.description, block, block.line, sentence=block.text,
                 span=d.term, category=cat, context=context,
                 extra=("verb",) if d.verb_phrase else ())
        )  # fmt: skip
    lead_subject = ""
    if block.text.find(":") > 0:
        head = block.text.split(":", 1)[0].strip(" `*")
        if len(head.split()) <= 3:
            lead_subject = head
    out += _number_facts(block, d.term if d else "", context or (d.term if d else ""))
    out += _term_facts(block, d.term if d else "", context or (d.term if d else ""))
    return out + [
        replace(f, subject=f.subject or lead_subject)
        for f in _default_facts(block, [], lead_subject or (d.term if d else ""))
    ]


def _parent_terms(blocks: list[Block]) -> dict[int, str]:
    """For each nested block, the term of the item it is nested in."""
    out: dict[int, str] = {}
    by_text: dict[str, str] = {}
    for b in blocks:
        if b.kind == "item":
            d = split_definition(b)
            term = d.term if d else (b.inline.marked[0] if b.inline.marked else "")
            by_text[b.text] = term
    for b in blocks:
        if b.parent is not None:
            out[b.id] = by_text.get(b.parent.text, "")
    return out


def _sibling_defaults(facts: list[Fact]) -> list[Fact]:
    """ "**RollingUpdate** (the default): …" – the default among its sibling items."""
    by_group: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "definition" and f.block.kind == "item":
            by_group[f.block.group].append(f)
    out = []
    for group in by_group.values():
        for f in group:
            m = _DEFAULT_MARK.search(f.block.text[: len(f.subject) + 30])
            if m and norm(m.group("member")) == norm(f.subject) and len(group) >= 2 and f.category:
                others = tuple(g.subject for g in group if g is not f)
                out.append(
                    Fact("default", f.category, f.subject, f.block, f.line, sentence=f.block.text,
                         span=f.subject, attribute="default", siblings=others)
                )  # fmt: skip
    return out


def _with_siblings(facts: list[Fact]) -> list[Fact]:
    """Definitions learn the other terms of their list (or section) and their descriptions."""
    groups: dict[tuple[int, int], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "definition":
            key = (f.block.group, 0) if f.block.kind == "item" else (-1, f.section.index)
            groups[key].append(f)
    out = []
    for f in facts:
        if f.kind != "definition":
            out.append(f)
            continue
        key = (f.block.group, 0) if f.block.kind == "item" else (-1, f.section.index)
        peers = [g for g in groups[key] if g is not f]
        out.append(
            replace(f, siblings=tuple(g.subject for g in peers),
                    sibling_values=tuple(g.value for g in peers))
        )  # fmt: skip
    return out


def table_facts(block: Block) -> list[Fact]:
    """One property fact per (row, column) cell that says something."""
    if block.table is None:
        return []
    table = analyse(block.table)
    if table is None:
        return []
    noun = None if table.transposed else key_noun(table.key_header, block.section.heading)
    out = _table_cell_facts(block, table, noun)
    for j, header in enumerate(table.headers):
        column = table.column(j)
        matrix = is_matrix_column(column)
        for i, key in enumerate(table.keys):
            cell = table.cells[i][j]
            if is_empty(cell) or not key.strip():
                continue
            out.append(
                Fact("property", key, cell, block, table.lines[i], sentence=cell, span=cell,
                     attribute=header, category=noun, table=table, row=i, column=j,
                     siblings=tuple(k for k in table.keys if k != key),
                     sibling_values=tuple(c for n, c in enumerate(column) if n != i),
                     extra=("matrix",) if matrix else ())
            )  # fmt: skip
    return out


_DEFAULT_CELL = re.compile(
    r"(^|[,;，；(（]\s*)(the\s+)?default(\s+\w+)?\s*($|[,;，；)）])|^默认", re.I
)


def _table_cell_facts(block: Block, table: Table, noun: str | None) -> list[Fact]:
    """Numbers inside table cells (cloze of the cell), and the row a cell calls the default."""
    out: list[Fact] = []
    for i, key in enumerate(table.keys):
        for j, cell in enumerate(table.cells[i]):
            if len(cell.split()) >= 3:
                for n in numbers_in(cell):
                    if cell.count(n.text) == 1 and not re.fullmatch(r"\d", n.text):
                        out.append(Fact("number", key, n.text, block, table.lines[i], sentence=cell,
                                        span=n.text, context=key, attribute=table.headers[j]))  # fmt: skip
                for m in RANGE.finditer(cell):
                    out.append(Fact("number", key, m.group(0), block, table.lines[i], sentence=cell,
                                    span=m.group(0), context=key, attribute=table.headers[j]))  # fmt: skip
            if noun and not table.transposed and _DEFAULT_CELL.search(cell):
                others = tuple(k for k in table.keys if k != key)
                out.append(Fact("default", noun, key, block, table.lines[i], sentence=cell,
                                span=key, attribute="default", siblings=others))  # fmt: skip
    return out


def extract(doc: Document) -> list[Fact]:
    """Every fact of the document's content blocks, in the order of the notes."""
    content = doc.content
    per_section: dict[int, int] = defaultdict(int)
    for b in content:
        per_section[b.section.index] += 1
    parents = _parent_terms(content)
    defs: dict[int, Definition] = {}
    facts: list[Fact] = []
    for block in content:
        if block.kind == "table":
            facts += table_facts(block)
        else:
            facts += _block_facts(block, per_section[block.section.index] <= 3, parents, defs)
    facts += _sibling_defaults(facts)
    facts = _with_siblings(facts)
    facts += _label_groups(content)
    facts += _usage_facts(content)
    return [f for f in facts if (f.subject or f.kind in ("number", "term")) and f.value
            and not _junk(f)]  # fmt: skip


_LABEL = re.compile(r"^[A-Za-z][\w./+-]*(\s+[A-Za-z][\w./+-]*){0,3}$")


def _label_groups(content: list[Block]) -> list[Fact]:
    """ "standard type" / "FIFO type" each leading a list: every item belongs to its label, and
    the labels are the options ("Which type offers “ordered message”?")."""
    by_section: dict[int, dict[str, list[Block]]] = defaultdict(lambda: defaultdict(list))
    for b in content:
        if b.kind == "item" and b.depth == 1 and b.lead is not None and _LABEL.match(b.lead.text):
            by_section[b.section.index][b.lead.text].append(b)
    out: list[Fact] = []
    for groups in by_section.values():
        if len(groups) < 2:
            continue
        labels = list(groups)
        words = [lbl.split() for lbl in labels]
        tail = words[0][-1] if all(len(w) > 1 and w[-1] == words[0][-1] for w in words) else ""
        names = [" ".join(w[:-1]) if tail else " ".join(w) for w in words]
        names = [n[:1].upper() + n[1:] for n in names]
        first = next(iter(groups.values()))[0]
        noun = key_noun(tail, first.section.heading) if tail else None
        for name, label in zip(names, labels, strict=True):
            for b in groups[label]:
                out.append(Fact("definition", name, b.text, b, b.line, sentence=b.text, span=name,
                                category=noun, siblings=tuple(n for n in names if n != name),
                                extra=("label",)))  # fmt: skip
    return out


_USE = re.compile(
    r"\b(?:use|uses|using|needs?|requires?)\s+(?:an?\s+|the\s+)?"
    r"(?P<term>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){1,3}?)\s+(?:to|for)\b"
)


def _usage_facts(content: list[Block]) -> list[Fact]:
    """ "could use dead letter queue to check the reason": the thing used is the fact."""
    out: list[Fact] = []
    for b in content:
        if b.kind == "table":
            continue
        for sentence in sentences(b.text):
            for m in _USE.finditer(sentence):
                term = m.group("term")
                if sentence.count(term) == 1 and term.split()[0] not in ("it", "this", "that"):
                    out.append(Fact("term", term, term, b, b.line, sentence=sentence, span=term))
    return out


def _junk(f: Fact) -> bool:
    """Facts no question should come from: values that are only markup or a lone symbol."""
    v = f.value.strip()
    if "matrix" in f.extra:
        return False
    return not re.search(r"[A-Za-z0-9\u4e00-\u9fff]", v) or (
        f.kind == "definition" and len(v) < 3 and not CJK.search(v)
    )
