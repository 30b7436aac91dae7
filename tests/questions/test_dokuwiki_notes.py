"""Notes written in DokuWiki markup (a team wiki's page) and handed in as they are: headings
whose levels run the other way round from MediaWiki's ("======" the page's title, "=====" a
section, "====" a section under it), tables of "^" header cells and "|" cells with ":::" for a
cell spanned from above, "  * " and "  - " items nested two spaces a level, "<code>" and
"<file>" blocks, ''mono'', //italics//, __underline__, ((footnotes)), [[ns:page|links]],
{{media}}, "<WRAP>" boxes and "~~NOTOC~~". Read as MediaWiki the sections nested the wrong way
round and the tables and marks stayed raw; read as DokuWiki they are what they stand for."""

from __future__ import annotations

import time

from questions.generate import generate_document
from questions.parse.dokuwiki import dokuwiki_as_markdown, is_dokuwiki
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document

DOKU = """~~NOTOC~~
====== LPIC-1 study notes ======
//Shared page: add to it, don't rewrite other people's bits.//

<WRAP tip>
Two exams, 101 and 102, **60 questions** each in 90 minutes; the pass mark is **500** of 800.((Check the LPI site before booking.))
</WRAP>

===== Boot and runlevels =====
^ Runlevel ^ systemd target ^ Meaning ^
| 0 | poweroff.target | halt the machine |
| 1 | rescue.target | single user mode |
| 3 | multi-user.target | text mode with networking |
| 5 | graphical.target | graphical login |
| 6 | reboot.target | restart the machine |

==== Boot order ====
  - the firmware (BIOS or UEFI) runs the power-on self test
  - the bootloader ''GRUB 2'' loads the kernel and the initramfs
  - the kernel starts ''/sbin/init'' as PID **1**
    - on current distributions that program is //systemd//

===== Files and permissions =====

==== Special bits ====
^ Bit ^ Octal ^ On a file ^ On a directory ^
| SUID | 4000 | runs with the owner's rights | no effect |
| SGID | 2000 | runs with the group's rights | new files inherit the group |
| sticky | 1000 | no effect | only the owner may delete |
The default ''umask'' is **022**, so new files get mode 644.
  * ''chmod u+s'' sets the __SUID__ bit
  * ''chmod o+t'' sets the sticky bit
    * ''/tmp'' carries it out of the box

==== Link kinds ====
^ ^ Hard link ^ Symbolic link ^
^ Crosses filesystems | no | yes |
^ Has its own inode | no | yes |
^ Survives removing the target | yes | no |

<code bash>
ln notes.txt hard.txt
ln -s notes.txt soft.txt
== not a heading ==
</code>

<file ini fstab-example>
UUID=0a1b /home ext4 defaults 0 2
</file>

===== Package managers =====
^ Family ^ Low level tool ^ High level tool ^
| Debian | dpkg | apt |
| Red Hat | rpm | dnf |
| SUSE | ::: | zypper |
See [[linux:packages:debian|the Debian page]] and {{linux:apt-flow.png|apt flow}} for more.
"""
LINES = DOKU.split("\n")

MEDIAWIKI = """== Shells ==
The default shell on most distributions is '''bash'''.
=== Startup files ===
* ''~/.bashrc'' runs for interactive shells
{| class="wikitable"
! File !! When
|-
| /etc/profile || login shells
|}
[[Category:Linux]]
"""

MARKDOWN = """# Shells

## Startup files

* `~/.bashrc` runs for interactive shells
  * nested item
- **bold** and ''quotes''

| File | When |
|---|---|
| /etc/profile | login shells |
"""

RAW_MARKS = ("''", "^", "//", "<code", "<file", "<WRAP", "((", "{{", "[[", ":::", "~~")


def _doc() -> Document:
    return parse_document(DOKU, "lpic.md")


