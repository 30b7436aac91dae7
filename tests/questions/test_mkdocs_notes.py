"""Notes kept on an MkDocs Material site: boxes and tabs indent their bodies four spaces, which
plain Markdown reads as code (questions/parse/mkdocs.py)."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.mkdocs import mkdocs_as_markdown

ANSIBLE = """---
title: Ansible notes
tags:
  - ansible
---

# Ansible :material-ansible:

<div class="grid cards" markdown>

-   :material-console:{ .lg .middle } __Inventory__

    Hosts, groups, variables.

</div>

## Inventory

!!! note "Group variable precedence (lowest → highest)"
    - `all` group vars in the inventory file
    - `group_vars/all` files
    - `group_vars/<group>` files
    - `host_vars/<host>` files

Static inventories are INI or YAML files; dynamic inventories are plugins.

??? tip "Why inventory plugins"
    Inventory plugins replaced the old inventory scripts in Ansible 2.4 and cache their
    results between runs.

## Modules

=== "copy"

    - `copy` sends a file from the control node to the managed host
    - `backup: yes` keeps a timestamped copy of the file it replaces

=== "template"

    - `template` renders a Jinja2 file on the control node before sending it
    - a template's variables come from facts, inventory and `vars`

Press ++ctrl+c++ once to stop a playbook between tasks.

```yaml title="site.yml" hl_lines="2"
- hosts: web
  become: true # (1)!
```

1.  `become` switches to root with sudo by default.

*[YAML]: YAML Ain't Markup Language
"""


def _blocks(text: str) -> list[tuple[str, str, str]]:
    doc = parse_document(text, "ansible.md")
    return [(b.kind, b.section.heading, b.text) for b in doc.blocks]


def test_a_box_body_is_read_as_notes_not_code() -> None:
    blocks = _blocks(ANSIBLE)
    items = [text for kind, heading, text in blocks if kind == "item" and heading == "Inventory"]
    assert "`all` group vars in the inventory file".replace("`", "") in items
    assert "host_vars/<host> files" in items
    assert not [b for b in blocks if b[0] == "code" and "group_vars" in b[2]]
    prose = [text for kind, _, text in blocks if kind == "paragraph"]
    assert any(t.startswith("Inventory plugins replaced the old inventory scripts") for t in prose)


def test_a_box_title_leads_into_its_list_and_no_box_marker_is_read() -> None:
    doc = parse_document(ANSIBLE, "ansible.md")
    item = next(b for b in doc.blocks if b.kind == "item" and b.text.startswith("all group"))
    assert item.lead is not None
    assert item.lead.text == "Group variable precedence (lowest → highest):"
    texts = " ".join(b.text for b in doc.blocks)
    assert "!!!" not in texts and "???" not in texts and '=== "' not in texts
    assert "Why inventory plugins" not in texts  # a caption over prose, skipped
    assert any("admonition title" in n.reason for n in doc.noise)


def test_tabs_are_no_sections_and_their_bodies_are_read() -> None:
    doc = parse_document(ANSIBLE, "ansible.md")
    assert [s.heading for s in doc.sections if s.level and s.heading] == ["Inventory", "Modules"]
    items = {b.text for b in doc.blocks if b.kind == "item" and b.section.heading == "Modules"}
    assert "template renders a Jinja2 file on the control node before sending it" in items
    lead = next(b.lead for b in doc.blocks if b.text.startswith("copy sends"))
    assert lead is not None and lead.text == "copy:"


def test_icons_attributes_keys_annotations_and_abbreviations_read_as_shown() -> None:
    out, _ = mkdocs_as_markdown(ANSIBLE.split("\n"))
    shown = "\n".join(out)
    assert ":material-" not in shown and "{ .lg" not in shown and "++ctrl" not in shown
    assert "Press Ctrl+C once" in shown
    assert "become: true\n" in shown  # the annotation marker "# (1)!" is a button
    assert "- **YAML** – YAML Ain't Markup Language" in shown
    assert "-   __Inventory__" in shown  # a card stays an item, not indented code
    assert len(out) == len(ANSIBLE.split("\n"))


def test_no_question_shows_material_markup() -> None:
    result = generate_document("ansible.md", ANSIBLE)
    for _, q in result.chosen:
        for text in (q.prompt, *q.choices):
            assert not any(m in text for m in ("!!!", "???", '=== "', ":material-", "++", "(1)!"))


def test_markdown_without_boxes_is_unchanged() -> None:
    lines = ["## Kafka", "", "    indented code", "", "=== not a tab", "!!! not a box either"]
    assert mkdocs_as_markdown(lines) == (lines, [])


def test_a_box_inside_fenced_code_is_code() -> None:
    lines = ["```", '!!! note "x"', "    body", "```"]
    assert mkdocs_as_markdown(lines) == (lines, [])


def test_nested_boxes_are_unindented_level_by_level() -> None:
    lines = ['=== "Linux"', "", '    !!! warning "Paths"', "        - `/etc/ansible/hosts`", ""]
    out, _ = mkdocs_as_markdown(lines)
    assert out == ["", "", "Paths:", "- `/etc/ansible/hosts`", ""]


def test_hostile_lines_are_read() -> None:
    for line in ("!!! " * 5000, "=== " + '"' * 20000, ":material-" * 3000, "{ ." * 7000):
        out, _ = mkdocs_as_markdown(['!!! note "x"', "    y", line])
        assert len(out) == 3
