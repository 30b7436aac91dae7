"""What a table is: which column names the rows, which columns are properties, which layout.

- an index column (`#`, `No.`, 序号, or cells 1..n) is never a key and never asked;
- the key column is the left-most column whose cells are distinct short names; a table whose
  every column holds descriptions (parallel descriptions under two entity headers) has none:
  "the <header 2> of <description 1>" reads as nonsense;
- a comparison table (empty top-left header, entities as column headers) is transposed so its
  entities become the rows, unless its headers are lowercase aspects whose columns are each of
  one kind (the rows are then the entities, as in any table);
- a property column is a matrix column when its cells come from a tiny vocabulary (✅/❌,
  yes/no, possible/not possible): such a value is asked only across rows that differ in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, pairwise

from questions.ambiguity import content_words
from questions.context_refs import refers_to_context
from questions.headers import never_key
from questions.parse.model import TableData
from questions.stems import is_descriptive
from questions.text import norm, word_count
from questions.values import NEGATIVE as _NEGATIVE
from questions.values import POSITIVE as _POSITIVE
from questions.values import leading_mark as leading_mark
from questions.values import said_default, value_kinds

_INDEX_HEADER = re.compile(r"^(#|no\.?|nr\.?|n°|num|number|idx|index|序号|编号|)$", re.I)
#: a dash or n/a, alone or with an aside of what stands in its place ("— (`response_type=token`)"),
#: or only a remark in brackets where a value would stand ("(already secure)")
_EMPTY = re.compile(r"^[\s\-—–/n/a]*$|^n/?a$|^(?:[—–-]+|n/?a)?\s*[(（][^()（）]*[)）]$", re.I)


@dataclass(frozen=True)
class Table:
    """A table as rows of (key, {header: cell}) with the line each row came from."""

    key_header: str
    headers: tuple[str, ...]  # property headers, in order
    keys: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]  # per row, per property header
    lines: tuple[int, ...]
    transposed: bool
    column_lines: tuple[int, ...] = ()  # a transposed table: the line of each attribute row
    #: the key is the row's leftmost full column, its name; a key further right ("| Call |
    #: Result | Note |" keyed by Result) is a value the row's name gives
    key_first: bool = True

    def column(self, j: int) -> list[str]:
        return [row[j] for row in self.cells]


#: what parts a row key's names: "`-m` / `--memory`", "-p, --publish", "GET 或 HEAD"
_KEY_NAMES = re.compile(r"\s+/\s+|\s*[,，、]\s*|\s+or\s+|\s*或\s*")


@lru_cache(maxsize=64)
def row_names(keys: tuple[str, ...]) -> tuple[str, ...]:
    """Every name the table's rows go by: each key, and each name of a key that gives several
    ("-p / --publish"). A cell writing `-p 8080:80` belongs to that row, whichever row it is
    said of, as plainly as one that writes the whole key."""
    out: dict[str, None] = dict.fromkeys(keys)
    for k in keys:
        parts = [p.strip().strip("`").strip() for p in _KEY_NAMES.split(k)]
        if len(parts) > 1 and all(len(p) >= 2 for p in parts):
            out.update(dict.fromkeys(parts))
    return tuple(out)


def is_index_column(header: str, values: list[str]) -> bool:
    h = header.strip()
    if _RANK_HEADER.match(h):
        # "# (approx)" over 2, 4-7, 8-10, 11: the rows' places in an order, rising
        firsts = [_RANK.fullmatch(v.strip()) for v in values]
        if all(firsts):
            starts = [int(m.group(1)) for m in firsts if m]
            return starts == sorted(starts) and len(set(starts)) == len(starts)
    if _OUTLINE_HEADER.match(h.strip("*_!").strip()):
        # "Obj" over 101.2, 101.3, 102.2: where a syllabus or a book files each row, rising
        places = [_OUTLINE_PLACE.fullmatch(v.strip().strip("*`").rstrip(".")) for v in values]
        if all(places):
            keys = [tuple(int(x) for x in m.group(0).split(".")) for m in places if m]
            return all(a < b for a, b in pairwise(keys))
    if not _INDEX_HEADER.match(h):
        return False
    nums = [v.strip().rstrip(".") for v in values]
    return all(n.isdigit() for n in nums) and _counted_up([int(n) for n in nums])


#: a column that files each row in a syllabus or a book ("Obj", "Section", "§", "章节")
_OUTLINE_HEADER = re.compile(
    r"(?i)^(?:obj\.?|objectives?|sec\.?|sections?|§|ch\.?|chapters?|clauses?|lessons?|modules?"
    r"|units?|考点|章节|章|节)$"
)
#: its place: "101.2", "3.4.1", "7"
_OUTLINE_PLACE = re.compile(r"\d{1,4}(?:\.\d{1,3}){0,3}")


#: a column of the writer's own marks: "My confidence", "my notes", "掌握程度", "复习次数"
_PERSONAL_HEADER = re.compile(
    r"(?i)^(?:my\s+\S.*|(?:self[- ])?confidence|progress|reviewed\??|我的\S*|掌握(?:程度|情况)?|复习\S{0,3})$"
)


def is_personal_column(header: str) -> bool:
    """A column of how the writer stands with each row, no fact of the rows: never asked."""
    return _PERSONAL_HEADER.fullmatch(header.strip().strip("*_").strip()) is not None


#: "#" with a remark on the numbers ("# (approx)", "#*"): a rank, not a count
_RANK_HEADER = re.compile(r"^#\s*\S")
#: a place or a run of places in a rank: "11", "4-7", "12–14"
_RANK = re.compile(r"(\d+)(?:\s*[-–~]\s*\d+)?\.?")


def _counted_up(numbers: list[int]) -> bool:
    """1, 2, 3, … (or 0, 1, 2, …) in order, each one more than the last."""
    return numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else True


@lru_cache(maxsize=16384)
def is_empty(cell: str) -> bool:
    """A cell that says nothing: a dash, n/a, or only a pointer elsewhere ("see section 4",
    "见上表"), which is neither asked nor offered as another row's option. Cached: a cell is
    read by several rules of its table (key column, matrix column, facts)."""
    return bool(_EMPTY.match(cell.strip())) or refers_to_context(cell)


def only_a_default_value(cell: str) -> bool:
    """A cell giving a default value without saying of what ("默认 1" beside 加权's `weight=N`):
    it neither calls its row the table's default nor describes the row."""
    return said_default(cell.strip().strip("*").strip(), whole=True) is not None


def describes_rows(table: Table, column: int) -> bool:
    """The column describes each row in words of its own ("what it does", or cells of five
    words and more), rather than giving every row a value of one property."""
    return not table.transposed and (
        is_descriptive(table.headers[column]) or is_description_column(table.column(column))
    )


def bare_default(table: Table, column: int, cell: str) -> bool:
    """A describing column's cell that only gives a default ("默认 1" beside "依次分发"): of what,
    it does not say, so it is no fact of its row, describes nothing and is no row's option."""
    return only_a_default_value(cell) and describes_rows(table, column)


_CELL_HEAD_END = re.compile(r"[,，(（]")
_YES_NO = re.compile(r"(?i)yes|no|是|否")


def polarity(cell: str) -> bool | None:
    """True/False for a yes/no style cell, None for anything else."""
    c = cell.strip()
    head = _CELL_HEAD_END.split(c)[0].strip()
    if head != c and _YES_NO.fullmatch(head):
        c = head  # "yes, together w/ the WAL archive"
    if _POSITIVE.match(c):
        return True
    if _NEGATIVE.match(c):
        return False
    return None


def is_matrix_column(values: list[str]) -> bool:
    """Cells from a tiny vocabulary, so a value cannot tell rows apart."""
    distinct = {norm(v) for v in values if not is_empty(v)}
    return bool(values) and (
        all(polarity(v) is not None for v in values if not is_empty(v))
        or (len(distinct) <= 2 and len(values) >= 4)
    )


#: a cell of this many words or more is a description, not a name
_DESCRIPTION_WORDS = 5


def is_description_column(values: list[str]) -> bool:
    """Most cells are descriptions (five words or more): such a column names no rows."""
    filled = [v for v in values if not is_empty(v)]
    return 2 * sum(word_count(v) >= _DESCRIPTION_WORDS for v in filled) > len(filled)


def _key_score(values: list[str], position: int) -> float:
    """Subject-column score after the tabbyld heuristics: distinct, short, filled, left."""
    if not values:
        return -1.0
    filled = [v for v in values if not is_empty(v)]
    # by exact text: `git branch -d` and `git branch -D` are two commands
    unique = len({" ".join(v.split()) for v in filled}) / len(values)
    if unique < 1.0 or len(filled) < len(values):
        return -1.0
    mean_words = sum(word_count(v) for v in values) / len(values)
    short = 1.0 if mean_words <= 4 else 0.0
    return float((2 * unique + short - mean_words / 10) / (position + 1) ** 0.5)


#: a top-left header that says the rows are aspects compared ("对比项", "Aspect"): the things
#: compared are the other headers, as when the corner is empty
_ASPECTS = re.compile(
    r"(?i)(?:对比|比较)(?:项|维度)?|维度|aspects?|dimensions?|comparison|criteri(?:on|a)"
)


def names_aspects(header: str) -> bool:
    return _ASPECTS.fullmatch(header.strip().strip("*").strip()) is not None


#: a top-left header that may call the rows aspects or name things ("Feature": the features
#: compared, or the features a product has, each a row with its version and remark)
_MAYBE_ASPECTS = re.compile(
    r"(?i)features?|propert(?:y|ies)|attributes?|metrics?|characteristics?|"
    r"特性|特点|属性|指标|方面|项目|功能|操作|operations?|行为"
)


#: the share of an aspect column's rows that name an aspect of their own
MOSTLY_DISTINCT = 0.75


def aspect_rows(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """The rows are aspects the other columns are compared by: the corner says so outright
    ("对比项", "Aspect"), or may ("特性", "Feature") and each row's cells are more alike than
    each column's ("about 40 MB | about 10 MB" across a row, a size above a language down a
    column): a column then holds a different aspect in every row, and no cell of another row
    is of its row's kind."""
    corner = header[0].strip().strip("*").strip()
    if names_aspects(corner):
        # each aspect is a row (one may go on in a second); aspects written over many rows
        # ("数据结构" over B+Tree, Hash, Full-text, filled down from a merged cell) group the
        # rows, which name the things
        firsts = [r[0].strip() for r in rows if r]
        return len(set(firsts)) >= MOSTLY_DISTINCT * len(firsts)
    if not _MAYBE_ASPECTS.fullmatch(corner) or len(header) < 3:
        return False
    body = [list(r[1:]) for r in rows if len(r) == len(header)]
    columns = [list(c) for c in zip(*body, strict=False)]
    return _likeness(body) > _likeness(columns)


def _columns_alike(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """An empty corner over lowercase headers whose columns' cells are each of one kind
    ("copies" 3 / 3 / 6, "survives zone loss" ✅ / ❌) more than each row's are: the rows are
    the entities compared and the headers their aspects, as in any table, not the other way
    round."""
    lower = [h for h in header[1:] if re.match(r"[a-z]", h.strip().strip("*_"))]
    if len(lower) * 2 <= len(header) - 1:
        return False  # "| | Kafka | RabbitMQ |": names over the columns, compared by row
    body = [list(r[1:]) for r in rows if len(r) == len(header)]
    columns = [list(c) for c in zip(*body, strict=False)]
    return _likeness(columns) > _likeness(body)


def _mark(cell: str) -> bool:
    return leading_mark(cell) is not None


def _likeness(groups: Sequence[Sequence[str]]) -> float:
    """How alike the cells of each group are, on average over the pairs of every group: of
    one value kind that is no free text, or sharing content words."""
    scores: list[float] = []
    for cells in groups:
        # a yes/no mark leading a cell ("✅ AWS", "❌") is of one kind with the other marks
        kinds = ["mark" if _mark(c) else k for c, k in zip(cells, value_kinds(cells), strict=True)]
        words = [content_words(c) for c in cells]
        for i, j in combinations(range(len(cells)), 2):
            if kinds[i] == kinds[j] != "text":
                scores.append(1.0)
            else:
                union = words[i] | words[j]
                scores.append(len(words[i] & words[j]) / len(union) if union else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


#: the heads of two lists set side by side, one against the other: "Pros | Cons", "Do |
#: Don't", "Shared | Per thread", "优点 | 缺点", "共享 | 各自拥有" (a row's two cells are no pair)
_SIDES = (
    ("pros?", "cons?"),
    ("advantages?", "disadvantages?"),
    ("benefits?", "(?:drawbacks?|downsides?|costs?)"),
    ("strengths?", "weaknesses?"),
    ("dos?", "(?:don'?ts?|avoid)"),
    ("good", "bad"),
    ("shared", "(?:per[ -]\\w+|own|private|each|separate|not shared)"),
    ("(?:优点|优势|好处)", "(?:缺点|劣势|坏处|不足)"),
    ("共享", "(?:各自.*|独有|私有|独立|不共享)"),
    ("(?:可以|能|要|应该)", "(?:不可以|不能|不要|不应该)"),
)
_SIDE_PAIRS = tuple(
    (re.compile(rf"(?i)(?:{a})(?:\W.*)?"), re.compile(rf"(?i)(?:{b})(?:\W.*)?")) for a, b in _SIDES
)
#: a header's frame: emphasis, a yes/no mark ("✅ Do", "❌ Don't"), punctuation around it
_HEAD_FRAME = re.compile(r"^[\W_]+|[\W_]+$")


def two_lists(left: str, right: str) -> bool:
    """Two columns headed as the two sides of one thing: a list each, not a row's pair."""
    a, b = _HEAD_FRAME.sub("", left.strip()), _HEAD_FRAME.sub("", right.strip())
    if not a or not b:
        return False
    if _negated(a, b) or _negated(b, a):
        return True
    return any(
        (x.fullmatch(a) and y.fullmatch(b)) or (y.fullmatch(a) and x.fullmatch(b))
        for x, y in _SIDE_PAIRS
    )


def _negated(a: str, b: str) -> bool:
    """b is a's negation: "Not encrypted", "Non-durable", "不共享"."""
    said = b.casefold()
    return said in (f"not {a}".casefold(), f"non-{a}".casefold(), f"no {a}".casefold()) or (
        b in (f"不{a}", f"非{a}", f"无{a}")
    )


#: a made-up entity of a worked example: a capital and its number ("P1", "T3", "J2")
_EXAMPLE_NAME = re.compile(r"([A-Z])(\d{1,2})")


def example_names(values: list[str]) -> bool:
    """Keys that number the entities of a worked example (processes P0-P4 of a scheduling or
    banker's table): what each row holds was made up for the example, and nothing tells one
    row from another but its number."""
    found = [_EXAMPLE_NAME.fullmatch(v.strip().strip("*`")) for v in values]
    if len(found) < 3 or any(m is None for m in found):
        return False
    letters = {m.group(1) for m in found if m}
    return len(letters) == 1 and _counted_up(sorted(int(m.group(2)) for m in found if m))


def analyse(data: TableData) -> Table | None:
    """The table's key and property columns, or None when no column names the rows."""
    header = list(data.header)
    rows = [list(r) for r in data.rows]
    if len(header) < 2 or len(rows) < 2:
        return None
    cols = [[r[j] for r in rows] for j in range(len(header))]
    keep = [
        j
        for j in range(len(header))
        if not is_index_column(header[j], cols[j]) and not is_personal_column(header[j])
    ]
    compared = (is_empty(header[0]) or aspect_rows(header, rows)) and len(header) >= 3
    if compared and 0 in keep and not (is_empty(header[0]) and _columns_alike(header, rows)):
        return _transposed(header, rows, data.lines)
    if all(is_description_column(cols[j]) for j in keep):
        return None  # parallel descriptions under two entity headers: no column names rows
    if _worked_in_math(header, rows):
        return None  # "| $i$ | $y$ | $\hat p$ |" over numbers: an example's working, no names
    if len(keep) == 2 and two_lists(header[keep[0]], header[keep[1]]):
        return None  # "| Pros | Cons |": two lists side by side, no row pairs its cells
    # a remark, a limit or a clause never names the rows ("Which 备注 has 上限 10?")
    named = [j for j in keep if not never_key(header[j], cols[j])] or keep
    # (nor a column of descriptions while another could: "Thing A | Thing B | Difference" of
    # pairs, one of them twice, is keyed by no "Difference")
    named = [j for j in named if not is_description_column(cols[j])] or named
    scores = [(_key_score(cols[j], pos), -pos, j) for pos, j in enumerate(keep) if j in named]
    best = max(scores, default=(-1.0, 0, 0))
    if best[0] <= 0:
        return None
    k = best[2]
    props = [j for j in keep if j != k]
    # a header said again ("Insecure | Port | Secure replacement | Port") heads the column
    # before its value, not the row's: "Which insecure has the port 443?" keys HTTP
    props = [j for j in props if norm(header[j]) not in {norm(h) for h in header[:j]}]
    if not props or example_names(cols[k]):
        return None
    # a row keyed by a question ("Where?", "Needs O₂?" in a Cornell cue column) names no
    # thing: "Which of these is described here: “cytosol”?" offers questions as answers
    # nor does a total ("TOTAL | 100% | 90"): its cells add up the others, it is no thing
    named_rows = [n for n, r in enumerate(rows) if not _ASKS.search(r[k]) and not is_total(r[k])]
    if len(named_rows) < 2:
        return None
    lines = tuple(data.lines)
    return Table(
        key_header=header[k],
        headers=tuple(header[j] for j in props),
        keys=tuple(rows[n][k] for n in named_rows),
        cells=tuple(tuple(rows[n][j] for j in props) for n in named_rows),
        lines=tuple(lines[n] for n in named_rows) if len(lines) == len(rows) else lines,
        transposed=False,
        # (a column left of it with blanks or repeats groups the rows: "| 范围 | 策略 | 说明 |")
        key_first=_named_at_key(cols, [j for j in keep if j < k], cols[k]),
    )


#: a formula in a cell or header: "$-\\ln 0.9 = 0.105$"
_MATH = re.compile(r"\$[^$\n]+\$")
_LETTER = re.compile(r"[^\W\d_]")


def _worked_in_math(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """A table of a worked example in formulas: math in it, and no cell naming anything (no
    letter outside a formula)."""
    cells = [*header, *(c for r in rows for c in r)]
    if not any(_MATH.search(c) for c in cells):
        return False
    body = [c for r in rows for c in r]
    return not any(_LETTER.search(_MATH.sub("", c)) for c in body)


def _named_at_key(cols: list[list[str]], left: list[int], keys: list[str]) -> bool:
    """No column left of the key names the rows: each only groups them, or numbers rows the
    key names in words ("| Domain | Name | Weight |"); beside a key of values ("9 次（75%）"
    under FIFO) a column of numbers is the rows' name ("| 物理块数 | FIFO |")."""
    valued = sum(bool(re.search(r"\d", v)) for v in keys) * 2 > len(keys)
    return all(
        _groups_rows(cols[j])
        or (not valued and all(_NUMBERED.fullmatch(v.strip()) for v in cols[j]))
        for j in left
    )


#: a cell that only numbers its row: "1", "2–1001", "0, 4095"
_NUMBERED = re.compile(r"[\d\s.,–-]+")


def _groups_rows(values: list[str]) -> bool:
    """A column of blanks or repeated values: it files the rows in groups, names none."""
    filled = [" ".join(v.split()) for v in values if not is_empty(v)]
    return len(filled) < len(values) or len(set(filled)) < len(filled)


#: a cell that asks: a question mark ending it
_ASKS = re.compile(r"[?？]\s*$")
#: a row that adds up the rows above it: "TOTAL", "Grand total", "Sum", "合计"
_TOTAL = re.compile(r"(?i)(?:grand\s+|sub-?)?totals?|sum|overall|合计|总计|小计|共计|总和")


def is_total(key: str) -> bool:
    return _TOTAL.fullmatch(key.strip().strip("*_`:：").strip()) is not None


def _transposed(header: list[str], rows: list[list[str]], lines: tuple[int, ...]) -> Table | None:
    """Entities are the column headers: each becomes a row, each attribute row a column."""
    entities = header[1:]
    if len({norm(e) for e in entities}) < len(entities) or any(is_empty(e) for e in entities):
        return None
    attrs = [r[0] for r in rows]
    line = lines[0] - 2 if lines else 0
    return Table(
        key_header="",
        headers=tuple(attrs),
        keys=tuple(entities),
        cells=tuple(tuple(r[j] for r in rows) for j in range(1, len(header))),
        lines=tuple(max(line, 1) for _ in entities),
        transposed=True,
        column_lines=tuple(lines),
    )
