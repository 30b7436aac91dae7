"""A notebook kept as a Jupytext script (questions/parse/jupytext.py): "# %% [markdown]" cells
of commented-out Markdown between "# %%" cells of code whose printed results are pasted as
"# >>>" comments. Read as Markdown each "# " line was a heading of its own, a table's rows
were asked as fragments and the values a run printed were blanked."""

from __future__ import annotations

import time

from questions.generate import generate_document, generate_from_texts
from questions.parse.jupytext import jupytext_as_markdown
from questions.parse.markdown import parse_document

PERCENT = """# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.16.1
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Kafka exam notebook
#
# ## Producers
# - **acks=all** waits for every in-sync replica to confirm the write
# - **linger.ms** delays a send so that more records fill the batch
# - **enable.idempotence** stops the retries from writing duplicate records
# - **max.in.flight.requests.per.connection** caps the requests sent without a reply

# %% title="a toy producer"
from kafka import KafkaProducer
producer = KafkaProducer(bootstrap_servers="localhost:9092", acks="all")
print(producer.config["retries"])
# >>> 7391

# %% [markdown]
# ## Topics
#
# | setting | default |
# |---|---|
# | num.partitions | 1 |
# | retention.ms | 604800000 |
# | cleanup.policy | delete |
# | min.insync.replicas | 1 |

# %% tags=["consumer"]
offsets = {"p0": 8842, "p1": 9917}
print(sum(offsets.values()))
# out: 18759

# %% [md]
# ## Consumers
# - **auto.offset.reset** picks where a group without a committed offset starts reading
# - **session.timeout.ms** is how long the broker waits for a heartbeat before a rebalance
# - **fetch.min.bytes** makes the broker hold a fetch until that much data is ready
# - **group.id** names the consumer group that shares the partitions
"""

MARKUP = ("%%", "[markdown]", "[md]", "jupyter", "kernelspec", "# >>>", "out:", "title=", "tags=")
#: values only a run printed, or code: never a fact of the notes
PRINTED = ("7391", "8842", "9917", "18759", "KafkaProducer", "bootstrap")


def test_markdown_cells_read_as_markdown_and_code_cells_as_code() -> None:
    doc = parse_document(PERCENT, "kafka.py")
    assert doc.title == "Kafka exam notebook"
    assert [s.heading for s in doc.sections if s.level == 2] == ["Producers", "Topics", "Consumers"]
    items = [b.text for b in doc.blocks if b.kind == "item"]
    assert "acks=all waits for every in-sync replica to confirm the write" in items
    assert "group.id names the consumer group that shares the partitions" in items
    assert len(items) == 8
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].table is not None
    code = [b for b in doc.blocks if b.kind == "code"]
    assert len(code) == 2
    assert code[0].lang == "python" and code[0].code.startswith("from kafka import KafkaProducer")
    assert "# >>> 7391" in code[0].code and "# out: 18759" in code[1].code
    said = " ".join(b.text for b in doc.blocks if b.kind != "code")
    for text in PRINTED:
        assert text not in said


def test_questions_come_from_the_markdown_cells_with_no_cell_markup() -> None:
    result = generate_document("kafka.py", PERCENT)
    asked = [q for _, q in result.chosen]
    assert len(asked) >= 3
    keys = {q.prompt: q.answer_text for q in asked}
    terms = {"acks=all", "linger.ms", "enable.idempotence", "auto.offset.reset", "group.id"}
    assert set(keys.values()) & (terms | {"waits for every in-sync replica to confirm the write"})
    assert keys.get("What is the default of retention.ms?", "604800000") == "604800000"
    for q in asked:
        for text in (q.prompt, *q.choices):
            assert not any(mark in text for mark in MARKUP), text
            assert not any(value in text for value in PRINTED), text
            assert "|" not in text and not text.startswith("#"), text


def test_a_table_in_a_markdown_cell_is_asked_by_its_rows() -> None:
    bank, _ = generate_from_texts([("kafka.py", PERCENT)], "kafka")
    rows = {"num.partitions", "retention.ms", "cleanup.policy", "min.insync.replicas"}
    from_table = [q for q in bank.questions if any(r in q.prompt for r in rows)]
    from_table += [q for q in bank.questions if q.answer_text in rows]
    assert from_table
    for q in from_table:
        assert "|" not in q.prompt and "---" not in q.prompt
        assert q.answer_text in rows | {"1", "604800000", "delete"}, q


def test_each_line_stays_on_its_line() -> None:
    lines = PERCENT.split("\n")
    out, skipped = jupytext_as_markdown(lines)
    assert len(out) == len(lines)
    code = {n for n, line in enumerate(lines) if line.startswith("# >>>") or "out:" in line}
    for n, line in enumerate(lines):
        if line.startswith("# ") and n > 15 and "%%" not in line:
            assert out[n] == (line if n in code else line[2:]), (n, out[n])
    assert out[lines.index("# # Kafka exam notebook")] == "# Kafka exam notebook"
    assert out[lines.index("#")] == ""
    opener = lines.index('# %% title="a toy producer"')
    assert out[opener] == "```python" and out[opener + 1] == lines[opener + 1]
    closer = lines.index("# >>> 7391") + 1
    assert lines[closer] == "" and out[closer] == "```"
    assert out[lines.index('# %% tags=["consumer"]')] == "```python"
    reasons = {text: reason for _, reason, text in skipped}
    assert reasons["# kernelspec:"] == "jupytext header"
    assert reasons["# %% [markdown]"] == reasons["# %% [md]"] == "notebook cell marker"
    assert reasons['# %% tags=["consumer"]'] == "notebook cell marker"
    assert {n for n, _, _ in skipped} == set(range(1, 15)) | {
        n + 1 for n, line in enumerate(lines) if line.startswith("# %%")
    }  # a cell's mark is skipped though a fence stands on its line


