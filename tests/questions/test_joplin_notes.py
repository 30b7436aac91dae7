"""Notes exported from Joplin in its RAW format (one ".md" file an item) and joined into one
file: each item is its title, a blank line, its Markdown body, a blank line and its metadata
("id: <32 hex>", "parent_id: …", "created_time: …", … "type_: N"), the next item's title right
under the "type_:" line. Notebooks (type_ 2), tags (5), their links to notes (6) and resources
(4) hold no notes. Read as Markdown the metadata lines were facts ("What value do the notes give
for todo_due?"), a note's title a line of the note above it, and resource links images and links
to nowhere; questions/parse/joplin.py reads each note as a section under its title."""

from __future__ import annotations

import time
from pathlib import Path

from questions.generate import generate_document, generate_from_texts
from questions.parse.joplin import is_joplin, joplin_as_markdown
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document
from tests.questions.test_tiddlywiki_notes import TIDDLERS
from tests.questions.test_vault_notes import VAULT

NOTEBOOK = "5f0c1d2e3a4b4c5d8e9f0a1b2c3d4e5f"
OTHER_NOTEBOOK = "6a7b8c9d0e1f4a2b9c3d4e5f6a7b8c9d"
OSPF = "0a1b2c3d4e5f40718293a4b5c6d7e8f9"
DHCP = "1b2c3d4e5f6a47b8c9d0e1f2a3b4c5d6"
IMAGE = "2c3d4e5f6a7b48c9d0e1f2a3b4c5d6e7"
TAG = "3d4e5f6a7b8c49d0e1f2a3b4c5d6e7f8"
LINK = "4e5f6a7b8c9d4a0e1f2a3b4c5d6e7f80"


def _spaced(block: str) -> str:
    """Metadata with Joplin's space after the colon of an empty value ("author: ")."""
    return "\n".join(line + " " if line.endswith(":") else line for line in block.split("\n"))


def _note_meta(item: str, parent: str, *, todo: str = "0", conflict: str = "0") -> str:
    """A note's metadata block as Joplin's RAW export writes it."""
    return _spaced(f"""id: {item}
parent_id: {parent}
created_time: 2025-02-11T19:03:47.911Z
updated_time: 2025-02-14T08:21:09.556Z
is_conflict: {conflict}
latitude: 48.13743000
longitude: 11.57549000
altitude: 0.0000
author:
source_url:
is_todo: {todo}
todo_due: 1739750400000
todo_completed: 0
source: joplin-desktop
source_application: net.cozic.joplin-desktop
application_data:
order: 1739561234567
user_created_time: 2025-02-11T19:03:47.911Z
user_updated_time: 2025-02-14T08:21:09.556Z
encryption_cipher_text:
encryption_applied: 0
markup_language: 1
is_shared: 0
share_id:
conflict_original_id:
master_key_id:
user_data:
deleted_time: 0
type_: 1""")


def _notebook(item: str, title: str) -> str:
    return _spaced(f"""{title}

id: {item}
created_time: 2025-02-11T19:00:00.000Z
updated_time: 2025-02-11T19:00:00.000Z
user_created_time: 2025-02-11T19:00:00.000Z
user_updated_time: 2025-02-11T19:00:00.000Z
encryption_cipher_text:
encryption_applied: 0
parent_id:
is_shared: 0
share_id:
master_key_id:
icon:
user_data:
deleted_time: 0
type_: 2""")


OSPF_NOTE = f"""OSPF on broadcast links

# OSPF on broadcast links

The **DR** and **BDR** are elected on every multi-access segment.

## Timers
On broadcast links the hello interval is **10 seconds** and the dead interval is **40 seconds**.
See [DHCP relay](:/{DHCP}) for the helper address.

![ospf-topology.png](:/{IMAGE})

## Packet types
| type | name | purpose |
|---|---|---|
| 1 | Hello | discovers neighbors and keeps them alive |
| 2 | DBD | summarizes the link-state database |
| 3 | LSR | requests missing link-state entries |
| 4 | LSU | carries link-state advertisements |

```bash
# show ip ospf neighbor on the router
vtysh -c 'show ip ospf neighbor'  # see ![x](:/{IMAGE})
```

{_note_meta(OSPF, NOTEBOOK)}"""

