"""Table rows -> property facts (row key -> header -> cell), one per cell that says something."""

from __future__ import annotations

import re

from questions.facts.model import Fact
from questions.nouns import key_noun
from questions.parse.model import Block
from questions.tables import (
    analyse,
    bare_default,
    is_empty,
    is_matrix_column,
    only_a_default_value,
)
from questions.text import cjk_count, is_zh

#: a cell calling its row the default; "default value" / "默认值" calls a value of the row so
_DEFAULT_CELL = re.compile(
    # ("-parallelism=n, default 10": a number after it is a flag's default, not the row's)
    r"(^|[,;，；(（]\s*)(the\s+)?(usual\s+)?default(\s+(?!values?\b)(?!\d)\w+)?\s*($|[,;，；)）])"
    # "默认 message 生成后": a default message, said of the row's time, not the row the default;
    # "默认 root，…" under USER: the row's default value
    r"|^默认(?!值)(?!\s*[A-Za-z][\w-]+\s+\S)(?!\s*[A-Za-z0-9][\w.-]*\s*(?:[，,;；。]|$))",
    re.I,
)

#: "默认端口", "默认开启": 默认 with a word of its own says something of the row's value
_ZH_DEFAULT_WORD = re.compile(r"^\s*默认([\u4e00-\u9fff]+)")


#: a marker on one member of a list the cell gives ("`no` (default), `always`"): that value is
#: the row's default, the row is not the table's
_MEMBER_DEFAULT = re.compile(
    r"[(（]\s*(?:the\s+)?default\s*[)）]\s*[,，、/|]|[(（]默认[)）]\s*[,，、/|]", re.I
)


def _calls_default(cell: str, noun: str) -> bool:
    """Whether the cell calls its row the table's default: "默认", "（默认）", "default";
    not "默认端口" (the default port) under 配置项, only "默认驱动" under a table of 驱动, nor
    a marker on one of the values the cell lists (`--restart`'s "`no` (default), `always`"),
    nor a default value of something the cell does not name ("默认 1")."""
    if not _DEFAULT_CELL.search(cell) or _MEMBER_DEFAULT.search(cell) or only_a_default_value(cell):
        return False
    word = _ZH_DEFAULT_WORD.match(cell)
    return word is None or word.group(1).startswith(noun.strip())


#: a column of examples: each cell illustrates its row, it states nothing the row alone holds
_EXAMPLE_HEADER = re.compile(r"(?i)examples?|e\.?g\.?|sample|例子|示例|举例|例")
#: ...or a header that ends with the word: "literal ex.", "usage example", "命令示例"
_EXAMPLE_TAIL = re.compile(r"(?i)(?:\s(?:examples?|ex\.?|e\.g\.?|samples?)|示例|例子)$")


#: a remarks column's head, and a remark that is only a unit or a release ("ms", "6.0+")
_REMARK_HEADER = re.compile(r"(?i)备注|说明|注释?|notes?|remarks?|comments?")
_BARE_REMARK = re.compile(
    r"(?i)v?\d+(?:\.\d+)*\s*\+?|(?:ms|s|sec|min|h|bytes?|[kmg]i?b|毫秒|微秒|秒|分钟|小时|字节)"
)


def table_facts(block: Block) -> list[Fact]:
    """Property facts of a table, and the row its cells call the default."""
    if block.table is None:
        return []
    table = analyse(block.table)
    if table is None:
        return []
    noun = None if table.transposed else key_noun(table.key_header, block.section.heading)
    group = f"t{block.id}"
    # the key column and its header count too: a ✅/❌ matrix of Chinese rows under English
    # column heads ("| 能力 | 主从 | Sentinel | Cluster |") reads as Chinese
    text = " ".join(
        [*(" ".join(r) for r in table.cells), *table.headers, *table.keys, table.key_header or ""]
    )
    # and a table whose every head is Chinese reads as Chinese whatever its cells hold: the
    # stem says its heads ("| 端口 | 协议 |" over SSH, 22: "哪个端口…", never "Which 端口 …")
    heads = [h for h in (table.key_header or "", *table.headers) if h.strip()]
    # (the key column's head alone names the rows in every stem: "| 进程 | Max |" over P0, "7 5
    # 3" asks "哪个进程…", never "Which 进程 has the max …")
    chinese_heads = bool(heads) and all(cjk_count(h) for h in heads)
    chinese_heads = chinese_heads or bool(cjk_count(table.key_header or ""))
    lang = "zh" if is_zh(text) or chinese_heads else "en"
    out: list[Fact] = []
    for j, header in enumerate(table.headers):
        bare = header.strip(" *`:：")
        if (_EXAMPLE_HEADER.fullmatch(bare) or _EXAMPLE_TAIL.search(bare)) and not table.transposed:
            continue  # an example of each row: `{"instance_type": …}` fits two rows' files
        matrix = is_matrix_column(table.column(j))
        for i, key in enumerate(table.keys):
            cell = table.cells[i][j]
            if is_empty(cell) or not key.strip() or bare_default(table, j, cell):
                continue  # "默认 1" under 说明: a default of what, the row does not say
            if _REMARK_HEADER.fullmatch(bare) and _BARE_REMARK.fullmatch(cell.strip()):
                continue  # "ms", "微秒", "6.0+" under 备注: a unit or a release, nothing described
            if _REMARK_HEADER.fullmatch(bare) and not table.key_first:
                continue  # "inverse: split(…)" under Note remarks on the call, not its result
            line = table.column_lines[j] if table.transposed else table.lines[i]
            out.append(
                Fact("property", key, cell, block, line, sentence=cell, span=cell,
                     attribute=header, category=noun, group=group, role="key", table=table,
                     row=i, column=j, extra=("matrix",) if matrix else (), lang=lang)
            )  # fmt: skip
            if noun and not table.transposed and _calls_default(cell, noun):
                out.append(
                    Fact("default", noun, key, block, table.lines[i], sentence=cell, span=key,
                         attribute="default", category=noun, group=group, role="key",
                         siblings=tuple(k for k in table.keys if k != key), lang=lang)
                )  # fmt: skip
    # one question asks a row (an attribute, in a comparison): its fullest cell first; in a
    # comparison, the entity each attribute is asked by first takes turns, so the answers do
    # not all name one entity (the fuller cell is often always the same column's)
    return sorted(out, key=lambda f: (_slot(f), _turn(f), -len(f.value) if f.kind == "property"
                                      else -999))  # fmt: skip


def _turn(f: Fact) -> int:
    """0 for the entity whose turn it is to answer this attribute of a comparison table."""
    if f.table is None or not f.table.transposed or f.kind != "property":
        return 0
    return int((f.row - f.column) % len(f.table.keys) != 0)


def _slot(f: Fact) -> tuple[int, int]:
    if f.table is not None and f.table.transposed:
        return (f.column, 0)
    return (f.row, 0) if f.row >= 0 else (-1, 0)