def _block(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


def test_headings_run_the_other_way_round() -> None:
    doc = _doc()
    assert doc.title == "LPIC-1 study notes"
    keys = [s.key for s in doc.sections]
    for key in (
        "Boot and runlevels",
        "Boot and runlevels › Boot order",
        "Files and permissions › Special bits",
        "Files and permissions › Link kinds",
        "Package managers",
    ):
        assert key in keys, keys
    levels = {s.heading: s.level for s in doc.sections}
    assert levels["Files and permissions"] == 2 and levels["Special bits"] == 3
    assert not any("=" in k for k in keys), keys


def test_tables_have_their_headers_and_spanned_cells() -> None:
    tables = [b.table for b in _doc().blocks if b.table is not None]
    assert len(tables) == 4
    runlevels, bits, links, packages = tables
    assert runlevels.header == ("Runlevel", "systemd target", "Meaning")
    assert runlevels.rows[1] == ("1", "rescue.target", "single user mode")
    assert bits.header == ("Bit", "Octal", "On a file", "On a directory")
    assert bits.rows[2] == ("sticky", "1000", "no effect", "only the owner may delete")
    assert links.header[1:] == ("Hard link", "Symbolic link")
    assert links.rows[0] == ("Crosses filesystems", "no", "yes")  # a row's "^" header cell
    assert packages.rows[2] == ("SUSE", "rpm", "zypper")  # ":::" spans the cell above


def test_a_question_is_keyed_from_a_table_row_on_its_line() -> None:
    result = generate_document("lpic.md", DOKU)
    asked = [q for _, q in result.chosen if q.source is not None]
    rows = {n: line for n, line in enumerate(LINES, 1) if line.startswith("| ")}
    keyed = [q for q in asked if q.source and q.source.line in rows]
    assert keyed, [(q.prompt, q.choices) for q in asked]
    for q in keyed:  # the answer is a cell of the row the question points at
        assert q.source is not None
        assert q.answer_text in rows[q.source.line], (q.prompt, q.answer_text, q.source.line)
    table = next(b.table for b in _doc().blocks if b.table is not None)
    rows = [n for n, line in enumerate(LINES, 1) if line.startswith("| ")][:5]
    assert list(table.lines) == rows


def test_no_raw_markup_in_any_prompt_or_choice() -> None:
    result = generate_document("lpic.md", DOKU)
    for _, q in result.chosen:
        for text in (q.prompt, *q.choices):
            assert not any(mark in text for mark in RAW_MARKS), (q.prompt, q.choices)
    assert len(result.chosen) >= 5
    texts = [b.text for b in _doc().blocks]
    assert not any(mark in t for t in texts for mark in RAW_MARKS), texts


def test_inline_marks_become_markdown_marks() -> None:
    doc = _doc()
    exams = _block(doc, "Two exams")
    assert "60 questions" in exams.inline.strong
    assert exams.text.endswith("(Check the LPI site before booking.)")
    umask = _block(doc, "The default umask")
    assert "umask" in umask.inline.code and "022" in umask.inline.strong
    assert _block(doc, "chmod u+s sets the SUID bit").kind == "item"
    assert _block(doc, "See the Debian page").text == "See the Debian page and for more."
    assert ("dokuwiki metadata", "~~NOTOC~~") in {(n.reason, n.text) for n in doc.noise}


def test_lists_nest_by_their_indent() -> None:
    doc = _doc()
    bootloader = _block(doc, "the bootloader GRUB 2")
    assert bootloader.kind == "item" and bootloader.ordered and bootloader.depth == 1
    systemd = _block(doc, "on current distributions")
    assert systemd.depth == 2 and systemd.ordered
    assert systemd.parent is not None and systemd.parent.text.startswith("the kernel starts")
    tmp = _block(doc, "/tmp carries it")
    assert tmp.depth == 2 and not tmp.ordered
    assert tmp.parent is not None and tmp.parent.text == "chmod o+t sets the sticky bit"


def test_code_and_file_blocks_are_code_as_they_are() -> None:
    doc = _doc()
    bash, ini = (b for b in doc.blocks if b.kind == "code")
    assert bash.lang == "bash" and "== not a heading ==" in bash.code
    assert bash.code.startswith("ln notes.txt hard.txt\nln -s notes.txt soft.txt")
    assert ini.code.strip() == "UUID=0a1b /home ext4 defaults 0 2"
    assert not any("not a heading" in s.key for s in doc.sections)


def test_each_line_keeps_its_line() -> None:
    out, _ = dokuwiki_as_markdown(LINES)
    assert len(out) == len(LINES)
    assert out[LINES.index("  * ''chmod o+t'' sets the sticky bit")] == (
        "- `chmod o+t` sets the sticky bit"
    )
    assert out[LINES.index("| Debian | dpkg | apt |")] == "| Debian | dpkg | apt |"
    doc = _doc()
    for start, line in (
        ("The default umask", "The default ''umask'' is **022**, so new files get mode 644."),
        ("chmod o+t sets", "  * ''chmod o+t'' sets the sticky bit"),
        ("on current distributions", "    - on current distributions that program is //systemd//"),
    ):
        assert _block(doc, start).line == LINES.index(line) + 1, start


def test_mediawiki_and_markdown_read_as_before_dokuwiki_its_own_way() -> None:
    for text in (MEDIAWIKI, MARKDOWN):
        lines = text.split("\n")
        assert not is_dokuwiki(lines)
        assert dokuwiki_as_markdown(lines) == (lines, [])
    wiki = parse_document(MEDIAWIKI, "shells.md")
    assert [s.key for s in wiki.sections if s.level] == ["Shells", "Shells › Startup files"]
    assert any(b.table is not None for b in wiki.blocks)
    # the same headings with a DokuWiki table: "=====" under "======", no more the other way
    page = ["====== Shells ======", "===== Startup files =====", "^ File ^ When ^", "| a | b |"]
    doc = parse_document("\n".join(page), "shells.md")
    assert doc.title == "Shells" and [s.key for s in doc.sections if s.level == 2] == [
        "Startup files"
    ]


def test_hostile_lines_run_in_linear_time() -> None:
    hostile = [
        "^" * 20000,
        "''" * 10000,
        "((" * 10000,
        "=" * 20000,
        "  * " + "x" * 20000,
        "|" * 20000,
        "//" * 10000,
        "**" * 10000,
        "[[" * 10000,
        "%%" * 10000,
        "<del>" * 4000,
    ]
    for line in hostile:
        page = ["====== Page ======", "", "===== Part =====", "^ Key ^ Value ^", "| a | b |"]
        page += ["", line, ""]
        started = time.process_time()
        doc = parse_document("\n".join(page), "hostile.md")
        generate_document("hostile.md", "\n".join(page))
        assert time.process_time() - started < 2.5, line[:10]
        table = next(b.table for b in doc.blocks if b.table is not None)
        assert table.header == ("Key", "Value"), line[:10]
