"""Notes typed in a plain-text editor and saved as Markdown: titles in capitals underlined
with "=====" or "-----", outlines indented with tabs under a lead-in line ("terraform init" over
"\t- downloads providers", "\to -upgrade : …"), tables drawn with "+----+" borders. CommonMark
reads such an outline as one long paragraph (or as code after a blank line) and a drawn
table as text; here they are read as the list and the table they stand for."""

from __future__ import annotations

import pytest

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.plain_text import as_markdown

OUTLINE = """TERRAFORM NOTES -- MY NOTES
===========================

COMMANDS (THE BIG LIST)
=======================
terraform init
\t- FIRST cmd in any new working dir
\t- downloads providers -> .terraform/providers
\to\t-upgrade : ignore lock file versions, get newest allowed

terraform fmt
\t- rewrites files to canonical style
\t- -check => dont write, exit nonzero if formatting needed

terraform validate
\t- checks syntax + internal consistency
\t- needs init first (needs provider schemas)

terraform plan
\t- -detailed-exitcode => 0 = no changes, 1 = error, 2 = changes
\t- -parallelism=n (default 10)

STATE AND BACKENDS
==================
why state exists (memorize):
\t1) mapping config -> real resources
\t2) metadata e.g. dependency order
\tnote: performance too, for big infra

+----------------------+----------------------------------------+
| cmd                  | what                                   |
+----------------------+----------------------------------------+
| terraform state list | list resource addresses in state       |
| terraform state rm   | forget resource; real infra NOT destroyed |
| terraform state pull | download remote state -> stdout        |
| terraform state push | upload local state to remote           |
+----------------------+----------------------------------------+

VARIABLES, OUTPUTS, LOCALS
==========================
locals are named values inside one module

MODULES AND REGISTRY
====================
the parent module only sees the child's OUTPUTS
"""


def test_a_tab_outline_under_a_line_is_a_list_led_in_by_it() -> None:
    doc = parse_document(OUTLINE, "tf.md")
    items = [b for b in doc.content if b.kind == "item"]
    init = [b.text for b in items if b.lead is not None and b.lead.text == "terraform init"]
    assert init == [
        "FIRST cmd in any new working dir",
        "downloads providers -> .terraform/providers",
        "-upgrade : ignore lock file versions, get newest allowed",
    ]
    # a numbered outline too; a line with no bullet as deep as the items is a note after
    # them, no part of the last one (a deeper one would go on with it)
    reasons = [b.text for b in items if b.text.startswith(("mapping", "metadata", "note"))]
    assert reasons == [
        "mapping config -> real resources",
        "metadata e.g. dependency order",
        "note: performance too, for big infra",
    ]
    assert as_markdown("x:\n\t- a\n\t\tgoes on\n").split("\n")[1:3] == ["- a", "  goes on"]


def test_each_command_of_the_outline_is_asked_by_what_its_lines_say() -> None:
    chosen = [q for _, q in generate_document("tf.md", OUTLINE).chosen]
    asked = [q for q in chosen if "which command" in q.prompt.lower()]
    assert len(asked) >= 4, [q.prompt for q in chosen]
    # one program's commands stay as written: "terraform init", not "Terraform init"
    assert all(c.startswith("terraform ") for q in asked for c in q.choices), asked


def test_a_drawn_table_is_a_table_of_its_rows() -> None:
    doc = parse_document(OUTLINE, "tf.md")
    tables = [b for b in doc.content if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].table is not None
    assert list(tables[0].table.header) == ["cmd", "what"]
    assert [r[0] for r in tables[0].table.rows] == [
        "terraform state list",
        "terraform state rm",
        "terraform state pull",
        "terraform state push",
    ]


def test_line_numbers_stay_those_of_the_notes() -> None:
    text = as_markdown(OUTLINE)
    assert text.count("\n") == OUTLINE.count("\n")
    before, after = OUTLINE.split("\n"), text.split("\n")
    for line in ("STATE AND BACKENDS", "VARIABLES, OUTPUTS, LOCALS"):
        assert after.index(line) == before.index(line)
    row = next(line for line in before if line.startswith("| terraform state rm"))
    assert after.index(row) == before.index(row)


def test_headings_in_capitals_spell_no_acronyms() -> None:
    # "OUTPUTS" and "LOCALS" are shouted words of a title, no topics to blank among others
    chosen = [q for _, q in generate_document("tf.md", OUTLINE).chosen]
    assert not any({"OUTPUTS", "LOCALS", "BACKENDS", "STATE"} & set(q.choices) for q in chosen), [
        q.prompt for q in chosen
    ]


@pytest.mark.parametrize(
    "markdown",
    [
        # a Markdown list nests by its indent already, a blank line or not
        "- item\n\n    - nested item\n    - another\n",
        "- item\n    - nested item\n",
        # an indented run with no bullet is code, or prose wrapped by hand
        'Intro:\n\n    resource "aws_instance" "web" {\n      ami = "x"\n    }\n',
        "Intro line\n    wrapped by hand\n",
        # a fence holds what it holds
        "```\n+---+---+\n| a | b |\n| c | d |\n+---+---+\n```\n",
    ],
)
def test_markdown_comes_back_as_it_was(markdown: str) -> None:
    assert as_markdown(markdown) == markdown


def test_lines_opened_by_an_arrow_or_a_colon_are_read_without_a_crash() -> None:
    # "=> precedence: …" splits to nothing before its first colon: no key, no crash
    notes = (
        "VARIABLES\n=========\n\n"
        "Intro line\n\n"
        "=> precedence: env < tfvars < auto.tfvars < -var\n"
        "=> lock file: providers only, commit it\n"
        ": a bare colon line\n"
    )
    result = generate_document("plain.md", notes)
    assert result.doc.sections


