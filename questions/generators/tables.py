"""Table questions: a row's property, the row with a property value that only it has, the rows
of a yes/no column, and "which of A / B" across the entities of a comparison table."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from questions.ambiguity import THIN, content_words, denial_fits, denies, thin_fits_any
from questions.candidate import Candidate, stable_int
from questions.clipping import lost_qualifier
from questions.cues import clue, later_sentences, names_in_words, without
from questions.distractors import Pool, acceptable, likeliest, spread_keys
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.generators.definitions import standalone
from questions.generators.pairings import STYLE as PAIRING
from questions.generators.pairings import pairings
from questions.headers import remark_header
from questions.name_kinds import kept_by_kind, row_value_kinds
from questions.nouns import singular_word
from questions.remarks import main_column, remark_stem, remark_subject
from questions.stems import (
    cell_attr,
    is_descriptive,
    lower_first,
    only_flags,
    table_forward,
    table_predicate,
    table_reverse,
)
from questions.tables import (
    Table,
    bare_default,
    describes_rows,
    is_empty,
    leading_mark,
    polarity,
    row_names,
)
from questions.text import (
    ASIDE,
    CJK,
    contains,
    contains_folded,
    cut_short,
    folded,
    lemma_words,
    norm,
)
from questions.values import DIMENSIONS, Number, number_role, numbers_in, parse_number, switch_side
from questions.vocabulary import fair_port

NAME = "table"
_HEADER_ROLE = {"port": "port", "code": "code", "version": "version"}


def _header_kind(header: str) -> str:
    """What a column's numbers are, from its header: ports, codes, versions, or quantities."""
    h = header.casefold()
    for kind, words in (("port", ("port", "端口")), ("code", ("code", "状态码", "错误代码")),
                        ("version", ("version", "版本"))):  # fmt: skip
        if any(w in h for w in words):
            return kind
    return ""


#: a row key that is only a value: a number or a symbol ("0", "-1", "*"), read after an aside
#: is dropped ("2 (推荐)"); beside those, a short lowercase word is one too ("all")
_NUMBER_KEY = re.compile(r"[-+]?\d[\d.,]*%?|[^\w\s]{1,3}")
_SHORT_WORD = re.compile(r"[a-z]{1,3}")
#: a key that is a span or a list of values: "2–1001", "0, 4095", "224–239"
_SPAN_KEY = re.compile(r"\d[\d.]*(?:\s*(?:[–-]|,)\s*\d[\d.]*)+")


def _value_key(key: str) -> bool:
    """A key that is only a value: a span of values, or a measure ("10 Mbps")."""
    if _bare(key, _SPAN_KEY):
        return True
    number = parse_number(ASIDE.sub("", key).strip())
    return number is not None and bool(number.unit)


def _bare(key: str, pattern: re.Pattern[str]) -> bool:
    return pattern.fullmatch(ASIDE.sub("", key).strip()) is not None


#: a key header written as a name, one capitalised word ("RAID", "Level", "Tier"); a setting
#: is written as the notes' config writes it ("acks", "wal_level")
_NAME_HEADER = re.compile(r"[A-Z][A-Za-z]*")


def named_key(key: str, table: Table) -> str:
    """A row key that is only a value of its key column, named with it ("acks = 0", "acks =
    all"): "0 的…" asks about nothing. A key column with no number holds names ("r", "wa"), and
    ports, codes and versions say what they are by themselves ("404")."""
    head = table.key_header.strip()
    if table.transposed or not head or _header_kind(head):
        return key
    if not any(_bare(k, _NUMBER_KEY) or _value_key(k) for k in table.keys):
        return key
    bare = _bare(key, _NUMBER_KEY) or _bare(key, _SHORT_WORD)
    if bare and _NAME_HEADER.fullmatch(head) and _bare(key, _NUMBER_KEY):
        return f"{head} {key}"  # "RAID 0", "Level 5": a name's word names its numbered kinds
    if not bare and _value_key(key) and not CJK.search(head):
        # "What is the type of VLAN range 0, 4095?", not "… of 0, 4095?"
        return f"{lower_first(head)} {key}"
    return f"{head} = {key}" if bare else key


