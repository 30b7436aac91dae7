"""Unseen notes review (issue #13), Linux notes: "哪个命令的常用参数是“df -h -T 显示类型；du -sh
dir”？" → `df / du`. The flags cell writes the command it belongs to; names of two letters
were too short for the checks that read the stem's words."""

from __future__ import annotations

from questions.cues import clue
from questions.generate import generate_document

NOTES = """# Network troubleshooting

| Command | Purpose | Typical use |
|---|---|---|
| `ip` | addresses and routes | `ip a`, `ip r`, `ip link set eth0 up` |
| `ss` | open sockets | `-tulnp` for listeners with their process |
| `dig` | DNS lookups | `+short`, `@8.8.8.8` to pick the server |
| `mtr` | path and loss per hop | `-rwc 50` for a report |
| `nc` | raw TCP/UDP | `nc -zv host 443` to test a port |
"""


def test_a_two_letter_name_written_in_the_stem_gives_it_away() -> None:
    assert clue("Which command's typical use is “ip a, ip r”?", "ip", ["ss", "nc"]) == "ip"
    assert clue("哪个命令的常用参数是“df -h -T；du -sh dir”？", "df / du", ["ps", "find"]) == "df"
    # inside another word or flag it is no name: "-tulnp" holds no `nc`
    assert (
        clue("Which command's typical use is “-tulnp for listeners”?", "ss", ["ip", "nc"]) is None
    )


def test_no_question_quotes_its_own_command() -> None:
    kept = [q for _, q in generate_document("t.md", NOTES).chosen]
    assert kept
    for q in kept:
        key = q.choices[q.answer]
        quoted = q.prompt.split("“")[-1]
        assert f"{key} " not in quoted, q.prompt
