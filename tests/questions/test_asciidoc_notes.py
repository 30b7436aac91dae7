"""Notes written in AsciiDoc and handed in as they are: "== Section" titles, "|===" tables,
"[source]" listings between "----" lines, "term:: definition" lists, ". " ordered items,
".Title" block titles, admonitions and attribute lines. Read as Markdown the file was one
section whose tables and code were paragraphs of raw markup."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.asciidoc import asciidoc_as_markdown, is_asciidoc
from questions.parse.markdown import parse_document

ADOC = """= DCA study notes
:toc: left
:icons: font

// v2 after the first practice test

== Orchestration

=== Swarm basics

[source,bash]
----
docker swarm init --advertise-addr 10.0.0.1
== not a section: inside a listing
----

* 55 questions, 90 minutes
** 13 multiple choice + 42 *DOMC*
* state lives in +/var/lib/docker/swarm+

.Required ports
[cols="1,1,3", options="header"]
|===
| Port | Proto | Used for
| 2377 | TCP | cluster management
| 7946 | TCP + UDP | node-to-node gossip
| 4789
| UDP
| overlay data traffic (VXLAN)
|===

=== Node availability

active:: normal, gets new tasks
pause:: no NEW tasks, existing tasks keep running
drain:: existing tasks rescheduled elsewhere

.Backup
. stop docker on a manager
. copy the swarm directory

NOTE: Docker Enterprise was sold to Mirantis in 2019, see https://www.mirantis.com[Mirantis].
"""


def test_sections_code_and_metadata() -> None:
    doc = parse_document(ADOC, "dca.md")
    assert doc.title == "DCA study notes"
    keys = [s.key for s in doc.sections]
    assert "Orchestration › Swarm basics" in keys
    assert "Orchestration › Node availability" in keys
    code = next(b for b in doc.blocks if b.kind == "code")
    assert "== not a section: inside a listing" in code.code
    skipped = {(n.reason, n.text) for n in doc.noise}
    assert ("asciidoc metadata", ":toc: left") in skipped
    assert ("asciidoc comment", "// v2 after the first practice test") in skipped


def test_tables_are_tables_with_one_or_many_lines_per_row() -> None:
    doc = parse_document(ADOC, "dca.md")
    table = next(b for b in doc.blocks if b.table is not None)
    assert table.table is not None
    assert table.table.header == ("Port", "Proto", "Used for")
    assert table.table.rows[-1] == ("4789", "UDP", "overlay data traffic (VXLAN)")
    assert len(table.table.rows) == 3


def test_lists_labels_and_marks() -> None:
    doc = parse_document(ADOC, "dca.md")
    texts = [b.text for b in doc.content]
    item = next(b for b in doc.content if b.text.startswith("13 multiple choice"))
    assert "DOMC" in item.inline.strong
    state = next(b for b in doc.content if b.text.startswith("state lives in"))
    assert "/var/lib/docker/swarm" in state.inline.code
    drain = next(b for b in doc.content if "rescheduled elsewhere" in b.text)
    assert "drain" in drain.inline.strong and drain.kind == "item"
    assert "stop docker on a manager" in texts and "copy the swarm directory" in texts
    note = next(t for t in texts if "Mirantis in 2019" in t)
    assert not note.startswith("NOTE") and "mirantis.com[" not in note


def test_each_line_keeps_its_line() -> None:
    lines = ADOC.split("\n")
    out, _ = asciidoc_as_markdown(lines)
    assert len(out) == len(lines)
    assert out[lines.index("== Orchestration")] == "## Orchestration"
    assert out[lines.index("|===")] == "| Port | Proto | Used for |"


def test_questions_ask_the_table_and_the_labelled_list_without_markup() -> None:
    r = generate_document("dca.md", ADOC)
    prompts = " ".join(q.prompt + " " + " ".join(q.choices) for _, q in r.chosen)
    assert r.chosen
    assert "|===" not in prompts and "[cols" not in prompts and "::" not in prompts
    assert "toc" not in prompts
    keys = {q.choices[q.answer] for _, q in r.chosen}
    assert "existing tasks rescheduled elsewhere" in keys or "drain" in keys


def test_other_notes_are_not_asciidoc() -> None:
    markdown = ["# Title", "", "## Section", "", "- item", "", "----", "", "text"]
    rst = ["Title", "=====", "", "Section", "-------", "", "text"]
    org = ["* Heading", "** Sub", "text"]
    wiki = ["== Heading ==", "text", "=== Sub ===", "text"]
    for lines in (markdown, rst, org, wiki):
        assert not is_asciidoc(lines)
        assert asciidoc_as_markdown(lines) == (lines, [])
    assert is_asciidoc(["== A", "text", "== B"])


def test_only_a_link_with_a_scheme_or_macro_is_a_link() -> None:
    from questions.parse.asciidoc import _inline

    assert _inline("arr[0] and https://docs.docker.com[the docs]") == "arr[0] and the docs"
    assert (
        _inline('CMD ["nginx", "-g"] and link:notes.adoc[notes]') == 'CMD ["nginx", "-g"] and notes'
    )