DHCP_NOTE = f"""DHCP relay

DHCP uses UDP port **67** on the server and UDP port **68** on the client.

Lease steps
===========
1. Discover
2. Offer
3. Request
4. Acknowledge

<img src=":/{IMAGE}" alt="dora" width="480" />

A relay agent forwards broadcasts as unicast to the server; `ip helper-address` sets it.

{_note_meta(DHCP, NOTEBOOK, todo="1")}"""

TAG_ITEM = _spaced(f"""ccna

id: {TAG}
created_time: 2025-02-11T19:05:00.000Z
updated_time: 2025-02-11T19:05:00.000Z
user_created_time: 2025-02-11T19:05:00.000Z
user_updated_time: 2025-02-11T19:05:00.000Z
encryption_cipher_text:
encryption_applied: 0
is_shared: 0
parent_id:
user_data:
type_: 5""")

TAG_LINK = f"""id: {LINK}
note_id: {OSPF}
tag_id: {TAG}
created_time: 2025-02-11T19:05:10.000Z
updated_time: 2025-02-11T19:05:10.000Z
user_created_time: 2025-02-11T19:05:10.000Z
user_updated_time: 2025-02-11T19:05:10.000Z
encryption_cipher_text:
encryption_applied: 0
is_shared: 0
type_: 6"""

RESOURCE = _spaced(f"""ospf-topology.png

id: {IMAGE}
mime: image/png
filename:
created_time: 2025-02-11T19:10:00.000Z
updated_time: 2025-02-11T19:10:00.000Z
user_created_time: 2025-02-11T19:10:00.000Z
user_updated_time: 2025-02-11T19:10:00.000Z
file_extension: png
encryption_cipher_text:
encryption_applied: 0
encryption_blob_encrypted: 0
size: 48213
is_shared: 0
share_id:
master_key_id:
user_data:
blob_updated_time: 1739300400000
ocr_text:
type_: 4""")

# joined as "cat *.md" joins them: Joplin writes no newline at a file's end
EXPORT = "".join(
    part + "\n" for part in (OSPF_NOTE, DHCP_NOTE, _notebook(NOTEBOOK, "CCNA 200-301"), TAG_ITEM)
).rstrip("\n") + "\n".join(["", TAG_LINK, RESOURCE])
LINES = EXPORT.split("\n")

#: what the export writes that no prompt or choice may show
LEAKS = ("created_time", "parent_id", "type_", "is_todo", "todo_due", "1739", "net.cozic",
         "48.137", ":/", "](", "![", "<img", "ospf-topology", OSPF, NOTEBOOK)  # fmt: skip


def _doc(text: str = EXPORT) -> Document:
    return parse_document(text, "ccna.md")


