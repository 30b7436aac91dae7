"""A column of two values (TCP / UDP, 四层 / 七层) is not asked row by row, a coin toss between
the two: its rarer value is asked against rows of the other ("Which service has the transport
“UDP”?"), so one option is right and the others are wrong by the notes' own table."""

from __future__ import annotations

from questions.generate import generate_from_texts
from questions.parse.model import TableData
from questions.tables import analyse

NOTES = """# Load balancing

## Load balancers

| balancer | layer | scope |
|---|---|---|
| Application LB | L7 | regional |
| Network LB | L4 | regional |
| Gateway LB | L3 | regional |
| Classic LB | L4 | regional |

## Runtimes

| runtime | arch | cold start |
|---|---|---|
| Node.js 20 | x86 | fast |
| Python 3.12 | arm64 | fast |
| Java 21 | x86 | slow |
| .NET 8 | x86 | slow |
| Ruby 3.3 | x86 | fast |
"""


def test_no_question_is_a_coin_toss_between_a_columns_two_values() -> None:
    bank, _ = generate_from_texts([("lb.md", NOTES)], "lb")
    assert bank.questions
    for q in bank.questions:
        assert {c.casefold() for c in q.choices} not in ({"x86", "arm64"}, {"fast", "slow"}), (
            q.prompt
        )


def test_the_rarer_value_is_asked_against_rows_of_the_other() -> None:
    bank, _ = generate_from_texts([("lb.md", NOTES)], "lb")
    arch = [q for q in bank.questions if "arm64" in q.prompt]
    assert len(arch) == 1, [q.prompt for q in bank.questions]
    q = arch[0]
    assert q.choices[q.answer] == "Python 3.12"
    # every wrong option is an x86 row: false by the table itself
    assert set(q.choices) - {"Python 3.12"} <= {"Node.js 20", "Java 21", ".NET 8", "Ruby 3.3"}
    assert len(q.choices) >= 3


def test_a_column_of_one_value_is_never_asked() -> None:
    bank, _ = generate_from_texts([("lb.md", NOTES)], "lb")
    assert not any("regional" in q.prompt or "regional" in q.choices for q in bank.questions)
    table = analyse(
        TableData(
            header=("balancer", "layer", "scope"),
            rows=(("ALB", "L7", "regional"), ("NLB", "L4", "regional")),
            lines=(3, 4),
        )
    )
    assert table is not None and table.key_header == "balancer"