def test_cells_with_no_line_between_and_a_fence_left_open() -> None:
    text = "\n".join(
        [
            "# %% [markdown]",
            "# ## Shell",
            "# ```bash",
            "# kafka-topics --list",
            "# %%",
            "x = 1",
            "# %%",
            "y = 2",
            "# %% [markdown]",
            "# - **retention.ms** is how long a segment is kept before it is deleted",
        ]
    )
    out, _ = jupytext_as_markdown(text.split("\n"))
    assert out == [
        "",
        "## Shell",
        "```bash",
        "kafka-topics --list",
        "",  # no line for both the markdown cell's fence and the code's: the code runs on
        "x = 1",
        "",  # nor between the two code cells
        "y = 2",
        "```",  # Jupyter closes a markdown cell's fence with the cell
        "- **retention.ms** is how long a segment is kept before it is deleted",
    ]
    doc = parse_document("# Notes\n\n" + text, "x.py")  # "# Notes" before the cells: a title
    items = [b.text for b in doc.blocks if b.kind == "item"]
    assert items == ["retention.ms is how long a segment is kept before it is deleted"]


def test_the_light_format_and_a_markdown_cell_as_a_string() -> None:
    light = """# ---
# jupyter:
#   jupytext:
#     text_representation:
#       format_name: light
#   kernelspec:
#     language: python
# ---

# ## Brokers
# - **controller** is the broker that assigns partition leaders
# - **ISR** is the set of replicas caught up with the leader

# +
import json

print(json.dumps({"leader": 4471}))
# -

# count of replicas, printed
print(3 + 4)
"""
    out, skipped = jupytext_as_markdown(light.split("\n"))
    assert out[9:12] == [
        "## Brokers",
        "- **controller** is the broker that assigns partition leaders",
        "- **ISR** is the set of replicas caught up with the leader",
    ]
    assert out[13] == "```python" and out[14] == "import json"
    assert out[17] == "```"  # on the "# -" line
    assert out[18:22] == ["```python", "# count of replicas, printed", "print(3 + 4)", "```"]
    assert ("# +" in {t for _, _, t in skipped}) and ("# -" in {t for _, _, t in skipped})
    doc = parse_document(light, "brokers.py")
    assert [s.heading for s in doc.sections if s.level == 2] == ["Brokers"]
    assert len([b for b in doc.blocks if b.kind == "code"]) == 2
    quoted = '# %% [markdown]\n"""\n## Brokers\n- **ISR** is the set of caught-up replicas\n"""\n'
    quoted += "# %%\nprint(1)\n"
    out, _ = jupytext_as_markdown(quoted.split("\n"))
    assert out[:5] == ["", "", "## Brokers", "- **ISR** is the set of caught-up replicas", ""]
    assert out[5:8] == ["```python", "print(1)", "```"]


def test_files_not_in_the_format_are_left_as_they_are() -> None:
    plain = "# %%\nimport math\nprint(math.pi)\n\n# %%\n# the area\nprint(math.pi * 2 ** 2)\n"
    markdown = "# Jupytext\n\n- a cell opens with\n\n```python\n# %% [markdown]\n# # Title\n```\n"
    notes = "# Kafka\n\n## %% of replicas\n- acks=all waits for the ISR\n"
    ipynb_like = "# ---\n# title: notes\n# ---\n\n# Heading\n"
    for text in (plain, markdown, notes, ipynb_like, ""):
        lines = text.split("\n")
        assert jupytext_as_markdown(lines) == (lines, [])
        doc = parse_document(text, "x.py")
        assert not [n for n in doc.noise if n.reason in ("notebook cell marker", "jupytext header")]
    other = PERCENT.replace("format_name: percent", "format_name: sphinx")
    assert jupytext_as_markdown(other.split("\n")) == (other.split("\n"), [])
    read = parse_document(PERCENT, "kafka.py")  # the script itself is read
    assert [n for n in read.noise if n.reason == "notebook cell marker"]


def test_hostile_files_are_read_or_left_quickly() -> None:
    start = time.process_time()
    for text in (
        "# %% [markdown]\n" * 50_000,
        "# ---\n# jupyter:\n" + "# +\n" * 50_000,
        "# ---\n# jupyter:\n" + "# x\n" * 100_000,
        "# %% [markdown]\n# " + "`" * 200_000 + "\n# %%\n" + "a" * 200_000,
        "# %%\n# %% [md]\n# \x00 " + "[" * 100_000 + "\n" + '"""' * 10_000,
        "# %% " + "[markdown] " * 20_000 + "\n# %%\n" + "x\n" * 50_000,
    ):
        lines = text.split("\n")
        out, skipped = jupytext_as_markdown(lines)
        assert len(out) >= len(lines) and len(skipped) <= len(lines)
    assert time.process_time() - start < 3
    big = "\n".join(PERCENT.split("\n")[15:]) * 400
    assert len(big) > 400_000
    start = time.process_time()
    doc = parse_document(PERCENT + big, "big.py")
    assert len([s for s in doc.sections if s.heading == "Consumers"]) == 401
    assert time.process_time() - start < 30
