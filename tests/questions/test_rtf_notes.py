"""Notes saved as RTF by TextEdit, WordPad or Word (questions/parse/rtf.py): control words,
groups and text, the font, colour and list tables first. Read as Markdown the control words
reached the questions' stems; read as RTF the words are the notes' paragraphs, bold a
heading, list paragraphs items, tab-stop rows a table, Courier lines code."""

from __future__ import annotations

import time

from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document
from questions.parse.rtf import is_rtf, rtf_as_markdown

# TextEdit's file, tabs written as the character itself
TEXTEDIT = r"""{\rtf1\ansi\ansicpg1252\cocoartf2761
\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss\fcharset0 Helvetica;\f1\fswiss\fcharset0 Helvetica-Bold;\f2\fmodern\fcharset0 Courier;
}
{\colortbl;\red255\green255\blue255;\red200\green0\blue0;}
{\*\expandedcolortbl;;\cssrgb\c80000\c0\c0;}
{\*\listtable{\list\listtemplateid1\listhybrid{\listlevel\levelnfc23\levelnfcn23\leveljc0\leveljcn0\levelfollow0\levelstartat1\levelspace360\levelindent0{\*\levelmarker \{disc\}}{\leveltext\leveltemplateid1\'01\'95;}{\levelnumbers;}\fi-360\li720\lin720 }{\listname ;}\listid1}
{\list\listtemplateid2\listhybrid{\listlevel\levelnfc0\levelnfcn0\leveljc0\leveljcn0\levelfollow0\levelstartat1\levelspace360\levelindent0{\*\levelmarker \{decimal\}.}{\leveltext\leveltemplateid101\'02\'00.;}{\levelnumbers\'01;}\fi-360\li720\lin720 }{\listname ;}\listid2}}
{\*\listoverridetable{\listoverride\listid1\listoverridecount0\ls1}{\listoverride\listid2\listoverridecount0\ls2}}
\paperw11900\paperh16840\margl1440\margr1440\vieww11520\viewh8400\viewkind0
\pard\tx720\tx1440\tx2160\tx2880\pardirnatural\partightenfactor0

\f1\b\fs36 \cf0 Linux admin \'97 exam notes
\f0\b0\fs24 \
\
\f1\b\fs28 Signals
\f0\b0\fs24 \
\pard\tx1440\tx2880\pardirnatural\partightenfactor0
\f1\b Signal<TAB>Number<TAB>Default action\
\f0\b0 SIGHUP<TAB>1<TAB>terminate\
SIGKILL<TAB>9<TAB>terminate\
SIGTERM<TAB>15<TAB>terminate\
SIGSTOP<TAB>19<TAB>stop\
\pard\tx720\tx1440\tx2160\tx2880\pardirnatural\partightenfactor0
\cf0 \
\f1\b SIGKILL\f0\b0  can never be caught or ignored by a process \uc0\u8594  the kernel ends it at once.\
The command \f2 kill\f0  sends \cf2 SIGTERM\cf0  unless it is told otherwise.\
\
\f1\b\fs28 Boot targets
\f0\b0\fs24 \
\pard\tx220\tx720\li720\fi-720\pardirnatural\partightenfactor0
\ls1\ilvl0\cf0 {\listtext<TAB>\'95<TAB>}\f2 rescue.target\f0  is single user mode with the root filesystem mounted\
\pard\tx940\tx1440\li1440\fi-1440\pardirnatural\partightenfactor0
\ls1\ilvl1{\listtext<TAB>\uc0\u8259 <TAB>}it took the place of runlevel \i one\i0 \
\pard\tx220\tx720\li720\fi-720\pardirnatural\partightenfactor0
\ls1\ilvl0{\listtext<TAB>\'95<TAB>}\f2 graphical.target\f0  starts the \ul display manager\ulnone \
\pard\tx720\tx1440\tx2160\tx2880\pardirnatural\partightenfactor0
\cf0 \
Changing the default target:\
\pard\tx220\tx720\li720\fi-720\pardirnatural\partightenfactor0
\ls2\ilvl0\cf0 {\listtext<TAB>1.<TAB>}run \f2 systemctl get-default\f0  to print the current one\
{\listtext<TAB>2.<TAB>}run \f2 systemctl set-default multi-user.target\f0  as root\
\pard\tx720\tx1440\tx2160\tx2880\pardirnatural\partightenfactor0
\cf0 \
\f1\b\fs28 Shells
\f0\b0\fs24 \
The login shell of a user is the last field of \f2 /etc/passwd\f0 . Bash reads \f1\b ~/.bashrc\f0\b0  for each interactive non-login shell.\
\pard\tx720\tx1440\tx2160\tx2880\pardirnatural\partightenfactor0
\f2\fs22 echo $SHELL\
chsh -s /bin/zsh\
\f0\fs24 \
Escapes: braces \{ \} and a backslash \\ in a note, caf\'e9 and {\uc1 na\u239?ve} text \f3 \uc0\u55357 \u56832 \f0 .\
}""".replace("<TAB>", "\t")