MAX_VALUE = 160
#: a cell that only says the row has none of it
_NOTHING = re.compile(r"(?i)no|none|nothing|没有|无|不支持|否")
#: a cell that says the row has no such property ("n/a (DNS only)")
_NOT_APPLICABLE = re.compile(r"(?i)(n/?a|none|-|—)\b")
_DIGITS_ONLY = re.compile(r"\d+")
#: a cell that only says "default": no description to quote
_ONLY_DEFAULT = re.compile(r"(?i)(the\s+)?(usual\s+)?default(\s+(value|type|one))?|默认值?|默认的")


def nearest_rows(n: int, row: int, seed: str) -> list[int]:
    """A column's rows, the ones nearest the asked one first: notes group rows of a kind
    together (the redirects among the status codes), so "302 的名称" is offered beside "Moved
    Permanently" and "Temporary Redirect", not beside "Bad Gateway"."""
    return sorted(range(n), key=lambda i: (abs(i - row), stable_int(seed, str(i))))


def overlaps(a: str, b: str) -> bool:
    """One cell says what the other says ("临时重定向" inside "临时重定向，不允许…")."""
    return _overlapping(norm(a), norm(b))


def _overlapping(x: str, y: str) -> bool:
    """`overlaps` on texts already normalised."""
    return bool(x and y) and (x == y or x in y or y in x)


#: a cell that holds every value of its column: "any" under "Use on" beside "counter"
_UNIVERSAL = re.compile(
    r"(?i)any|all|both|either|anything|everything|any type|任意|任何|全部|都可以|都行"
)


def distinguishing(value: str, column: Sequence[str]) -> bool:
    """Only one row has this value: no other cell equals or contains it (a row whose cell says
    less, "临时重定向" beside "临时重定向，不允许把 POST 改成 GET", is left out of the options),
    nor says any value goes ("any" beside "counter": `changes()` is used on counters too)."""
    v = norm(value)
    cells = _normed_all(tuple(column))
    if bool(v) and any(c != v and _UNIVERSAL.fullmatch(c) for c in cells):
        return False
    if _initials_elsewhere(value, column):
        return False  # "distance vector" beside EIGRP's "advanced DV": both rows are DV
    return bool(v) and sum(1 for c in cells if c == v or v in c) == 1


def _initials_elsewhere(value: str, column: Sequence[str]) -> bool:
    """Another cell writes the value's initials as a word ("DV" of "distance vector")."""
    words = value.split()
    if not 2 <= len(words) <= 4 or not all(w.isalpha() for w in words):
        return False
    short = re.compile(rf"\b{''.join(w[0] for w in words).upper()}\b")
    return any(c != value and short.search(c) for c in column)


#: a cell that says its row is like another ("same as rate", "跟 GET 一样", "同 PUT")
_ALIKE = re.compile(
    r"(?i)\b(?:same as|like|as for|identical to|equivalent to)\b"
    r"|(?<!不)(?:一样|相同)|(?<![不共])同\s*(?=[A-Za-z`])"  # not 不同 "unlike", 同时 "while"
)
#: the name a key opens with: `rate` of `rate(x[5m])`, `GET` of "GET (safe)"
_KEY_NAME = re.compile(r"[A-Za-z_][\w.-]+")


def said_alike(column: Sequence[str], keys: Sequence[str], row: int) -> bool:
    """Another row's cell says it is like this row ("same as rate" in increase's row): that
    row has this row's value too, so the value no longer tells the row apart."""
    return row in _rows_said_alike(tuple(column), tuple(keys))


@lru_cache(maxsize=64)
def _rows_said_alike(column: tuple[str, ...], keys: tuple[str, ...]) -> frozenset[int]:
    """The rows some other row's cell calls alike, read once per column: a table's rows are
    asked one after another, and most columns have no such cell at all."""
    alike = [(i, folded(c)) for i, c in enumerate(column) if _ALIKE.search(c)]
    if not alike:
        return frozenset()
    rows = set()
    for row, k in enumerate(keys):
        name = _KEY_NAME.match(k.strip().strip("`"))
        key = folded(name.group(0) if name else k)
        if any(i != row and contains_folded(cell, key) for i, cell in alike):
            rows.add(row)
    return frozenset(rows)