def _block(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


def test_each_note_is_a_section_under_its_title() -> None:
    doc = _doc()
    keys = [s.key for s in doc.sections if s.level > 1]
    assert keys == [
        "OSPF on broadcast links",
        "OSPF on broadcast links › Timers",
        "OSPF on broadcast links › Packet types",
        "DHCP relay",
        "DHCP relay › Lease steps",
    ], keys
    # the notebook over its notes, the file's title when it is the only one
    assert doc.title == "CCNA 200-301"
    assert _block(doc, "DHCP uses UDP port").section.key == "DHCP relay"
    assert _block(doc, "On broadcast links").section.key == "OSPF on broadcast links › Timers"
    assert _block(doc, "Offer").section.key == "DHCP relay › Lease steps"


def test_notes_of_two_notebooks_are_under_their_notebooks() -> None:
    second = DHCP_NOTE.replace(f"parent_id: {NOTEBOOK}", f"parent_id: {OTHER_NOTEBOOK}")
    books = [_notebook(NOTEBOOK, "Routing"), _notebook(OTHER_NOTEBOOK, "Services")]
    text = "\n".join([OSPF_NOTE, second, *books])
    doc = _doc(text)
    keys = [s.key for s in doc.sections if s.level > 1]
    assert "Routing › OSPF on broadcast links › Timers" in keys, keys
    assert "Services › DHCP relay › Lease steps" in keys, keys
    assert _block(doc, "DHCP uses UDP port").section.key == "Services › DHCP relay"
    # a note of a notebook not in the file: no notebook is over any note
    alone = "\n".join([OSPF_NOTE, second, books[0]])
    assert [s.key for s in _doc(alone).sections if s.level][:2] == [
        "OSPF on broadcast links",
        "OSPF on broadcast links › Timers",
    ]


def test_metadata_and_items_without_notes_are_noise() -> None:
    doc = _doc()
    noise = {(n.reason, n.text) for n in doc.noise}
    for line in ("created_time: 2025-02-11T19:03:47.911Z", "is_todo: 1", f"id: {OSPF}",
                 "source_application: net.cozic.joplin-desktop", "type_: 1"):  # fmt: skip
        assert ("joplin metadata", line) in noise, line
    assert ("joplin notebook", "CCNA 200-301") in noise
    assert ("joplin tag", "ccna") in noise and ("joplin tag", "type_: 5") in noise
    assert ("joplin tag link", f"note_id: {OSPF}") in noise
    assert ("joplin resource", "ospf-topology.png") in noise
    assert ("joplin resource", "mime: image/png") in noise
    assert ("joplin title repeated", "# OSPF on broadcast links") in noise
    texts = " ".join(b.text for b in doc.blocks)
    for leak in LEAKS:
        assert leak not in texts, leak


def test_resource_links_become_their_words() -> None:
    doc = _doc()
    timers = _block(doc, "On broadcast links")
    assert timers.text.endswith("seconds. See DHCP relay for the helper address.")
    noise = {(n.reason, n.text) for n in doc.noise}
    assert ("joplin image", f"![ospf-topology.png](:/{IMAGE})") in noise
    assert ("joplin image", f'<img src=":/{IMAGE}" alt="dora" width="480" />') in noise
    (code,) = (b for b in doc.blocks if b.kind == "code")  # code is left as it is
    assert code.code.startswith("# show ip ospf neighbor") and f"![x](:/{IMAGE})" in code.code
    assert not any("show ip ospf" in s.key for s in doc.sections)


def test_each_line_keeps_its_line() -> None:
    out, skipped = joplin_as_markdown(LINES)
    assert len(out) == len(LINES)
    assert out[LINES.index("DHCP relay")] == "## DHCP relay"
    assert out[0] == "# CCNA 200-301" and out[1] == "## OSPF on broadcast links"
    assert out[LINES.index("## Timers")] == "### Timers"
    assert out[LINES.index("Lease steps")] == "### Lease steps"
    assert out[LINES.index("===========")] == ""
    assert out[LINES.index("| 3 | LSR | requests missing link-state entries |")] == (
        "| 3 | LSR | requests missing link-state entries |"
    )
    assert [n for n, _, _ in skipped] == sorted(n for n, _, _ in skipped)
    assert all(out[n - 1] == "" and LINES[n - 1].strip() == text for n, _, text in skipped)
    offer = _block(_doc(), "Offer")
    assert offer.line == LINES.index("2. Offer") + 1
    # a note's section starts on its title's line
    (dhcp,) = (s for s in _doc().sections if s.key == "DHCP relay")
    assert dhcp.line == LINES.index("DHCP relay") + 1


def test_no_metadata_or_markup_reaches_a_prompt_or_a_choice() -> None:
    result = generate_document("ccna.md", EXPORT)
    asked = [q for _, q in result.chosen]
    assert len(asked) >= 4, [q.prompt for q in asked]
    for q in asked:
        for text in (q.prompt, *q.choices):
            assert not any(leak in text for leak in LEAKS), (q.prompt, q.choices)
    timers = [q for q in asked if "10 seconds" in q.choices or "40 seconds" in q.choices]
    assert timers, [(q.prompt, q.choices) for q in asked]
    line = LINES.index(next(x for x in LINES if x.startswith("On broadcast links"))) + 1
    for q in timers:
        assert q.source is not None and q.source.line == line
        assert q.answer_text in LINES[line - 1]
    rows = {n: row for n, row in enumerate(LINES, 1) if row.startswith("| ") and "type" not in row}
    keyed = [q for q in asked if q.source is not None and q.source.line in rows]
    for q in keyed:  # the answer is a cell of the row the question points at
        assert q.source is not None and q.answer_text in rows[q.source.line], q.prompt
    bank, _ = generate_from_texts([("ccna.md", EXPORT)], "ccna")
    assert bank.questions
    for q in bank.questions:
        assert not any(leak in " ".join([q.prompt, *q.choices]) for leak in LEAKS), q.prompt


def test_conflict_copies_and_trashed_notes_say_nothing() -> None:
    conflict = OSPF_NOTE.replace(OSPF, "7" * 32).replace("is_conflict: 0", "is_conflict: 1")
    trashed = DHCP_NOTE.replace("deleted_time: 0", "deleted_time: 1739600000000")
    kept = "Syslog\n\nSyslog severity **0** is emergency.\n\n" + _note_meta("8" * 32, "")
    doc = _doc("\n".join([conflict, trashed, kept]))
    assert [b.text for b in doc.blocks] == ["Syslog severity 0 is emergency."]
    reasons = {n.reason for n in doc.noise}
    assert {"joplin conflict copy", "joplin deleted note"} <= reasons


def test_notes_of_other_formats_are_left_alone() -> None:
    meta_like = [
        "# Joplin item ids",
        "",
        "id: 0a1b2c3d4e5f40718293a4b5c6d7e8f9",
        "parent_id: 5f0c1d2e3a4b4c5d8e9f0a1b2c3d4e5f",
        "type_: 1",  # too few of Joplin's keys
    ]
    no_id = ["Note", "", "id: 42", *_note_meta(OSPF, NOTEBOOK).split("\n")[1:]]
    fenced = ["# Config", "", "```yaml", "created_time: 2025", "updated_time: 2025", "```"]
    for lines in (meta_like, no_id, fenced, VAULT.split("\n"), TIDDLERS.split("\n")):
        assert not is_joplin(lines), lines[:3]
        assert joplin_as_markdown(lines) == (lines, [])
    for path in sorted((Path(__file__).parent / "notes").glob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        assert joplin_as_markdown(lines) == (lines, []), path.name
    assert is_joplin(LINES)  # and the export is its own
    assert "DHCP relay" in [s.heading for s in _doc().sections]
    plain = "# OSPF\n\nThe hello interval is **10 seconds**.\n\n[DHCP](dhcp.md)\n"
    assert _doc(plain).title == "OSPF" and "10 seconds" in _doc(plain).blocks[0].text


def test_hostile_lines_are_read_in_bounded_time() -> None:
    meta = _note_meta(OSPF, NOTEBOOK)
    hostile = ["![" * 5000, "[" * 5000 + "](:/", "](:/" * 10000, "<img " * 10000,
               "<a href=':/" * 5000, "`" * 30000, "#" * 20000, ":/" + "a" * 50000,
               "![x](:/" + "0" * 32 + ")" * 20000, "```" * 10000]  # fmt: skip
    for line in hostile:
        text = "\n".join(["Title", "", "## Part", line, "- " + line, "| a | " + line, "", meta])
        started = time.process_time()
        out, _ = joplin_as_markdown(text.split("\n"))
        assert time.process_time() - started < 0.5, line[:10]
        assert len(out) == len(text.split("\n")) and out[0] == "# Title"
        doc = parse_document(text, "hostile.md")
        assert not any("type_" in b.text or "created_time" in b.text for b in doc.blocks)
        assert time.process_time() - started < 5, line[:10]
    many = ("a: b\n" * 119 + "type_: 1\n") * 2000 + "id: x\n" * 5000
    started = time.process_time()
    assert not is_joplin(many.split("\n"))
    items = "\n".join(["T", "", "x", "", meta] * 3000)
    out, skipped = joplin_as_markdown(items.split("\n"))
    assert time.process_time() - started < 3
    assert out.count("# T") == 3000 and len(skipped) == 29 * 3000