SECTIONS = ["Signals", "Boot targets", "Shells"]


def _line_of(text: str, words: str) -> int:
    """The 1-based line of the notes that holds the words."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if words in line)


def test_headings_become_sections_on_their_lines() -> None:
    doc = parse_document(TEXTEDIT, "linux.rtf")
    assert doc.title == "Linux admin — exam notes"  # the largest bold line, a lone "#"
    heads = [s for s in doc.sections if s.level == 2]
    assert [s.heading for s in heads] == SECTIONS
    for s in heads:
        assert s.line == _line_of(TEXTEDIT, f"\\fs28 {s.heading}")


def test_control_words_never_reach_a_prompt_or_a_choice() -> None:
    bank, _ = generate_from_texts([("linux.rtf", TEXTEDIT)], "linux")
    assert len(bank.questions) >= 4
    for q in bank.questions:
        for text in (q.prompt, *q.choices, q.explanation):
            assert "\\" not in text and "{" not in text and "}" not in text, text
            assert "fonttbl" not in text and "cocoa" not in text and "listtext" not in text
    keys = {q.answer_text for q in bank.questions}
    assert keys & {"SIGHUP", "SIGKILL", "SIGTERM", "SIGSTOP", "1", "9", "15", "19"}
    nine = [q for q in bank.questions if "9" in q.prompt and "SIGKILL" in q.choices]
    assert all(q.answer_text == "SIGKILL" for q in nine)
    nine_asked = [q for q in bank.questions if "SIGKILL" in q.prompt and "9" in q.choices]
    assert all(q.answer_text == "9" for q in nine_asked)
    assert nine or nine_asked
    assert {q.topic.split(" › ")[0] for q in bank.questions} <= set(SECTIONS)


def test_a_tab_stop_table_is_a_table_whose_rows_keep_their_lines() -> None:
    doc = parse_document(TEXTEDIT, "linux.rtf")
    block = next(b for b in doc.blocks if b.kind == "table")
    assert block.table is not None
    assert block.table.header == ("Signal", "Number", "Default action")  # no "**"
    assert ("SIGKILL", "9", "terminate") in block.table.rows
    out, _ = rtf_as_markdown(TEXTEDIT.split("\n"))
    lines = TEXTEDIT.split("\n")
    assert len(out) == len(lines)
    for name in ("SIGHUP", "SIGKILL", "SIGTERM", "SIGSTOP"):
        n = next(k for k, line in enumerate(lines) if line.startswith(("\\f0\\b0 " + name, name)))
        assert out[n].startswith(f"| {name} |"), out[n]
    header = next(k for k, line in enumerate(lines) if "Signal\tNumber" in line)
    assert out[header - 1] == "| Signal | Number | Default action |"  # onto the \pard line
    assert out[header] == "| --- | --- | --- |"


def test_list_paragraphs_are_items_at_their_levels() -> None:
    doc = parse_document(TEXTEDIT, "linux.rtf")
    items = {b.text: b for b in doc.blocks if b.kind == "item"}
    rescue = items["rescue.target is single user mode with the root filesystem mounted"]
    assert rescue.inline.code == ("rescue.target",) and not rescue.ordered
    nested = items["it took the place of runlevel one"]
    assert nested.depth == rescue.depth + 1 and nested.parent is not None
    assert nested.parent.text.startswith("rescue.target")
    steps = [b for b in doc.blocks if b.kind == "item" and b.ordered]
    assert [b.number for b in steps] == [1, 2]
    assert steps[1].text == "run systemctl set-default multi-user.target as root"
    for b in doc.blocks:
        assert "listtext" not in b.text and "•" not in b.text and "⁃" not in b.text


def test_marks_escapes_and_code() -> None:
    doc = parse_document(TEXTEDIT, "linux.rtf")
    texts = [b.text for b in doc.blocks]
    arrow = next(b for b in doc.blocks if b.text.startswith("SIGKILL can never"))
    assert "SIGKILL" in arrow.inline.strong and "→ the kernel ends it at once." in arrow.text
    shell = next(b for b in doc.blocks if b.text.startswith("The login shell"))
    assert "/etc/passwd" in shell.inline.code and "~/.bashrc" in shell.inline.strong
    escapes = next(t for t in texts if t.startswith("Escapes"))
    assert escapes == "Escapes: braces { } and a backslash \\ in a note, café and naïve text 😀."
    code = next(b for b in doc.blocks if b.kind == "code")
    assert code.code.split("\n")[:2] == ["echo $SHELL", "chsh -s /bin/zsh"]
    assert code.line == _line_of(TEXTEDIT, "echo $SHELL") - 1  # its fence on the \pard line


def test_each_paragraph_is_on_the_line_its_words_start() -> None:
    lines = TEXTEDIT.split("\n")
    out, skipped = rtf_as_markdown(lines)
    assert len(out) == len(lines)
    doc = parse_document(TEXTEDIT, "linux.rtf")
    said = [b for b in doc.blocks if b.kind in ("paragraph", "item")]
    assert len(said) >= 8
    for b in said:
        word = max((w for w in b.text.split() if w.isalpha()), key=len)
        assert word in lines[b.line - 1], (b.line, b.text)
    reasons = {reason for _, reason, _ in skipped}
    assert {"rtf font table", "rtf colour table", "rtf list table", "rtf markup"} <= reasons
    table_line = _line_of(TEXTEDIT, "listtable")
    assert (table_line, "rtf list table") in {(n, r) for n, r, _ in skipped}


# WordPad's file: "\par" ends each paragraph, "{\pntext …}" marks a bullet, Word's heading
# style says its outline level, a table is "\cell" and "\row" over many lines of markup
WORDPAD = r"""{\rtf1\ansi\ansicpg1252\deff0\nouicompat\deflang1033{\fonttbl{\f0\fnil\fcharset0 Calibri;}{\f1\fnil\fcharset2 Symbol;}{\f2\fmodern\fprq1\fcharset0 Consolas;}}
{\*\generator Riched20 10.0.19041}\viewkind4\uc1
\pard\sa200\sl276\slmult1\b\fs32\lang9 Git basics\par
\b0\fs22 A commit records a snapshot of the staged files.\par
{\pntext\f1\'B7\tab}{\*\pn\pnlvlblt\pnf1\pnindent0{\pntxtb\'B7}}\fi-360\li720\sa200\sl276\slmult1 the command \f2 git add\f0  stages changes\par
{\pntext\f1\'B7\tab}the command \f2 git restore --staged\f0  unstages them\par
\pard\sa200\sl276\slmult1 The default branch of a new repository is called main since Git 2.28.\par
\pard\plain\s1\outlinelevel0\b\fs28 Merge strategies\par
\pard\plain\fs22
\trowd\trgaph108\cellx3000\cellx6000
\pard\intbl\b Strategy\cell Used when\cell\b0\row
\trowd\trgaph108\cellx3000\cellx6000
\pard\intbl fast-forward\cell the branch has no commits of its own\cell\row
\trowd\trgaph108\cellx3000\cellx6000
\pard\intbl ort\cell both branches have new commits\cell\row
\pard\par
A rebase rewrites the commits of the branch onto a new base.\par
}"""


def test_wordpad_and_word_rtf() -> None:
    doc = parse_document(WORDPAD, "git.rtf")
    assert [s.heading for s in doc.sections if s.level] == ["Git basics", "Merge strategies"]
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [b.text for b in items] == [
        "the command git add stages changes",
        "the command git restore --staged unstages them",
    ]
    table = next(b.table for b in doc.blocks if b.kind == "table")
    assert table is not None and table.header == ("Strategy", "Used when")
    assert ("ort", "both branches have new commits") in table.rows
    texts = {b.text for b in doc.blocks}
    assert "The default branch of a new repository is called main since Git 2.28." in texts
    assert "A rebase rewrites the commits of the branch onto a new base." in texts
    bank, _ = generate_from_texts([("git.rtf", WORDPAD)], "git")
    for q in bank.questions:
        for text in (q.prompt, *q.choices):
            assert "\\" not in text and "pntext" not in text and "cell" not in text, text


def test_a_table_with_no_line_for_its_rule_keeps_its_cells_on_their_lines() -> None:
    # a paragraph on the line above the header: no line is left for the table's rule
    squeezed = TEXTEDIT.replace(
        "\\pard\\tx1440\\tx2880\\pardirnatural\\partightenfactor0\n",
        "\\pard\\tx1440\\tx2880\\pardirnatural\\partightenfactor0 The common ones:\\\n",
    )
    doc = parse_document(squeezed, "linux.rtf")
    assert not any(b.kind == "table" for b in doc.blocks)
    texts = [b.text for b in doc.blocks]
    assert "SIGKILL — 9 — terminate" in texts and "Signal — Number — Default action" in texts
    lines = squeezed.split("\n")
    out, _ = rtf_as_markdown(lines)
    row = next(k for k, line in enumerate(lines) if line.startswith("SIGKILL\t"))
    assert out[row].endswith("SIGKILL — 9 — terminate")


def test_code_pages_and_unicode_escapes() -> None:
    cyrillic = "{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2 \\u8212? \\u-10179?\\u-8704?\\par}"
    out, _ = rtf_as_markdown([cyrillic])
    assert out == ["Привет — 😀"]
    assert [b.text for b in parse_document(cyrillic, "ru.rtf").blocks] == ["Привет — 😀"]
    lone = "{\\rtf1\\uc0 half \\u55357 pair and \\u99999999 big\\par}"
    assert rtf_as_markdown([lone])[0] == ["half pair and big"]
    fallback = "{\\rtf1 a\\u8594 ?b \\u8594\\'3fc {\\uc2\\u8594 xyd}\\par}"  # \\uc1 by default
    assert rtf_as_markdown([fallback])[0] == ["a→b →c →d"]


def test_files_that_are_no_rtf_come_back_unchanged() -> None:
    notes = ["# Notes", "", "TextEdit saves {\\rtf1 files", "- \\b bold \\b0 is RTF"]
    assert not is_rtf(notes)
    assert rtf_as_markdown(notes) == (notes, [])
    assert parse_document("\n".join(notes), "n.md").title == "Notes"
    rtf = "{\\rtf1\\ansi\n{\\b Notes}\\par\nTextEdit saves files\\par\n}"
    assert parse_document(rtf, "n.rtf").title == "Notes"
    assert is_rtf(["", "\ufeff  {\\rtf1\\ansi x}"])


def _hostile(n: int) -> list[str]:
    return [
        "{" * n + "deep" + "}" * n,
        "}" * n,
        "\\b" * n,
        "\\'" * n,
        "\\u-" * n,
        "\\bin999999999 " + "x" * n,
        "\\" * n,
        "{\\*" * (n // 3),
        "\\ls1\\ilvl999999 " + "{\\listtext\t1.\t}x\\par " * (n // 25),
        "a\t" * n + "\\par " + "b\t" * n,
        "\\uc10\\u8594 " * (n // 12),
        "{\\fonttbl\\f0\\fmodern " + "x" * n + "}",
        "{\\rtf1" * n,
    ]


def test_hostile_files_are_read_in_bounded_time() -> None:
    for body in _hostile(200_000):
        text = "{\\rtf1\\ansi\n\\pard Kept words\\par\n" + body + "\n\\par After\\par\n}"
        start = time.process_time()
        out, _ = rtf_as_markdown(text.split("\n"))
        assert time.process_time() - start < 3.0, body[:40]
        assert out[1].endswith("Kept words"), body[:40]
    for body in _hostile(2_000):  # what the reader writes reads on
        text = "{\\rtf1\\ansi\n\\pard Kept words\\par\n" + body + "\n\\par After\\par\n}"
        doc = parse_document(text, "h.rtf")
        assert any(b.text == "Kept words" for b in doc.blocks), body[:40]
