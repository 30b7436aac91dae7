"""A comparison of exactly two things is no coin toss: each aspect is asked as statements that
pair a side with an aspect's value ("Which statement about rsync and scp is correct …?"), only
the key's pairing true by the notes; with two aspects, a side is asked for both values at once,
each value offered twice."""

from __future__ import annotations

import re

from questions.generate import generate_from_texts, render_summary
from questions.generators.pairings import _aspects
from questions.tables import Table
from tests.questions.own_notes import asked, notes_text

TOOLS = "sync-tools-pairs.md"
LOCKS = "locking-zh-pairs.md"
#: the rsync / scp table of the tools notes, as (side, aspect) -> value
TOOLS_TABLE = {
    ("rsync", "what it sends"): "only the changed blocks of a file",
    ("scp", "what it sends"): "every file whole, each time",
    ("rsync", "resumes a cut transfer"): "yes, with --partial",
    ("scp", "resumes a cut transfer"): "no",
    ("rsync", "deletes extra files"): "with --delete",
    ("scp", "deletes extra files"): "never",
    ("rsync", "typical use"): "nightly mirrors of big trees",
    ("scp", "typical use"): "one quick copy to a host",
}
_OPTION = re.compile(r"(rsync|scp) — ([^:]+): (.+)")


def _statements(name: str) -> list[tuple[str, list[str], int, str]]:
    return [(q.prompt, list(q.choices), q.answer, q.fact) for q in asked(name)
            if q.prompt.startswith("Which statement about")]  # fmt: skip


def test_aspects_of_two_tools_are_asked_as_statements_with_one_true_pairing() -> None:
    found = _statements(TOOLS)
    assert found
    for prompt, choices, answer, _ in found:
        assert len(choices) == 3, choices
        truth = []
        aspects = set()
        for option in choices:
            m = _OPTION.fullmatch(option)
            assert m is not None, option  # one shape for every option
            truth.append(TOOLS_TABLE[(m.group(1), m.group(2))] == m.group(3))
            aspects.add(m.group(2))
            assert m.group(3) not in prompt  # the stem names aspects, never a value
        assert truth.count(True) == 1 and truth[answer], choices
        assert len(aspects) == 3  # one option per aspect: no pair of which one must be true


def test_no_coin_toss_is_left_on_an_aspect_the_statements_can_pair() -> None:
    # not even on the row whose cell names a side ("the rsync binary installed there"), which
    # no statement can pair: the comparison is asked by statements
    coin_tosses = [q.prompt for q in asked(TOOLS) if len(q.choices) == 2]
    assert not coin_tosses, coin_tosses
    facts = [f for *_, f in _statements(TOOLS)]
    assert len(facts) == len(set(facts))  # each fact asked once


def test_statements_of_one_comparison_are_asked_at_most_twice() -> None:
    assert 1 <= len(_statements(TOOLS)) <= 2


def test_a_two_aspect_comparison_asks_a_side_for_both_values_each_offered_twice() -> None:
    found = [q for q in asked(LOCKS) if "分别是" in q.prompt]
    assert len(found) == 1  # the other side's question is this one mirrored
    values = {"乐观锁": ("提交时才检查版本号", "读多写少、冲突很少的业务"),
              "悲观锁": ("读数据时就先加锁", "写多、冲突频繁的业务")}  # fmt: skip
    for q in found:
        side = "悲观锁" if "，悲观锁的" in q.prompt else "乐观锁"
        assert q.prompt.startswith("与") and " " not in q.prompt  # Chinese terms set solid
        assert len(q.choices) == 4
        assert q.choices[q.answer] == "；".join(values[side])
        for v in (*values["乐观锁"], *values["悲观锁"]):
            assert sum(1 for c in q.choices if c.split("；").count(v)) == 2  # no value stands out
    assert not [q for q in asked(LOCKS) if len(q.choices) == 2]


def test_statements_are_the_same_on_every_run() -> None:
    text = notes_text(TOOLS)
    first, _ = generate_from_texts([("t.md", text)], "t")
    again, _ = generate_from_texts([("t.md", text)], "t")
    assert first == again


def _two_sided(rows: dict[str, tuple[str, str]]) -> Table:
    return Table(key_header="", headers=tuple(rows), keys=("ext4", "XFS"),
                 cells=tuple(tuple(r[i] for r in rows.values()) for i in (0, 1)),
                 lines=(3, 3), transposed=True)  # fmt: skip


def test_an_aspect_is_paired_only_where_its_cells_tell_the_sides_apart() -> None:
    table = _two_sided({
        "journaling": ("yes, ordered mode by default", "no"),  # a yes against a no: paired
        "shrinking": ("no", "not possible, grow only"),  # says no of both: not paired
        "resize tool": ("resize2fs", "xfs_growfs"),
        "repair tool": ("e2fsck, run on ext4 unmounted", "xfs_repair"),  # names a side
        "max file size": ("16 TiB", "16 TiB"),  # the same on both sides
    })  # fmt: skip
    shown = _aspects(table, "en")
    assert [table.headers[j] for j in shown] == ["journaling", "resize tool"]


ONE_ASPECT = """# Filesystems

## ext4 vs XFS

|  | ext4 | XFS |
|---|---|---|
| shrinking a mounted volume | possible offline with resize2fs | impossible, it can only grow |
| repair tool | e2fsck, the ext4 checker | xfs_repair |

- XFS came from SGI in 1993
- ext4 keeps a journal of metadata by default
"""


def test_a_coin_toss_left_is_counted_in_the_summary_with_why() -> None:
    bank, report = generate_from_texts([("fs.md", ONE_ASPECT)], "fs")
    two = [q for q in bank.questions if q.kind == "choice" and len(q.choices) == 2]
    assert two  # one aspect only: no statement can pair it, the coin toss stays
    assert sum(report.coin_tosses.values()) == len(two)
    summary = render_summary(report)
    assert f"Two-option questions: {len(two)}" in summary
    assert "a comparison of two whose aspects no statement can pair" in summary