def test_a_stem_longer_than_a_round_allows_is_dropped() -> None:
    run_on = (
        "newer alternatives in config (no CLI needed): moved block (1.1) -> moved { from = "
        "aws_instance.a to = aws_instance.b } import block (1.5) -> import { to = "
        'aws_instance.web id = "i-0abc123" } + terraform plan -generate-config-out=generated.tf '
        "writes the resource block for you removed block (1.7) -> removed { from = "
        "aws_instance.old lifecycle { destroy = false } } old way import: terraform import "
        "aws_instance.web i-0abc123"
    )
    notes = f"# Notes\n\n## State\n\n{run_on}\n\n## Other\n\n- import block since 1.5\n"
    result = generate_document("n.md", notes)
    assert all(len(q.prompt) <= 300 for _, q in result.chosen)
    assert any(d.reason == "stem too long to read in a round" for d in result.dropped), [
        (d.reason, d.candidate.prompt[:60]) for d in result.dropped
    ]


SHEET = """# LPIC-1 glossary (exported from my sheet)

## 103.x text tools

command,what it does,common flags,exam note
cut,extract columns,"-d delimiter, -f fields","cut -d: -f1 /etc/passwd -> usernames"
uniq,dedupe ADJACENT lines,"-c count, -d only dups","needs sorted input -> sort | uniq -c"
tr,translate/delete chars,"-d delete, -s squeeze","reads stdin only"
tee,write stdin to file AND stdout,"-a append",

- a note after the sheet, with a comma, and another
"""


def test_a_sheet_pasted_as_csv_is_a_table_of_its_records() -> None:
    doc = parse_document(SHEET, "lpic.md")
    table = next(b for b in doc.content if b.kind == "table")
    assert table.table is not None
    assert list(table.table.header) == ["command", "what it does", "common flags", "exam note"]
    assert [r[0] for r in table.table.rows] == ["cut", "uniq", "tr", "tee"]
    assert table.table.rows[1][3] == "needs sorted input -> sort | uniq -c"
    lines, converted = SHEET.split("\n"), as_markdown(SHEET).split("\n")
    assert len(converted) == len(lines)
    row = lines.index('tr,translate/delete chars,"-d delete, -s squeeze","reads stdin only"')
    assert converted[row].startswith("| tr | translate/delete chars |")
    # a line of numbers and commas is prose, no sheet
    prose = "## Exam\n\n80 questions, 60 minutes, passing score 85%\n1 retake, 2 sessions, 3 tries\na, b, c\n"
    assert as_markdown(prose) == prose


def test_a_list_of_items_with_commas_is_no_sheet() -> None:
    items = (
        "## Security\n\n"
        "- Azure RBAC — role-based access control, applied at a scope, inherited downward\n"
        "- Zero Trust — never trust, always verify; least privilege, assume breach\n"
        "- Conditional Access — if/then policies on user, location, device\n"
    )
    assert as_markdown(items) == items


CORNELL = """# AP Bio

## 2. Glycolysis

| Cues / Questions | Notes |
|---|---|
| Where? | **cytosol** (cytoplasm) |
| Needs O₂? | NO — anaerobic |
| Key regulatory enzyme | **phosphofructokinase (PFK)** — allosteric |
| ATP structure | adenine + ribose + 3 phosphate groups |
| Energy coupling | exergonic rxn drives endergonic rxn |
"""


def test_a_row_keyed_by_a_question_names_no_thing() -> None:
    chosen = [q for _, q in generate_document("bio.md", CORNELL).chosen]
    for q in chosen:
        assert not any(c.endswith("?") for c in q.choices), (q.prompt, q.choices)
        assert "Where?" not in q.prompt and "Needs O₂?" not in q.prompt, q.prompt


def test_a_table_right_under_a_list_item_is_a_table() -> None:
    notes = (
        "# Networking\n\n## 109\n\n"
        "- IPv6: 128 bit, ::1 loopback, no broadcast (multicast instead)\n"
        "| port | service | proto |\n|---|---|---|\n"
        "| 22 | SSH | TCP |\n| 23 | Telnet | TCP |\n| 53 | DNS | UDP + TCP |\n"
    )
    doc = parse_document(notes, "net.md")
    item = next(b for b in doc.content if b.kind == "item")
    assert item.text == "IPv6: 128 bit, ::1 loopback, no broadcast (multicast instead)"
    table = next(b for b in doc.content if b.kind == "table")
    assert table.table is not None and [r[1] for r in table.table.rows] == ["SSH", "Telnet", "DNS"]
    assert len(as_markdown(notes).split("\n")) == len(notes.split("\n"))


def test_a_sheet_right_after_a_list_is_a_table() -> None:
    notes = (
        "# Networking\n\n## 109\n\n"
        "- IPv6: 128 bit, no broadcast (multicast instead)\n\n"
        "port,service,proto,exam note\n"
        '20/21,FTP,TCP,"20 data, 21 control"\n22,SSH,TCP,"scp + sftp too"\n23,Telnet,TCP,cleartext\n'
    )
    doc = parse_document(notes, "net.md")
    assert next(b for b in doc.content if b.kind == "item").text.startswith("IPv6: 128 bit")
    table = next(b for b in doc.content if b.kind == "table")
    assert table.table is not None and [r[1] for r in table.table.rows] == ["FTP", "SSH", "Telnet"]