@lru_cache(maxsize=64)
def _normed_all(texts: tuple[str, ...]) -> tuple[str, ...]:
    """A table column's cells normalised once per table, as `_folded_all` folds its keys."""
    return tuple(norm(t) for t in texts)


@lru_cache(maxsize=64)
def _first_rows(column: tuple[str, ...]) -> dict[str, int]:
    """Each value of a column -> the first row holding it, read once per column."""
    first: dict[str, int] = {}
    for i, c in enumerate(_normed_all(column)):
        first.setdefault(c, i)
    return first


@lru_cache(maxsize=64)
def _folded_all(texts: tuple[str, ...]) -> tuple[str, ...]:
    """A table's keys folded once per table, not once per row asked (its rows are asked one
    after another, so a few tables' worth is all that is ever reused)."""
    return tuple(folded(t) for t in texts)


@lru_cache(maxsize=64)
def column_kinds(column: tuple[str, ...], keys: tuple[str, ...]) -> tuple[str, ...]:
    """Each row's cell of a column -> its value kind (switch, duration, size, count, path,
    text, ...) read with its row's name (`name_kinds.row_value_kinds`), once per column."""
    return tuple(row_value_kinds(keys, column))


#: a remark that says its row is limited ("容量受单机限制", "disk limited by one node"): a
#: limit follows from what the row lacks
_LIMITED = re.compile(
    r"限制|受限|局限|瓶颈|上限|\blimit(ed|s)?\b|\bbound(ed)? by\b|\bcapped\b", re.I
)


def sharing_a_lack(table: Table, column: int, row: int) -> frozenset[int]:
    """The rows that lack a feature the row lacks (❌ in one column), for a remark column: a
    limit one of them is said to have may follow from that lack, so it holds of each ("容量受单机
    限制" of a row with no sharding is true of every row marked ❌ for sharding). None for a
    column of values of one property ("最少节点"): a value is its row's own."""
    if not (remark_header(table.headers[column]) or describes_rows(table, column)):
        return frozenset()
    lacks = [j for j, x in enumerate(table.cells[row]) if j != column and polarity(x) is False]
    if not lacks:
        return frozenset()
    return frozenset(
        i for i, cells in enumerate(table.cells)
        if i != row and any(polarity(cells[j]) is False for j in lacks)
    )  # fmt: skip


def limited(cell: str) -> bool:
    return _LIMITED.search(cell) is not None


#: a cell that opens with a number ("10 s", "4k (one page)", "~2 KB"): valued as a quantity
_LEADS_NUMBER = re.compile(r"\s*[~≈<>]?\s*\d")
#: a value, not a description: one word ("root", "True") or a number with its unit ("10 s")
_SHORT_VALUE = re.compile(r"[^\s,，]+|[~≈]?\d[\d.,]*\s?(?:[A-Za-z%µ]{1,5}|[\u4e00-\u9fff]{1,3})")


def _wordy_among_numbers(value: str, column: Sequence[str]) -> bool:
    """The one cell of a column of measured values that gives words instead ("stable state"
    among "up to 20 s", "15 s"): it remarks on its row, it is no value of the column."""
    if any(ch.isdigit() for ch in value) or len(column) < 3:
        return False
    return all(any(ch.isdigit() for ch in c) for c in column if c != value)


def _leading_number(cell: str) -> Number | None:
    """The number a cell opens with (within its first few characters), else None."""
    found = numbers_in(cell)
    return found[0] if found and found[0].start <= 3 else None


def _leading_unit(cell: str) -> str | None:
    """What the number a cell opens with measures: a dimension ("duration" of 6 小时 and 35
    天 alike), else its unit ("" for a bare count); None for no number."""
    n = _leading_number(cell)
    return None if n is None else DIMENSIONS.get(n.unit, n.unit)


def _leading_quantity(cell: str) -> tuple[float, str] | None:
    """The measured value a cell opens with ("1 Gbps" of "1 Gbps (1000BASE-T)"), else None."""
    n = _leading_number(cell)
    return (n.value, n.unit) if n is not None and n.unit else None


def _states(cell: str, quantity: tuple[float, str]) -> bool:
    """The cell states that measured value anywhere."""
    return any((n.value, n.unit) == quantity for n in numbers_in(cell))


