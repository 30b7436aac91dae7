"""Pages of a Zim desktop wiki (its .txt files) handed in as they are: a header ("Content-Type:
text/x-zim-wiki", "Wiki-Format", "Creation-Date"), a "====== Title ======" and its "Created …"
line, headings whose levels run the other way round from MediaWiki's, "* " and "1. " items
nested a TAB a level, "[ ]" / "[*]" / "[x]" boxes, pipe tables with a "|:---|---:|" row,
"'''" verbatim blocks, "{{{code:" objects, **bold**, //italics//, __highlights__, ~~struck~~
words, ''verbatim'', ^{sup}, _{sub}, [[links]], {{images}} and @tags. Read as MediaWiki or
DokuWiki the header was a paragraph, the lists text and the marks stayed raw; read as Zim's
they are what they stand for, and struck words are the writer's deletion."""

from __future__ import annotations

import time

from questions.generate import generate_document
from questions.parse.dokuwiki import is_dokuwiki
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document
from questions.parse.zim import is_zim, zim_as_markdown

ZIM = """Content-Type: text/x-zim-wiki
Wiki-Format: zim 0.6
Creation-Date: 2025-03-04T21:12:00+01:00

====== Linux admin ======
Created Tuesday 04 March 2025

@linux @lpic

===== Signals =====
|Signal |Number|Default action|
|:------|-----:|:------------:|
|SIGHUP |     1|terminate     |
|SIGKILL|     9|terminate     |
|SIGTERM|    15|terminate     |
|SIGSTOP|    19|stop          |
* **SIGKILL** can never be caught or ignored by the process
* ''kill'' sends signal ~~9~~ 15 unless told otherwise

==== Runlevels ====
* runlevel **1** is single user mode
	* the matching systemd target is ''rescue.target''
	* //emergency.target// starts even fewer services
* runlevel **5** starts the graphical login
	1. it maps to ''graphical.target''
	2. ''systemctl get-default'' prints the current target
* the mount table lives in ''/etc/fstab'' — see [[Linux:Disks|the disks page]] and [[+Mounts]] @todo

===== Shells =====
'''
echo $SHELL
chsh -s /bin/zsh
'''
{{{code: lang="sh" linenumbers="True"
export PATH="$HOME/bin:$PATH"
}}}
{{./pasted_image.png?width=480}}
__Bash__ reads ''~/.bashrc'' for each interactive non-login shell
A 2^{10} byte block and H_{2}O are written with marks

--------------------

===== Plan =====
[*] read the boot chapter
[ ] redo the permissions drills
[x] lab on LVM
[ ] book the exam

Related: [[Certs:LPIC:Shells]] · [[Journal:2025:03:04]]
"""
LINES = ZIM.split("\n")

#: the same page as Zim shows it when its header is left off in a copy
HEADERLESS = """====== Cron ======
Created Monday 03 March 2025

Each user has a table of jobs.
	* ''crontab -e'' edits the user's table
		* the fifth field is the **day of the week**
	* ''/etc/cron.d'' holds //system// tables
"""

#: a DokuWiki page: its items are indented two spaces, its tables have "^" headers
DOKUWIKI = """====== Backups ======
  * //rsync// copies only the changed blocks
  * ''tar'' keeps the permissions
^ Tool ^ Use ^
| rsync | sync |
"""

MARKDOWN = """# Backups

* *rsync* copies only the changed blocks
* `tar` keeps the permissions
"""

RAW_MARKS = (
    "''", "//", "**", "__", "~~", "[[", "]]", "{{", "}}", "^{", "_{", "@linux", "@todo",
    "[*]", "Content-Type", "Wiki-Format", "Creation-Date", "Created Tuesday", "======",
)  # fmt: skip


def _doc() -> Document:
    return parse_document(ZIM, "Linux_admin.txt")


