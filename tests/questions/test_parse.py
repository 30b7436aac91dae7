"""The parser: sections with heading paths and line numbers, and what it refuses to use."""

from questions.notes_parser import clean_heading, extract_facts, parse_notes

NOTES = """intro line before any heading

# Top
para one. Second sentence.

## Child **bold**
- item a
  - nested b
1. first

| K | V |
|---|---|
| `A_B` | alpha |

```
# not a heading
```

## Empty

## TODO stuff
TODO:
https://example.com/x
- read this

## Cut
First sentence here. This one was cut off mid-wor
"""


def test_sections_have_paths_and_lines() -> None:
    notes = parse_notes(NOTES, "n.md")
    keys = [(s.key, s.line) for s in notes.sections]
    assert keys[0] == ("(no heading)", 1)
    assert ("Top", 3) in keys
    assert ("Top › Child bold", 6) in keys
    assert ("Top › Empty", 19) in keys
    assert all("not a heading" not in s.heading for s in notes.sections)


def test_blocks_lists_tables_code() -> None:
    notes = parse_notes(NOTES, "n.md")
    child = next(s for s in notes.sections if s.heading == "Child bold")
    kinds = [b.kind for b in child.blocks]
    assert kinds == ["list", "table", "code"]
    items = child.blocks[0].items
    assert [(i.text, i.depth, i.ordered) for i in items] == [
        ("item a", 0, False),
        ("nested b", 1, False),
        ("first", 0, True),
    ]
    table = child.blocks[1]
    assert table.header == ("K", "V")
    assert table.rows == ((("A_B", "alpha"), 13),)


def test_todo_urls_images_and_truncation_are_skipped() -> None:
    text = NOTES + "\n## Pics\n![img](/a/b.png)\n"
    notes = parse_notes(text, "n.md")
    facts, skipped = extract_facts(notes)
    reasons = {s.reason for s in (*notes.skipped, *skipped)}
    assert {"TODO list", "image", "empty section", "truncated sentence", "code block"} <= reasons
    texts = " ".join(f.text for f in facts)
    assert "example.com" not in texts and "read this" not in texts and "mid-wor" not in texts
    assert "First sentence here." in texts


def test_crlf_and_no_headings() -> None:
    notes = parse_notes("a line\r\nanother line\r\n\r\n- item\r\n", "x.md")
    assert len(notes.sections) == 1
    assert notes.sections[0].path == ()
    assert [b.kind for b in notes.sections[0].blocks] == ["paragraph", "list"]
    assert notes.sections[0].blocks[0].text == "a line another line"


def test_clean_heading_softens_shouting() -> None:
    assert clean_heading("AWS INSPECTOR") == "AWS Inspector"
    assert clean_heading("  Aurora DB ") == "Aurora DB"


def test_heading_with_chinese_definition_is_a_fact() -> None:
    notes = parse_notes(
        "## Cognito\n\ntext here\n\n### Cognito sync 不同终端的用户数据同步\n", "n.md"
    )
    facts, _ = extract_facts(notes)
    defs = [f for f in facts if f.kind == "definition"]
    assert any(f.term == "Cognito sync" and f.definition == "不同终端的用户数据同步" for f in defs)