def _reverse(f: Fact, table: Table, pool: Pool) -> Candidate | None:
    column = table.column(f.column)
    if "matrix" in f.extra or len(f.value) > MAX_VALUE or not distinguishing(f.value, column):
        return None
    if said_alike(column, table.keys, f.row):
        return None  # "same as rate" in another row: that row fits the stem too
    if _NOT_APPLICABLE.match(f.value.strip()) or _NOTHING.fullmatch(f.value.strip()):
        return None  # "n/a (DNS only)", "没有": what a row lacks does not single it out
    if _ONLY_DEFAULT.fullmatch(f.value.strip()):
        return None  # "默认值", "the usual default": the default question asks it, in words
    if cut_short(f.value):
        return None  # "…不具备在以下AWS服务": a cell cut off mid-phrase may be any row's
    if _wordy_among_numbers(f.value, column):
        return None  # "stable state" under Duration beside "15 s": no duration to tell apart
    if thin_fits_any(f.value, (c for i, c in enumerate(column) if i != f.row), column):
        return None  # "请求成功" says too little: 201 "创建成功" is a successful request too
    if table.transposed and _mark_shared(tuple(column), f.row):
        return None  # "A / B / C 中哪一个 … “✅ 昂贵计算”": C's bare ✅ answers it as well
    lang = lang_of(f)
    value, normed = folded(f.value), norm(f.value)  # once per fact, not once per row
    lacking = sharing_a_lack(table, f.column, f.row) if limited(f.value) else frozenset()
    mark = leading_mark(f.value)
    # a row whose cell is a number beside a word ("root" among 5, 10 s, 22) is told apart by
    # the kind of its value alone: only rows valued as the key is are options
    # (a short value only: a description that opens with a count, "~1x/month, backups", is
    # read for its words)
    short = _SHORT_VALUE.fullmatch(f.value.strip()) is not None
    numeric = _LEADS_NUMBER.match(f.value) is not None if short else None
    # ...and of the key's unit: "256" (a count) is told apart from "35 天" and "6 小时" by sight
    unit = _leading_unit(f.value) if numeric else None
    said = _leading_quantity(f.value)
    keys = likeliest(
        f.subject,
        [
            k
            for i, (k, fk, cell) in enumerate(
                zip(table.keys, _folded_all(table.keys), _normed_all(tuple(column)), strict=True)
            )
            # a row the cell names ("builds on top of NodePort + ClusterIP") is no option:
            # the stem rules it out (a key found nowhere in the cell is never read for words)
            if k != f.subject
            and not _overlapping(cell, normed)
            and i not in lacking
            and not (fk in value and contains_folded(value, fk))
            # "✅ after more memory": another ✅ row answers the header as the key does
            and (mark is None or leading_mark(column[i]) != mark)
            and (numeric is None or (_LEADS_NUMBER.match(column[i]) is not None) == numeric)
            and (unit is None or _leading_unit(column[i]) == unit)
            # "1 Gbps @ 100 m / 10 Gbps @ ~55 m" states the key's "1 Gbps (1000BASE-T)" too
            and (said is None or not _states(column[i], said))
        ],
        f.id,
    )
    keys = iter(_said_alike_first(f.value, list(keys), dict(zip(table.keys, column, strict=True))))
    if pool.name_kinds.judges(f.subject):  # settings of the key's kind only
        keys = iter(kept_by_kind(f.subject, list(keys), pool.name_kinds))
    if denies(f.value) and describes_rows(table, f.column):
        # "does not talk to remote APIs": only rows whose own description says they do are
        # told apart by it (a column of one property, "Phantom read: not in PG" beside
        # "possible", says it of every row)
        cells = dict(zip(table.keys, column, strict=True))
        keys = (k for k in keys if not denial_fits(f.value, [cells[k]]))
    wrong: list[str] = []
    # only numeric keys are chosen among all (spread_keys); others take the first three, and
    # checking every row of a big table for each of its rows would cost rows² checks
    every = _DIGITS_ONLY.fullmatch(f.subject) is not None
    for k in keys:
        if not every and len(wrong) == 3:
            break
        if acceptable(k, f.subject, wrong, sibling=True):
            wrong.append(k)
    # numeric keys (status codes) around the answer, without a pattern; others most alike
    ports = _header_kind(table.key_header) == "port"
    spread = spread_keys(f.subject, wrong, f.id, offered=pool.offered, ports=ports)
    wrong = spread if spread is not None else wrong[:3]
    among = " / ".join(sorted(table.keys)) if table.transposed else ""
    cell = _fair(f.value, f.subject, wrong, [c for i, c in enumerate(column) if i != f.row])
    if cell is None:
        return None
    widened = _widened(f, table, cell, wrong, pool) if table.transposed else []
    if widened:  # the pair and like names of the notes: no longer "which of A / B"
        wrong, among = [*wrong, *widened], ""
    prompt: str | None
    if remark_header(f.attribute) and main_column(table, f.column) is not None:
        # a remark is said of something the row's main cell names: the stem carries it
        subject = remark_subject(table, f.row, f.column, f.subject, wrong)
        if subject is None or only_flags(cell) or denies(cell):
            # "--json": the command's flag, no remark on it; "real infra is NOT destroyed":
            # true of the other rows as much
            return None
        prompt = remark_stem(f.category, subject, cell, lang)
    else:
        prompt = table_reverse(f.category, f.attribute, cell, lang, among)
    if prompt is None:
        return None  # a column that only explains, or a cell its header cannot say
    return build(NAME, "reverse", f, prompt, f.subject, wrong, lang, rank=0,
                 closed=table.transposed and not widened, notes_options=not widened)  # fmt: skip


