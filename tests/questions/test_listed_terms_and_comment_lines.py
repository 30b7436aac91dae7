"""Two shapes of command-heavy notes: a description said of a list of names together ("every
`RUN`, `COPY`, `ADD` -> new filesystem layer") defines none of them alone; and a paragraph line
that gives a command and its "# comment" ends there, so the next line is a statement of its
own, not the comment's tail."""

from __future__ import annotations

from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document

NOTES = """# Build notes

## Layers

- every `RUN`, `COPY`, `ADD` -> new filesystem layer
- `ENV` -> sets a variable for later instructions and the running container
- `WORKDIR` -> sets the directory later instructions run in
- `USER` -> sets the user later instructions and the container run as
"""


def test_a_description_said_of_a_list_of_names_defines_none_of_them() -> None:
    bank, _ = generate_from_texts([("build.md", NOTES)], "build")
    for q in bank.questions:
        if q.kind == "choice":
            assert q.choices[q.answer] not in ("RUN", "COPY", "ADD"), (q.prompt, q.choices)


def test_a_commented_command_line_ends_its_statement() -> None:
    doc = parse_document(
        '## T\n\n`docker build --target build .`  # stop at stage "build"\n'
        "final image = last stage only, a few MB.\n",
        "x.md",
    )
    (text,) = [b.inline.text for b in doc.blocks]
    assert text == (
        'docker build --target build . # stop at stage "build". '
        "final image = last stage only, a few MB."
    )
    plain = parse_document("## T\n\nC# is a language\nwith classes.\n", "y.md")
    assert [b.inline.text for b in plain.blocks] == ["C# is a language with classes."]


ZH = """# 索引

## 索引类型

1. **聚簇索引**：叶子存整行数据，InnoDB 按主键组织
2. **二级索引**：叶子存 索引列 + 主键值，查整行要回表
3. **覆盖索引**：要的列都在索引里，不用回表，`EXPLAIN` 里 `Extra: Using index`
"""


def test_a_colon_inside_code_defines_nothing() -> None:
    from questions.facts.extract import extract

    defined = [f.subject for f in extract(parse_document(ZH, "index.md")) if f.kind == "definition"]
    assert defined == ["聚簇索引", "二级索引", "覆盖索引"]
    bank, _ = generate_from_texts([("index.md", ZH)], "index")
    assert bank.questions
    for q in bank.questions:
        assert not any("EXPLAIN 里" in c for c in q.choices), (q.prompt, q.choices)
        assert "说的是 EXPLAIN" not in q.prompt, q.prompt
