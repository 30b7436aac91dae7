"""Hedges and asides in notes: what the writer was not sure of is not a fact.

People write their doubts into their notes: "I think it has its own 5 min timeout", "max 50
jobs per stage?? not sure", "好像第二代是 60 分钟，不确定", "slow to start (?)", "(TODO check)".
And asides about the exam: "prob not on the exam", "这个应该不考". Read as facts, the first
become questions whose key the writer doubted, the second become stems that carry a remark.

- a part of a line (a parenthesis, a clause) that is only a hedge ("(I think)", "not sure",
  "（我记得是这样）", "TODO check on gitlab.com", "(?)") makes the whole line uncertain: no fact;
- a line that opens with a hedge ("I think …", "好像 …") is uncertain as a whole;
- a later clause or a parenthesis that hedges a claim of its own ("（好像可以申请提高？）") is
  that claim's doubt only: it is cut, and the rest of the line stands;
- an aside about the exam ("prob not asked", "应该不考", "（不确定考试用哪个）") is cut.

A table row with a cell that only hedges is uncertain as a whole (the row is one line of the
notes); a cell that hedges its own claim, or is an aside, is emptied. A comparison table's cell
is one entity's, so there only the cell goes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from questions.parse.model import Block, Inline, TableData

#: words that say the writer is not sure of what they wrote; the English ones share one leading
#: word boundary, tested once per place in the text instead of once per word (every line and
#: cell of the notes is read with it, and with `_EXAM`)
_DOUBT = re.compile(
    r"(?i)\b(?:I\s+(think|guess|believe|suppose|assume)\b|not\s+(100\s*%\s+)?sure\b|unsure\b"
    r"|(IIRC|AFAIK|AFAIR)\b|maybe\b|perhaps\b|probably\b|prob\b\.?"
    r"|need(s)?\s+(to\s+)?(check|verify|confirm)(ing)?\b|to\s+be\s+(checked|confirmed|verified)\b"
    r"|double[- ]check\b|check\s+this\b)|\?\?+|[(（]\s*[?？]+\s*[)）]"
    r"|好像|不太确定|不确定|我记得|记得是|似乎|貌似|大概是|也许|或许|待确认|待核实|待查|再确认"
    r"|确认一下|查一下|记不清|不清楚"
)
#: a to-do: it and whatever follows it in its clause only say something is left to check
_TODO = re.compile(r"(?i)\b(TODO|FIXME|TBD|XXX)\b.*$|待补充.*$")
#: an aside on whether the exam asks it
_EXAM = re.compile(
    r"(?i)\b(?:(exam|test)\b.{0,20}\b(not|never|unlikely|rarely)\b|(not|never|unlikely|rarely)\b"
    r".{0,25}\b(on|in)\s+the\s+exam\b|not\s+(asked|tested|examined)\b"
    r"|prob(ably)?\.?\s+not\s+(asked|tested|needed|important)\b)"
    r"|不考|不会考|考不考|考试(用|考|会考)?哪|必考|常考|考点"
)
#: what is left of a pure hedge once its doubt words are gone ("是这样" of "我记得是这样")
_FILLER = re.compile(
    r"(?i)\b(so|that|this|it|is|right|on\s+\S+)\b|是这样|这样|是的|是|吧|吗|呢|的|了"
)
#: a parenthesis, and the separators between a line's clauses
_QUERY_MARK = re.compile(r"[(（]\s*[?？]+\s*[)）]")
_PAREN = re.compile(r"\s*[(（]([^()（）]*)[)）]")
_CLAUSE_SEP = re.compile(r"(\s*[;；，,。]\s*|\s+[–—-]\s+|(?<=[a-z])\.\s+)")


def _kind(piece: str) -> str | None:
    """ "exam" for an aside on the exam, "pure" for a hedge that says nothing else, "doubt" for
    a claim hedged, None for a plain claim."""
    if _EXAM.search(piece):
        return "exam"
    todo = _TODO.search(piece)
    doubt = _DOUBT.search(piece)
    if todo is None and doubt is None:
        return None
    rest = _TODO.sub("", piece)
    rest = _FILLER.sub("", _DOUBT.sub("", rest))
    if not re.search(r"[A-Za-z0-9\u3400-\u9fff]", rest):
        return "pure"
    return "pure" if todo is not None and todo.start() == 0 else "doubt"


def unhedge(text: str) -> str | None:
    """The line without its asides and doubted clauses; None when the line itself is
    uncertain; "" when it was only an aside."""
    if _DOUBT.search(text) is None and _TODO.search(text) is None and not _EXAM.search(text):
        return text  # the common case: nothing to read
    if _QUERY_MARK.search(text):
        return None  # "slow to start (?)": the writer marked the line as a guess
    out = text
    for m in reversed(list(_PAREN.finditer(text))):
        kind = _kind(m.group(1))
        if kind == "pure":
            return None
        if kind is not None:
            out = out[: m.start()] + out[m.end() :]
    parts = _CLAUSE_SEP.split(out)  # clause, separator, clause, …
    clauses = parts[0::2]
    kept: list[str] = []
    doubted = False
    for i, clause in enumerate(clauses):
        kind = _kind(clause)
        if kind == "pure" or (kind == "doubt" and i == 0 and _DOUBT.match(clause.strip())):
            return None  # "not sure", "I think it …": the line is uncertain
        if kind is None:
            kept.append(clause if not kept else parts[2 * i - 1] + clause)
        doubted = doubted or kind == "doubt"
    if not kept:
        return None if doubted else ""  # "max 50 jobs per stage??" is a guess, not an aside
    return "".join(kept).strip(" ,，;；–—-")


def only_hedge(text: str) -> bool:
    """ "TODO check", "not sure", "好像是这样，不确定": a cell that says nothing but a doubt."""
    return _kind(text) == "pure"


def _unhedge_marked(text: str, code: tuple[str, ...]) -> str | None:
    """`unhedge` with the line's code spans read as names: `a ?? b` (a null-coalescing
    operator), a `TODO` marker in a grep pattern are no doubts."""
    spans = sorted({c for c in code if c and c in text}, key=len, reverse=True)
    if not spans:
        return unhedge(text)
    masked = text
    for i, c in enumerate(spans):
        masked = masked.replace(c, f"\ue000{i}\ue001")
    out = unhedge(masked)
    if out is None or out == masked:
        return None if out is None else text
    for i, c in enumerate(spans):
        out = out.replace(f"\ue000{i}\ue001", c)
    return out


def unhedge_block(block: Block) -> Block | str:
    """The block without its asides, or why it is no fact ("hedged", "aside")."""
    if block.kind == "table" and block.table is not None:
        return replace(block, table=unhedge_table(block.table))
    if block.kind not in ("paragraph", "item"):
        return block
    text = block.text
    out = _unhedge_marked(text, block.inline.code)
    if out is None:
        return "hedged"
    if not out:
        return "aside"
    if out == text:
        return block
    inline = block.inline
    kept = replace(
        inline,
        text=out,
        strong=tuple(s for s in inline.strong if s in out),
        code=tuple(c for c in inline.code if c in out),
    )
    return replace(block, inline=kept)


def unhedge_table(data: TableData) -> TableData:
    """Rows without uncertain cells; a row with a cell that only hedges is left out (a
    comparison table's cell is one entity's: there only the cell goes)."""
    comparison = bool(data.header) and not data.header[0].strip()
    rows: list[tuple[str, ...]] = []
    cells: list[tuple[Inline, ...]] = []
    lines: list[int] = []
    changed = False
    for n, row in enumerate(data.rows):
        inline = data.cells[n] if n < len(data.cells) else tuple(Inline(c) for c in row)
        new = [_unhedge_marked(c, i.code) for c, i in zip(row, inline, strict=False)]
        new += [unhedge(c) for c in row[len(new) :]]
        if new == list(row):
            rows.append(row)
            cells.append(data.cells[n] if n < len(data.cells) else tuple(Inline(c) for c in row))
            lines.append(data.lines[n])
            continue
        changed = True
        if new[0] is None or (not comparison and any(map(only_hedge, row))):
            continue  # "255 characters | TODO check": the whole row is in doubt
        texts = tuple(c or "" for c in new)
        rows.append(texts)
        old = data.cells[n] if n < len(data.cells) else tuple(Inline(c) for c in row)
        cells.append(
            tuple(o if o.text == t else Inline(t) for o, t in zip(old, texts, strict=True))
        )
        lines.append(data.lines[n])
    if not changed:
        return data
    return replace(data, rows=tuple(rows), cells=tuple(cells), lines=tuple(lines))


#: a share that counts cases, not an amount: "90% of the time", "80% of ppl", "90% 是 …" (of the
#: cases it is …), "大部分 … 70% 都是"; said by the writer from experience, it is an estimate
_OF_CASES = re.compile(
    r"^\s*(?:of\s+(?:the\s+)?(?:time|cases|people|ppl|folks|users|teams)\b"
    r"|(?:的情况|的时候|的问题)?\s*(?:都|就|会|其实)?\s*是)",
    re.I,
)
_MOSTLY = re.compile(r"(?i)(?<!\bat\s)\bmost(?:ly)?\b|大部分|大多数|多数")
_SHARE = re.compile(r"\d+\s*%")
_OF_THE_TIME = re.compile(r"(?i)^\s*of\s+(?:the\s+)?(?:time|cases)\b")
#: what a service promises for a share of the time: "available 99% of the time"
_PROMISED = re.compile(r"(?i)\b(?:sla|availab\w*|uptime|durab\w*|guarantee\w*)\b|可用")


def estimated_share(sentence: str, start: int, end: int) -> bool:
    """The percentage at start:end is the writer's estimate of how often something happens
    ("连不上 90% 是这个配错了", "most of the time (80%)"), not a value the notes state: a round
    share (a multiple of ten) of cases, or one beside a word for "mostly" in its clause."""
    span = sentence[start:end]
    if not _SHARE.fullmatch(span):
        return False  # "99.95% of the time" is a promise, not a guess
    share = int(re.sub(r"\D", "", span))
    if share % 10:
        # "MTU mismatch 99% of the time": "all but always", unless a service promises it
        return (
            share > 90
            and bool(_OF_THE_TIME.match(sentence[end:]))
            and not _PROMISED.search(sentence)
        )
    clause = re.split(r"[,;，；。.]\s", sentence[:start])[-1]
    return bool(_OF_CASES.match(sentence[end:]) or _MOSTLY.search(clause))