#: rows ranked by what their cells share with the key's: beyond this many, by name alone
_LIKE_CELLS_MAX = 40
#: a cell this short is a label ("包查询", "queues, fan-out"): the rows said alike come first
_SHORT_CELL = 30
#: Chinese characters every cell uses, which say nothing of what a row is
_CJK_COMMON = frozenset("的是了和在不一个有为用与或及等到对")


def _said_alike_first(value: str, keys: list[str], cells: dict[str, str]) -> list[str]:
    """The rows whose cell says something of what the key's says first ("装包" beside
    "包查询", "queues, latest-N feeds" beside "queues, fan-out"): the row a reader confuses
    with the key, not the row whose name looks like it. Ties keep the name-likeness order."""
    if len(keys) > _LIKE_CELLS_MAX or len(value) > _SHORT_CELL:
        return keys  # a long cell is told apart by its words already
    mine = _cell_words(value)
    if not mine:
        return keys
    return sorted(keys, key=lambda k: -len(mine & _cell_words(cells.get(k, ""))))


@lru_cache(maxsize=16384)
def _cell_words(cell: str) -> frozenset[str]:
    latin = lemma_words(cell)
    return latin | (frozenset(CJK.findall(cell)) - _CJK_COMMON)


def _widened(f: Fact, table: Table, cell: str, wrong: Sequence[str], pool: Pool) -> list[str]:
    """Names of the sides' kind the notes write beside them elsewhere (QUIC beside UDP,
        `pg_restore` beside `pg_dump`), for a comparison of two: asked between its two sides alone,
        a row is a coin toss. A name of the same shape only ("Recreate", "Opaque" beside ConfigMap
        and Secret) is another kind of thing, and so is a name the notes never set where a side
    stands (`peer_of`: HTTP is the service beside TCP in a ports table, not a transport). None
    when the notes have fewer than two such names."""
    if len(table.keys) != 2 or len(wrong) != 1:
        return []
    rows = f.block.table.rows if f.block.table is not None else []
    beside = [
        b
        for b in pool.written_beside(table.keys, f, {" | ".join(r) for r in rows})
        if pool.peer_of(b, table.keys, f.block.id)
    ]
    more = pool.alternatives(f.subject, f, (), siblings=beside, avoid=cell, want=2, closed=True,
                             exclude=table.keys)  # fmt: skip
    fit = all(pool.same_kind(f.subject, m, f) and m in beside for m in more)
    return more if len(more) == 2 and fit else []


