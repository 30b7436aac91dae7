"""Unseen notes review (issue #13), Linux notes: "以下描述的是哪个命令？“包查询”" offered ps, grep
and usermod beside rpm (names that look alike), never dnf ("装包"), the row a reader confuses
it with. A short cell's options are the rows whose cells say something of what it says."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.tables import _said_alike_first

NOTES = """# Shell tools

## Everyday commands

| Tool | Purpose |
|---|---|
| `apt` | install packages |
| `dpkg` | query installed packages |
| `grep` | search text in files |
| `find` | search files by name |
| `tar` | pack files into one archive |
| `ps` | list processes |
| `kill` | signal a process |
| `df` | disk usage per filesystem |
"""


def test_rows_said_alike_come_first() -> None:
    cells = {"apt": "install packages", "ps": "list processes", "dpkg": "query installed packages",
             "tar": "pack files"}  # fmt: skip
    assert _said_alike_first("query installed packages", ["ps", "tar", "apt"], cells)[0] == "apt"
    # a long cell is told apart by its words: the order is kept
    long_cell = "query the installed packages and the files each of them put on the disk"
    assert _said_alike_first(long_cell, ["ps", "tar", "apt"], cells) == ["ps", "tar", "apt"]


def test_a_short_cells_options_include_the_row_said_alike() -> None:
    kept = {q.choices[q.answer]: q.choices for _, q in generate_document("t.md", NOTES).chosen}
    assert "dpkg" in kept and "apt" in kept["dpkg"], kept
    assert "grep" in kept and "find" in kept["grep"], kept
