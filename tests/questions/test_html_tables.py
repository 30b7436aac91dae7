"""Notes that paste HTML tables ("<table><tr><th>…</th></tr><tr><td>…</td></tr></table>", cells
merged with rowspan and colspan, "<br>" inside cells, "<font color=red>", "<mark>", "<b>" and
"<code>" marks) and hide answers in "<details><summary>…</summary> … </details>" boxes. Markdown
reads such a table as a block of HTML and dropped it, so a table-heavy file asked almost
nothing; read as the pipe table it stands for, each row is a fact. An answer box's label is
no fact, its body is."""

from __future__ import annotations

import re

from questions.generate import generate_document
from questions.parse.html_tables import html_tables_as_markdown
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document

GIT = """# Git notes

## Everyday commands

Commands by where they work:

<table>
  <tr><th>Command</th><th>Works on</th><th>What it does</th></tr>
  <tr><td><code>git fetch</code></td><td rowspan="3">the remote</td><td>downloads objects and refs, merges nothing</td></tr>
  <tr><td><code>git pull</code></td><td>fetch, then merge<br>or rebase with <code>--rebase</code></td></tr>
  <tr><td><code>git push</code></td><td>uploads local commits, <font color=red>rejected if behind</font></td></tr>
  <tr><td><code>git stash</code></td><td rowspan="2">the working tree</td><td>shelves <mark>uncommitted</mark> changes</td></tr>
  <tr><td><code>git cherry-pick</code></td><td>copies <b>one commit</b> onto HEAD &amp; keeps its message</td></tr>
</table>

## Reset modes

<table>
<tr><th rowspan="2">Mode</th><th colspan="3">Resets</th></tr>
<tr><th>HEAD</th><th>Index</th><th>Working tree</th></tr>
<tr><td>--soft</td><td>yes</td><td>no</td><td>no</td></tr>
<tr><td>--mixed</td><td>yes</td><td>yes</td><td>no</td></tr>
<tr><td>--hard</td><td>yes</td><td>yes</td><td><font color="red">yes, edits are lost</font></td></tr>
</table>

## Recovering work

A commit lost after a hard reset:
<details><summary>Show answer</summary>
The reflog keeps every position of HEAD for 90 days by default, so git reflog finds the lost commit's hash.
</details>

- Branch protection rules:
  <table>
  <tr><th>Rule</th><th>Blocks</th></tr>
  <tr><td>Require pull request</td><td>direct pushes to the branch</td></tr>
  <tr><td>Require linear history</td><td>merge commits</td></tr>
  <tr><td>Restrict force pushes</td><td>rewriting the branch's history</td></tr>
  </table>

- A tag marks a release; annotated tags store the tagger and a message.
"""

CHEM = """# 有机化学笔记

## 常见反应类型

<table>
<tr><th>反应类型</th><th>典型例子</th><th>条件</th></tr>
<tr><td>取代反应</td><td>甲烷与氯气反应生成一氯甲烷</td><td>光照</td></tr>
<tr><td>加成反应</td><td>乙烯与氢气加成生成乙烷<br>苯与氢气加成生成环己烷</td><td rowspan="2">催化剂<br>加热</td></tr>
<tr><td>加聚反应</td><td>乙烯聚合生成<b>聚乙烯</b></td></tr>
<tr><td>酯化反应</td><td>乙酸与乙醇生成<mark>乙酸乙酯</mark>和水</td><td><font color=red>浓硫酸</font>、加热</td></tr>
<tr><td>水解反应</td><td>乙酸乙酯在碱性条件下水解</td><td>NaOH 溶液、加热</td></tr>
</table>

## 离子检验

<table>
<tr><th>离子</th><th>试剂</th><th>现象</th></tr>
<tr><td>Fe³⁺</td><td>KSCN 溶液</td><td>溶液变<font color=red>血红色</font></td></tr>
<tr><td>NH₄⁺</td><td>浓 NaOH 溶液并加热</td><td>放出使湿润红色石蕊试纸变蓝的气体</td></tr>
<tr><td>SO₄²⁻</td><td>先加稀盐酸，再加 BaCl₂ 溶液</td><td>生成<b>白色沉淀</b></td></tr>
<tr><td>Cl⁻</td><td>AgNO₃ 溶液和稀硝酸</td><td>生成不溶于稀硝酸的白色沉淀</td></tr>
</table>

## 乙烯

<details>
<summary>答案</summary>

乙烯分子中含有碳碳双键，能与溴发生加成反应，所以乙烯能使溴的四氯化碳溶液褪色。
</details>
"""