def _fair(cell: str, key: str, wrong: Sequence[str], others: Sequence[str]) -> str | None:
    """The cell as a stem can quote it: whole, or without the sentence that translates or
    names its row's key (the cause that spells IAM_ROLE_MISSING goes, its remedy stays), or
    None."""
    found = clue(cell, key, wrong, others)
    if found is None:
        return cell
    # a clause cut from a cell reads as a fragment of the row; whole sentences stand alone,
    # and so does a cell that loses only the phrase naming its row ("returns a CNAME record
    # for an external name, no proxying"): a true/false statement would quote it so
    trimmed = later_sentences(cell, [found])
    if trimmed is None:
        trimmed = _without_phrase(cell, found)
    if trimmed is None or trimmed == cell or not standalone(trimmed):
        return None
    if len(content_words(trimmed)) <= THIN:
        return None  # "Retry later." says too little to single out a row
    if lost_qualifier(trimmed, key, wrong) or thin_fits_any(trimmed, others):
        return None  # what is left fits another row's cell as well as its own
    return trimmed if clue(trimmed, key, wrong, others) is None else None


#: what parts a cell into clauses: commas, and the Chinese comma and enumeration comma
_CLAUSES = re.compile(r",\s+|[，、]")


def _without_phrase(cell: str, found: str) -> str | None:
    """A cell of several clauses without the phrase inside one of them that holds the
    give-away, every clause kept; None for a cell of one clause ("max time to wait" is left of
    "… for a TCP connection to a server": a fragment any row's cell could start) or when the
    cut takes a clause."""
    clauses = len(_CLAUSES.split(cell.strip(" .。")))
    trimmed = without(cell, [found]) if clauses > 1 else None
    if trimmed is None:
        return None
    return trimmed if len(_CLAUSES.split(trimmed.strip(" .。"))) == clauses else None


def _fair_port_cell(cell: str, key: str) -> bool:
    """A port cell is a fair option beside the key's (`vocabulary.fair_port`); a cell that
    is no plain port number is left to the column's other rules."""
    if not (_DIGITS_ONLY.fullmatch(cell.strip()) and _DIGITS_ONLY.fullmatch(key.strip())):
        return True
    return fair_port(float(cell), float(key))


def _mark_shared(column: tuple[str, ...], row: int) -> bool:
    """The row's cell opens with a yes/no mark another row's cell opens with too: asked what
    the row has under the header, both are right whatever remarks follow the marks."""
    mine = leading_mark(column[row])
    return mine is not None and any(
        leading_mark(c) == mine for i, c in enumerate(column) if i != row
    )


@lru_cache(maxsize=16384)
def _first_unit(cell: str) -> str:
    """What the cell's first number measures: its unit's dimension ("duration" of "expires
    when job finishes (max 24h)"), else the word it counts ("levels" of "3 levels max"); ""
    for a cell without one. A column of limits in several units gives each row its kind."""
    found = numbers_in(cell)
    if not found:
        return ""
    n = found[0]
    if n.unit:
        return DIMENSIONS.get(n.unit, n.unit)
    counted = re.match(r"\s*([A-Za-z]{3,})", cell[n.end :])
    return f"count:{singular_word(counted.group(1).lower())}" if counted else ""


