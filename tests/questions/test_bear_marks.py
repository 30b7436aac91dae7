"""Marks of notes apps beyond CommonMark: a highlight holding "=" ("==lower number = higher
priority=="), Bear's underline ("::autohealing via health check::"), text struck with one
tilde ("~project ID can be renamed later~ WRONG"), and a ticked box logging a task done
("- [x] lab: MIG + HTTP LB done"). Each had leaked into stems or options as raw marks, or
as a fact the writer had struck as wrong."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document

NOTES = """# GCP notes

## Firewall

- priority 0–65535, ==lower number = higher priority==, default 1000
- implied rules: allow egress, deny ingress, priority 65535

## Projects

- project ID: ==globally unique, immutable== once created
- ~project ID can be renamed later~ WRONG, tripped on this
- best practice: grant roles to ::Google Groups::, not individual users

## Instance groups

- **managed instance group**: autoscaling, ::autohealing via health check::, rolling updates
- **unmanaged IG**: no autoscale, just for LB of heterogeneous VMs
- **instance template**: immutable, to change create a new one
- [x] lab: MIG + HTTP LB done

## IPv6

- 128 bit, ::1 loopback, fe80::/10 link-local
"""


def _texts() -> list[str]:
    return [b.text for b in parse_document(NOTES, "gcp.md").content]


def test_highlights_and_underlines_leave_their_words() -> None:
    texts = " ".join(_texts())
    assert "lower number = higher priority, default 1000" in texts
    assert "grant roles to Google Groups, not" in texts
    assert "autohealing via health check, rolling" in texts
    assert "==" not in texts and "::autohealing" not in texts and "::Google" not in texts
    assert "::1 loopback, fe80::/10" in texts  # IPv6 is no underline


def test_text_struck_with_one_tilde_is_no_fact() -> None:
    texts = _texts()
    assert not any("can be renamed later" in t for t in texts)
    assert not any("~" in t for t in texts)


def test_a_ticked_box_logging_a_task_is_no_fact() -> None:
    doc = parse_document(NOTES, "gcp.md")
    assert any(n.reason == "TODO" and "MIG + HTTP LB done" in n.text for n in doc.noise)
    r = generate_document("gcp.md", NOTES)
    options = {c for _, q in r.chosen for c in q.choices}
    assert "lab" not in options
    assert not any("renamed later" in q.prompt for _, q in r.chosen)


def test_a_highlight_holding_code_leaves_its_words() -> None:
    """ "==needs `init` first==" in a table's cell (a Terraform site): the code span splits
    the highlight over two text tokens, and both marks reached the question."""
    doc = parse_document(
        "## CLI\n\n| Command | What |\n|---|---|\n"
        "| `validate` | syntax; ==needs `init` first==, no API |\n| `fmt` | style |\n\n"
        "Run ==`plan` before **apply**== always; a == b == c stays.\n",
        "x",
    )
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.table is not None
    assert table.table.rows[0][1] == "syntax; needs init first, no API"
    prose = next(b for b in doc.blocks if b.kind == "paragraph")
    assert prose.text == "Run plan before apply always; a == b == c stays."


def test_an_equality_operator_is_no_highlight() -> None:
    # (grid-table notes of session 38: "node.role==manager" / "node.labels.zone==east" on two
    # lines were read as one highlight, "node.rolemanager")
    notes = (
        "# Swarm\n\n## Placement\n\n- constraints\n  --constraint node.role==manager\n"
        "  --constraint node.labels.zone==east\n- compare with x==1 and keep ==this highlight==\n"
    )
    said = " ".join(b.inline.text for b in parse_document(notes, "swarm.md").blocks)
    assert "node.role==manager" in said and "node.labels.zone==east" in said, said
    assert "x==1" in said and "keep this highlight" in said, said