#: raw HTML a reader never sees in a question
_RAW_HTML = re.compile(r"<(?:/?(?:td|th|tr|table|br|font|mark|b|code|details|summary)\b)", re.I)


def _tables(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind == "table" and b.table is not None]


def _table_with(doc: Document, header: str) -> Block:
    return next(b for b in _tables(doc) if b.table is not None and header in b.table.header)


def test_a_table_is_a_table_block_with_its_spans_written_out() -> None:
    doc = parse_document(GIT, "git.md")
    commands = _table_with(doc, "Works on")
    assert commands.table is not None
    assert commands.table.header == ("Command", "Works on", "What it does")
    rows = {r[0]: r for r in commands.table.rows}
    assert set(rows) == {"git fetch", "git pull", "git push", "git stash", "git cherry-pick"}
    # a cell merged down three rows is each row's own
    assert [rows[c][1] for c in ("git fetch", "git pull", "git push")] == ["the remote"] * 3
    assert rows["git cherry-pick"][1] == "the working tree"
    # a line break parts the cell's text; entities are decoded; colour and highlight are text
    assert rows["git pull"][2] == "fetch, then merge; or rebase with --rebase"
    assert rows["git cherry-pick"][2] == "copies one commit onto HEAD & keeps its message"
    assert rows["git push"][2] == "uploads local commits, rejected if behind"
    assert rows["git stash"][2] == "shelves uncommitted changes"
    # code and bold stay marked, as Markdown's own would
    cells = {c[0].text: c for c in commands.table.cells}
    assert "git fetch" in cells["git fetch"][0].code
    assert "--rebase" in cells["git pull"][2].code
    assert "one commit" in cells["git cherry-pick"][2].strong


def test_header_rows_and_a_column_span_name_each_column() -> None:
    doc = parse_document(GIT, "git.md")
    modes = _table_with(doc, "Mode")
    assert modes.table is not None
    assert modes.table.header == (
        "Mode",
        "Resets (HEAD)",
        "Resets (Index)",
        "Resets (Working tree)",
    )
    assert modes.table.rows[-1] == ("--hard", "yes", "yes", "yes, edits are lost")
    assert len(modes.table.rows) == 3


def test_chinese_cells_break_with_a_full_width_semicolon() -> None:
    doc = parse_document(CHEM, "chem.md")
    kinds = _table_with(doc, "反应类型")
    assert kinds.table is not None
    assert kinds.table.header == ("反应类型", "典型例子", "条件")
    rows = {r[0]: r for r in kinds.table.rows}
    assert rows["加成反应"][1] == "乙烯与氢气加成生成乙烷；苯与氢气加成生成环己烷"
    assert rows["加成反应"][2] == rows["加聚反应"][2] == "催化剂；加热"  # merged down
    assert rows["酯化反应"][2] == "浓硫酸、加热"
    ions = _table_with(doc, "离子")
    assert ions.table is not None and len(ions.table.rows) == 4
    assert "白色沉淀" in ions.table.cells[2][2].strong