def _forward(f: Fact, table: Table, pool: Pool) -> Candidate | None:
    if _NOT_APPLICABLE.match(f.value.strip()) or cut_short(f.value):
        return None  # "n/a (DNS only)" is no property to name, nor a cell cut off mid-phrase
    if "matrix" in f.extra or len(f.value) > 80:
        return None  # a two-valued column's row is a coin toss: its rarer value is asked instead
    if _first_rows(tuple(table.column(f.column))).get(norm(f.value), f.row) < f.row:
        return None  # an earlier row has this value: the same question with the same options
    if _mark_shared(tuple(table.column(f.column)), f.row):
        return None  # "✅ Ctrl-Z" under "can catch?": every other ✅ row answers it as well
    lang = lang_of(f)
    wrong: list[str] = []
    keys = _folded_all(row_names(table.keys))  # once per table, not once per cell
    ports = _header_kind(f.attribute) == "port"
    # a value is offered beside values of its kind: "off" beside "on", never beside "7200 s",
    # nor "168 (7 天)" of a `.hours` setting beside "1048588 (约 1 MB)"
    column = tuple(table.column(f.column))
    # a number the notes give the key beside its value elsewhere ("# 编译默认 512，发行版
    # nginx.conf 里写的 1024") is no wrong option for its cell
    n = parse_number(f.value)
    elsewhere = pool.said_after_default(f.subject, f.value) if n is not None else ""
    kinds = column_kinds(column, table.keys)
    mine = kinds[f.row]
    # a value column's kind per row; a description's numbers are asides, not its kind
    unit = "" if is_descriptive(f.attribute) else _first_unit(f.value)
    seen: set[str] = set()
    lacking = sharing_a_lack(table, f.column, f.row)
    sides = {switch_side(f.value)}  # a switch's options: one "on" and one "off" at most
    for i in nearest_rows(len(column), f.row, f.id):
        v = column[i]
        if len(wrong) == 3:
            break  # the rest of a big column is never offered: checking its cells is waste
        if v in seen or is_empty(v) or bare_default(table, f.column, v):
            continue
        if i in lacking and limited(v):
            continue  # the other row's limit may hold of this row too  # "-" or "n/a" says the row has no value: no option for a value question
        seen.add(v)
        if kinds[i] != mine or (mine == "switch" and switch_side(v) in sides):
            continue
        if unit and _first_unit(v) != unit:
            continue  # "10 GB per repo" beside a token's "expires … (max 24h)": a size, no time
        if ports and not _fair_port_cell(v, f.value):
            continue  # 53 beside 6379: a port of another class stands out by its length
        cell = folded(v)
        if any(contains_folded(cell, k) for k in keys):
            continue  # "跟 GET 一样但只返回 headers" is plainly not GET's
        if names_in_words(v, table.keys[i]):
            continue  # "default type, gets a virtual cluster IP" names ClusterIP, its own row
        if elsewhere and contains(elsewhere, v):
            continue
        # the column's own cells are alternatives whatever their length ("Found" beside
        # "Moved Permanently")
        if (
            len(wrong) < 3
            and norm(v) != norm(f.value)
            and acceptable(v, f.value, wrong, sibling=True)
        ):
            wrong.append(v)
            sides.add(switch_side(v))
    if len(wrong) < 2 and n is not None:
        role = _HEADER_ROLE.get(_header_kind(f.attribute), number_role(f.value, n))
        near = [x for x in pool.numbers(n, role, f) if not contains(elsewhere, x)]
        wrong += [x for x in near if acceptable(x, f.value, wrong)][: 3 - len(wrong)]
    if not table.key_first:
        return None  # "What is the call of “a”?", "10 次 的物理块数是什么？": a row named by a
        # value; the way back ("Which result has the call …?") asks it
    prompt = table_forward(named_key(f.subject, table), cell_attr(f.attribute, f.value), lang)
    if prompt is None:
        return None
    return build(NAME, "forward", f, prompt, f.value, wrong, lang, rank=1,
                 closed=table.transposed)  # fmt: skip


def _legend(f: Fact, mark: str) -> str | None:
    """What the heading says a mark means ("隔离级别（✅ = 会出现，❌ = 不会）", "Support (✓ =
    supported)"), or None."""
    symbol = mark.strip()
    if not symbol or symbol[0].isalnum():
        return None
    m = re.search(rf"{re.escape(symbol)}\s*[=＝:：]\s*([^，,；;、）)|]+)", f.section.heading)
    return m.group(1).strip() or None if m is not None else None


