"""Unseen notes review (issue #13), SQL notes: the sample result of a query ("| name | score |
rn |" with alice 95, bob 90 …) right under the query was asked "Which name has the score
“95”?", a made-up row. A table under a code block that names each of its columns is that
code's output: noise, reported as "example output"."""

from __future__ import annotations

from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document

NOTES = """# Pandas notes

## groupby

```python
df.groupby("city").agg(total=("sales", "sum"), orders=("id", "count"))
```

| city | total | orders |
|------|------:|-------:|
| Oslo | 1200  | 4      |
| Rome | 900   | 3      |
| Lima | 450   | 2      |

## dtypes

| dtype | bytes | holds |
|---|---|---|
| int64 | 8 | whole numbers |
| float32 | 4 | single-precision floats |
| bool | 1 | True / False |
"""


def test_a_code_blocks_output_table_is_noise() -> None:
    doc = parse_document(NOTES, "x.md")
    reasons = {n.reason for n in doc.noise}
    assert "example output" in reasons, doc.noise
    tables = [b for b in doc.content if b.kind == "table"]
    assert len(tables) == 1 and tables[0].table is not None
    assert tables[0].table.header[0] == "dtype"  # a table of facts stays content


def test_no_question_asks_a_sample_row() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    assert bank.questions
    for q in bank.questions:
        assert not {"Oslo", "Rome", "Lima"} & set(q.choices), q.prompt