def test_table_rows_stay_on_the_lines_of_the_notes() -> None:
    lines = GIT.split("\n")
    out, _ = html_tables_as_markdown(lines)
    assert len(out) == len(lines)
    at = lines.index("<table>", lines.index("## Reset modes"))
    assert out[at] == "| Mode | Resets (HEAD) | Resets (Index) | Resets (Working tree) |"
    assert out[at + 1] == "|---|---|---|---|"
    assert out[at + 2] == "| --soft | yes | no | no |"
    assert out[lines.index("</table>", at)] == ""
    doc = parse_document(GIT, "git.md")
    modes = _table_with(doc, "Mode")
    assert modes.line == at + 1
    assert modes.table is not None
    # packed from the table's first line: the two header rows are one, the rows one line up
    assert modes.table.lines == (at + 3, at + 4, at + 5)


def test_a_table_under_a_list_item_stays_in_the_item() -> None:
    doc = parse_document(GIT, "git.md")
    rules = _table_with(doc, "Rule")
    assert rules.table is not None
    assert rules.depth == 1
    assert rules.table.rows[1] == ("Require linear history", "merge commits")
    tag = next(b for b in doc.blocks if b.text.startswith("A tag marks a release"))
    assert tag.kind == "item"


def test_a_table_in_a_quote_is_read() -> None:
    notes = (
        "# DNS\n\n## Records\n\n"
        "> <table>\n"
        "> <tr><th>Record</th><th>Holds</th></tr>\n"
        "> <tr><td>AAAA</td><td>an IPv6 address</td></tr>\n"
        "> <tr><td>MX</td><td>a mail server<br>with its priority</td></tr>\n"
        "> </table>\n"
        ">\n"
        "> TTLs are in seconds.\n"
    )
    doc = parse_document(notes, "dns.md")
    records = _table_with(doc, "Record")
    assert records.table is not None
    assert records.table.rows == (
        ("AAAA", "an IPv6 address"),
        ("MX", "a mail server; with its priority"),
    )
    assert any(b.text == "TTLs are in seconds." for b in doc.blocks)


def test_questions_are_keyed_from_the_rows() -> None:
    git = generate_document("git.md", GIT)
    commands = {"git fetch", "git pull", "git push", "git stash", "git cherry-pick"}
    keyed = [
        q
        for _, q in git.chosen
        if q.answer_text in commands or any(c in q.prompt for c in commands)
    ]
    assert keyed, [q.prompt for _, q in git.chosen]
    chem = generate_document("chem.md", CHEM)
    kinds = {
        "取代反应",
        "加成反应",
        "加聚反应",
        "酯化反应",
        "水解反应",
        "Fe³⁺",
        "NH₄⁺",
        "SO₄²⁻",
        "Cl⁻",
    }
    keyed = [
        q for _, q in chem.chosen if q.answer_text in kinds or any(k in q.prompt for k in kinds)
    ]
    assert len(keyed) >= 3, [q.prompt for _, q in chem.chosen]


def test_no_question_shows_raw_html() -> None:
    for name, notes in (("git.md", GIT), ("chem.md", CHEM)):
        chosen = [q for _, q in generate_document(name, notes).chosen]
        assert len(chosen) >= 4, (name, [q.prompt for q in chosen])
        for q in chosen:
            for text in (q.prompt, *q.choices):
                assert not _RAW_HTML.search(text), (name, text)


def test_an_answer_box_is_read_and_its_label_is_not() -> None:
    doc = parse_document(GIT, "git.md")
    body = [b for b in doc.blocks if b.text.startswith("The reflog keeps every position of HEAD")]
    assert len(body) == 1 and body[0].noise is None, body
    assert [(n.reason, n.text) for n in doc.noise if n.reason == "answer box label"] == [
        ("answer box label", "Show answer")
    ]
    chem = parse_document(CHEM, "chem.md")
    assert any(b.text.startswith("乙烯分子中含有碳碳双键") for b in chem.blocks)
    assert ("answer box label", "答案") in [(n.reason, n.text) for n in chem.noise]
    for name, notes in (("git.md", GIT), ("chem.md", CHEM)):
        doc = parse_document(notes, name)
        assert not any(b.text in ("Show answer", "答案") for b in doc.blocks)
        for _, q in generate_document(name, notes).chosen:
            assert "Show answer" not in q.prompt and "答案" not in q.prompt, q.prompt