def _predicates(facts: Sequence[Fact]) -> list[Candidate]:
    """One "Which method is idempotent?" per yes/no column, answered from the yes rows and
    offered only against no rows, so exactly one option is right."""
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    cells = {(g.block.id, g.row, g.column): g for g in facts}
    for f in facts:
        t = f.table
        if t is None or "matrix" not in f.extra or (f.block.id, f.column) in seen:
            continue
        seen.add((f.block.id, f.column))
        column = t.column(f.column)
        yes = [i for i, c in enumerate(column) if polarity(c) is True]
        no = [i for i, c in enumerate(column) if polarity(c) is False]
        if not yes and not no:
            c = _minority(f, t, cells)
            if c is not None:
                out.append(c)
            continue
        if not yes or len(no) < (1 if t.transposed else 2):
            continue
        pick = yes[stable_int(f.attribute, str(f.block.id)) % len(yes)]
        fact = cells[(f.block.id, pick, f.column)]
        paired = next(pairings(fact), None)
        # "Which of rsync / scp resumes …?" is a coin toss: its statements are asked instead;
        # a two-aspect comparison is asked by its other aspect's fact, a yes the weaker key
        if paired is not None and paired.style == PAIRING:
            out.append(paired)
            continue
        lang = lang_of(fact)
        wrong = [t.keys[i] for i in no][:3]
        positive = re.split(r"[,，(（]", column[pick])[0]
        # the entities the stem names are the options: another "yes" column named there
        # ("merge / rebase / squash merge 中哪一个历史是线性的？", squash ✅ too) would be right too
        among = " / ".join(sorted([t.keys[pick], *wrong])) if t.transposed else ""
        legend = _legend(fact, positive)  # "✅ = 会出现": what the mark says
        prompt = table_predicate(fact.category, fact.attribute, lang, legend or positive, among,
                                 legend=legend is not None)  # fmt: skip
        c = build(NAME, "predicate", fact, prompt, t.keys[pick], wrong, lang, rank=0,
                  closed=t.transposed)  # fmt: skip
        if c is not None:
            out.append(c)
    return out


def _minority(f: Fact, t: Table, cells: dict[tuple[int, int, int], Fact]) -> Candidate | None:
    """A column of two values (TCP / UDP) asked by its rarer value against rows of the other:
    "Which service has the transport “UDP”?" among DNS / SSH / HTTPS. Asking a row's value
    instead is a coin toss between the two ("What is the transport of SSH? TCP | UDP")."""
    column = t.column(f.column)
    rows: dict[str, list[int]] = {}
    for i, cell in enumerate(column):
        if not is_empty(cell):
            rows.setdefault(norm(cell), []).append(i)
    if len(rows) != 2 or t.transposed:
        return None
    rare, common = sorted(rows.values(), key=lambda r: (len(r), r[0]))
    if len(common) < 2:
        return None
    pick = rare[stable_int(f.attribute, str(f.block.id)) % len(rare)]
    fact = cells[(f.block.id, pick, f.column)]
    lang = lang_of(fact)
    prompt = table_reverse(fact.category, fact.attribute, column[pick], lang)
    if prompt is None:
        return None
    wrong = [t.keys[i] for i in common][:3]
    return build(NAME, "minority", fact, prompt, t.keys[pick], wrong, lang, rank=0,
                 notes_options=True)  # fmt: skip


KINDS = ("property",)


#: a header that is a formula in n ("symmetric n(n-1)/2", "asymmetric 2n"): its cells are
#: worked out from the row's number, asked by arithmetic, not by the notes
_FORMULA_HEADER = re.compile(r"\b\d*n\s*\(|\bn\s*[-+*/^]\s*\w|\b\d+n\b")


#: a row key that is an amount: "10", "1,000"
_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})*|\d+")


def _amounts(table: Table) -> bool:
    """The key column counts something ("users" over 10, 100, 1,000): its rows are amounts,
    no things a stem can ask "which user" of."""
    header = (table.key_header or "").strip()
    plural = bool(header) and header.isalpha() and singular_word(header.lower()) != header.lower()
    return plural and all(_AMOUNT.fullmatch(k.strip()) for k in table.keys)


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    if f.table is None or _FORMULA_HEADER.search(f.attribute):
        return
    # (a row that is an amount is asked forward only: "for 5 nodes, the quorum is …")
    amount = _AMOUNT.fullmatch(f.subject.strip()) is not None and _amounts(f.table)
    c = None if amount else _reverse(f, f.table, pool)
    if c is not None:
        yield c
    if c is not None and len(c.options) == 2:  # a coin toss between the two sides of a pair
        yield from pairings(f)
    c = _forward(f, f.table, pool)
    if c is not None:
        yield c


def extras(facts: Sequence[Fact], pool: Pool) -> list[Candidate]:
    """Questions on a whole column: "Which Method is idempotent?"."""
    return _predicates([f for f in facts if f.kind == "property" and f.table is not None])