def _block(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


def test_headings_become_sections_under_the_page_title() -> None:
    doc = _doc()
    assert doc.title == "Linux admin"
    keys = [s.key for s in doc.sections if s.level > 1]
    assert keys == ["Signals", "Signals › Runlevels", "Shells", "Plan"], keys
    levels = {s.heading: s.level for s in doc.sections}
    assert levels["Signals"] == 2 and levels["Runlevels"] == 3
    assert (
        next(s for s in doc.sections if s.heading == "Shells").line
        == LINES.index("===== Shells =====") + 1
    )


def test_the_header_created_line_tags_and_images_are_skipped_not_asked() -> None:
    doc = _doc()
    skipped = {(n.reason, n.text) for n in doc.noise}
    for line in (
        "Content-Type: text/x-zim-wiki",
        "Wiki-Format: zim 0.6",
        "Creation-Date: 2025-03-04T21:12:00+01:00",
        "Created Tuesday 04 March 2025",
        "@linux @lpic",
        "{{./pasted_image.png?width=480}}",
    ):
        assert ("zim metadata", line) in skipped, skipped
    related = "Related: [[Certs:LPIC:Shells]] · [[Journal:2025:03:04]]"
    assert ("zim links", related) in skipped
    texts = " ".join(b.text for b in doc.blocks)
    assert "zim-wiki" not in texts and "March 2025" not in texts and "Related" not in texts


def test_no_raw_markup_in_any_prompt_or_choice() -> None:
    result = generate_document("Linux_admin.txt", ZIM)
    assert len(result.chosen) >= 5
    for _, q in result.chosen:
        for text in (q.prompt.replace("___", ""), *q.choices):
            assert not any(mark in text for mark in RAW_MARKS), (q.prompt, q.choices)
    texts = [b.text for b in _doc().blocks if b.kind != "code"]
    assert not any(mark in t for t in texts for mark in RAW_MARKS), texts


def test_a_table_row_is_asked_with_the_key_from_its_row() -> None:
    result = generate_document("Linux_admin.txt", ZIM)
    rows = {n: line for n, line in enumerate(LINES, 1) if line.startswith("|SIG")}
    keyed = [q for _, q in result.chosen if q.source is not None and q.source.line in rows]
    assert keyed, [(q.prompt, q.choices) for _, q in result.chosen]
    for q in keyed:
        assert q.source is not None
        assert q.answer_text in rows[q.source.line], (q.prompt, q.answer_text)
    block = next(b for b in _doc().blocks if b.table is not None)
    assert block.section.key == "Signals" and block.section.level == 2
    table = block.table
    assert table is not None and table.header == ("Signal", "Number", "Default action")
    assert table.rows[1] == ("SIGKILL", "9", "terminate")
    assert list(table.lines) == sorted(rows)


def test_a_known_fact_is_asked_with_the_right_key() -> None:
    result = generate_document("Linux_admin.txt", ZIM)
    kill = LINES.index("* ''kill'' sends signal ~~9~~ 15 unless told otherwise") + 1
    asked = [q for _, q in result.chosen if q.source is not None and q.source.line == kill]
    assert asked, [(q.prompt, q.source) for _, q in result.chosen]
    for q in asked:  # the struck "9" is no answer: the writer took it back
        assert q.answer_text == "15" and "9" not in q.prompt, (q.prompt, q.choices)


def test_struck_words_are_the_writers_deletion() -> None:
    kill = _block(_doc(), "kill sends signal")
    assert kill.text == "kill sends signal 15 unless told otherwise"
    assert "kill" in kill.inline.code


def test_inline_marks_become_markdown_marks() -> None:
    doc = _doc()
    sigkill = _block(doc, "SIGKILL can never")
    assert "SIGKILL" in sigkill.inline.strong
    fstab = _block(doc, "the mount table lives in /etc/fstab")
    assert fstab.text == "the mount table lives in /etc/fstab — see the disks page and Mounts"
    bash = _block(doc, "Bash reads")
    assert bash.text.startswith("Bash reads ~/.bashrc for each") and "~/.bashrc" in bash.inline.code
    assert "A 2^10 byte block and H2O" in " ".join(b.text for b in doc.blocks)


def test_tab_lists_nest_and_numbered_items_are_ordered() -> None:
    doc = _doc()
    rescue = _block(doc, "the matching systemd target is rescue.target")
    assert rescue.kind == "item" and rescue.depth == 2
    assert rescue.parent is not None and rescue.parent.text == "runlevel 1 is single user mode"
    graphical = _block(doc, "it maps to graphical.target")
    assert graphical.depth == 2 and graphical.ordered
    assert graphical.parent is not None and graphical.parent.text.startswith("runlevel 5")


def test_boxes_are_a_to_do_list() -> None:
    doc = _doc()
    plan = range(LINES.index("===== Plan =====") + 2, len(LINES))
    tasks = [n for n in doc.noise if n.line in plan and n.reason in ("TODO", "study log")]
    assert len(tasks) == 4, doc.noise
    asked = generate_document("Linux_admin.txt", ZIM).chosen
    assert not [q for _, q in asked if q.source is not None and q.source.line in plan]
    out, _ = zim_as_markdown(LINES)
    assert out[LINES.index("[*] read the boot chapter")] == "- [x] read the boot chapter"
    assert out[LINES.index("[ ] book the exam")] == "- [ ] book the exam"


def test_verbatim_blocks_and_code_objects_are_code() -> None:
    doc = _doc()
    verbatim, obj = (b for b in doc.blocks if b.kind == "code")
    assert verbatim.code == "echo $SHELL\nchsh -s /bin/zsh\n"
    assert obj.lang == "sh" and obj.code.strip() == 'export PATH="$HOME/bin:$PATH"'
    assert verbatim.line == LINES.index("'''") + 1


def test_each_line_keeps_its_line() -> None:
    out, _ = zim_as_markdown(LINES)
    assert len(out) == len(LINES)
    assert out[LINES.index("|SIGKILL|     9|terminate     |")] == "| SIGKILL | 9 | terminate |"
    assert out[LINES.index("|:------|-----:|:------------:|")] == "| :--- | ---: | :---: |"
    doc = _doc()
    for start, line in (
        ("SIGKILL can never", "* **SIGKILL** can never be caught or ignored by the process"),
        ("emergency.target starts", "\t* //emergency.target// starts even fewer services"),
        ("it maps to", "\t1. it maps to ''graphical.target''"),
    ):
        assert _block(doc, start).line == LINES.index(line) + 1, start


def test_a_zim_page_is_read_before_dokuwiki_would_claim_it() -> None:
    assert is_dokuwiki(HEADERLESS.split("\n"))  # "======", ''mono'' and //italics//
    assert is_zim(HEADERLESS.split("\n"))  # the "Created" line under the title is Zim's
    doc = parse_document(HEADERLESS, "Cron.txt")
    assert doc.title == "Cron"
    day = _block(doc, "the fifth field is the day of the week")
    assert day.depth == 2 and day.parent is not None
    assert day.parent.text == "crontab -e edits the user's table"
    assert ("zim metadata", "Created Monday 03 March 2025") in {
        (n.reason, n.text) for n in doc.noise
    }


def test_a_page_not_zims_is_left_as_it_was() -> None:
    for text in (DOKUWIKI, MARKDOWN, "====== Backups ======\n* plain words\n"):
        lines = text.split("\n")
        assert not is_zim(lines)
        assert zim_as_markdown(lines) == (lines, [])
    doku = parse_document(DOKUWIKI, "backups.txt")
    assert not any(n.reason.startswith("zim") for n in doku.noise)
    assert any(b.table is not None for b in doku.blocks)
    assert not is_zim([" Content-Type: text/x-zim-wiki"]) and not is_zim([])
    # the same items on a page Zim marks as its own are read as Zim's
    zim = parse_document("Content-Type: text/x-zim-wiki\n\n" + DOKUWIKI, "backups.txt")
    rsync = _block(zim, "rsync copies only the changed blocks")
    assert rsync.kind == "item" and "zim metadata" in {n.reason for n in zim.noise}


def test_hostile_lines_run_in_linear_time() -> None:
    hostile = [
        "''" * 10000,
        "''a'" * 5000,
        "~~" * 10000,
        "//a:" * 5000,
        "**" * 10000,
        "**a*" * 5000,
        "__" * 10000,
        "[[" * 10000,
        "{{" * 10000,
        "^{" * 10000,
        "_{" * 10000,
        "=" * 20000,
        "|" + "-" * 20000 + "a|",
        "|" * 20000,
        "\t" * 20000 + "x",
        "x" + " @a" * 10000 + " y",
        "@a " * 10000 + "y",
        "a://" * 5000,
        "http://" + "." * 20000,
        "[[" + "a:" * 10000 + "]]",
    ]
    for line in hostile:
        page = ["Content-Type: text/x-zim-wiki", "", "====== Page ======", "", line, ""]
        started = time.process_time()
        doc = parse_document("\n".join(page), "hostile.txt")
        assert time.process_time() - started < 2.0, line[:20]
        assert doc.title == "Page"
    many = ["Content-Type: text/x-zim-wiki", ""] + ["'''", "{{{code: x"] * 5000
    started = time.process_time()
    out, _ = zim_as_markdown(many)
    assert time.process_time() - started < 2.0 and len(out) == len(many)


def test_a_page_of_one_long_struck_run_parses_in_bounded_time() -> None:
    # (session 39's hostile run: a run of "~~" reached the paragraph-line check as one word of
    # 20,000 characters, and its pattern went back over the line from each start: 8 s)
    page = (
        "Content-Type: text/x-zim-wiki\nWiki-Format: zim 0.6\n\n====== T ======\n"
        + "~~" * 10_000
        + "\nNext line\n"
    )
    start = time.process_time()
    parse_document(page * 2, "zim.txt")
    assert time.process_time() - start < 2.5