def test_markdown_around_the_tables_is_left_as_it_is() -> None:
    plain = ["# Notes", "", "| a | b |", "|---|---|", "| 1 | 2 |", "", "Some `<b>` text.", ""]
    assert html_tables_as_markdown(plain) == (plain, [])
    notes = """# HTML

## Example markup

```html
<table>
<tr><td>shown, not read</td></tr>
</table>
<details><summary>kept</summary></details>
```

A `<table>` or `<details>` named in code is words.

| Element | Purpose |
|---|---|
| thead | groups header rows |

<table>
<tr><th>Attribute</th><th>Merges</th></tr>
<tr><td>rowspan</td><td>cells down a column</td></tr>
<tr><td>colspan</td><td>cells across a row</td></tr>
</table>
"""
    lines = notes.split("\n")
    out, skipped = html_tables_as_markdown(lines)
    first = lines.index("<tr><th>Attribute</th><th>Merges</th></tr>") - 1
    assert out[:first] == lines[:first] and not skipped
    doc = parse_document(notes, "html.md")
    code = next(b for b in doc.blocks if b.kind == "code")
    assert "<td>shown, not read</td>" in code.code and "<summary>kept</summary>" in code.code
    assert _table_with(doc, "Element").table is not None
    attrs = _table_with(doc, "Attribute")
    assert attrs.table is not None and attrs.table.rows[0] == ("rowspan", "cells down a column")
    assert "A <table> or <details> named in code is words." in [b.text for b in doc.blocks]


def test_one_column_and_layout_tables_are_not_asked() -> None:
    notes = """# Ports

## Ports to know

<table>
<tr><th>Port</th></tr>
<tr><td>22</td></tr>
<tr><td>443</td></tr>
</table>

<table><tr><td><img src="logo.png"></td><td>&nbsp;</td></tr></table>

Port 443 carries HTTPS.
"""
    doc = parse_document(notes, "ports.md")
    assert not _tables(doc)
    reasons = [n.reason for n in doc.noise]
    assert "html table of one column" in reasons and "html layout table" in reasons
    assert any(b.text == "Port 443 carries HTTPS." for b in doc.blocks)


def test_hostile_tables_finish() -> None:
    big = "# Big\n\n<table>\n<tr><th>Key</th><th>A</th><th>B</th><th>C</th></tr>\n" + "".join(
        f"<tr><td>k{i}</td><td>{i}<br>x</td><td rowspan=2><b>b</b></td><td>c{i}</td></tr>\n"
        for i in range(5000)
    )
    unclosed = big + "<tr><td>last</td><td>1</td><td>2</td><td>3</td></tr>\n"
    hostile = [
        big + "</table>\n",  # 20,000 cells
        unclosed,  # a table never closed
        "<table>\n" * 3000,
        "<table><tr>" + "<td colspan=99999 rowspan=99999>x</td>" * 100 + "</tr></table>",
        "<table><tr><td>a</td><td>" + "<b <!-- <i " * 3000 + "</td></tr></table>",
        "<table><tr><td>" * 2000 + "deep" + "</td></tr></table>" * 2000,
        "<details>\n" + "<summary>label\n" * 3000,
        "<table><tr><td>a</td><td>b</td></tr></table>\nright after\n",
    ]
    for text in hostile:
        lines = text.split("\n")
        out, _ = html_tables_as_markdown(lines)
        assert len(out) == len(lines)
    for text in hostile[2:]:
        parse_document(text, "hostile.md")
    doc = parse_document(hostile[0], "big.md")
    table = _tables(doc)[0].table
    assert table is not None and len(table.rows) == 5000 and table.rows[4999][0] == "k4999"
    never_closed = _tables(parse_document(unclosed, "open.md"))[0].table
    assert never_closed is not None and len(never_closed.rows) >= 5000
