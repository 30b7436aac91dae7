"""An Amazon Kindle's "My Clippings.txt" (a byte-order mark, CRLF line ends): clippings closed by
"==========", each its book's title line, a detail line ("- Your Highlight on page 12 |
Location 180-182 | Added on …") and the clipped words. Read as Markdown, every detail line's page
and date was asked ("Your Highlight on page ___") and every section was named by the clipping
above its separator. questions/parse/kindle.py reads each book as a heading, each clipping as a
paragraph, and skips the details, bookmarks, the clipping-limit notice and the highlights Kindle
kept when one was extended or highlighted again."""

from __future__ import annotations

import time

from questions.generate import generate_document, generate_from_texts
from questions.parse.kindle import kindle_as_markdown
from questions.parse.markdown import parse_document

SEP = "=========="
REDIS = "Redis Field Manual: Second Edition (Dana Okafor)"
NET = "Linux-Networking_Pocket-Guide (Ivo Marsh)"


def clipping(book: str, details: str, *words: str) -> str:
    return "\n".join([book, details, "", *words, SEP]) + "\n"


CLIPPINGS = "".join([
    clipping(REDIS, "- Your Highlight on page 14 | Location 201-203 | Added on Monday, "
             "June 2, 2025 8:10:11 PM",
             "A single Redis string value can hold at most 512 MB of data."),
    clipping(REDIS, "- Your Note on page 14 | Location 203 | Added on Monday, June 2, 2025 "
             "8:11:40 PM", "string cap = 512 MB, keys too"),
    clipping(REDIS, "- Your Highlight on page 40 | Location 610-611 | Added on Monday, June 2, "
             "2025 9:02:05 PM", "Redis Cluster divides the key space into 16384 hash slots."),
    clipping(REDIS, "- Your Highlight on page 40 | Location 610-614 | Added on Monday, June 2, "
             "2025 9:05:19 PM", "Redis Cluster divides the key space into 16384 hash slots. "
             "A key is assigned to a slot by taking the CRC16 of the key modulo 16384."),
    clipping(REDIS, "- Your Bookmark on page 52 | Location 790 | Added on Tuesday, June 3, 2025 "
             "7:40:00 PM"),
    clipping(NET, "- Your Highlight on page 7 | Added on Wednesday, June 4, 2025 6:00:00 PM",
             "On Linux the default TCP keepalive time is 7200 seconds before the first probe "
             "is sent."),
    clipping(REDIS, "- Your Highlight on page 61 | Location 930-933 | Added on Thursday, "
             "June 5, 2025 9:15:42 PM", "Redis Sentinel listens on TCP port 26379 by default.",
             "Eviction policy: maxmemory-policy is set to noeviction by default."),
    clipping(REDIS, "- Your Highlight on page 70 | Location 1050-1052 | Added on Thursday, "
             "June 5, 2025 9:30:00 PM", " <You have reached the clipping limit for this item>"),
    clipping(REDIS, "- Your Highlight on page 14 | Location 201-203 | Added on Friday, June 6, "
             "2025 10:00:00 PM", "A single Redis string value can hold at most 512 MB of data."),
])  # fmt: skip
#: as a Kindle writes it: a byte-order mark, CRLF line ends
FILE = "\ufeff" + CLIPPINGS.replace("\n", "\r\n")
MARKS = ("Your Highlight", "Your Note", "Your Bookmark", "Location", "Added on", "page ___",
         "==", "clipping limit", "Dana Okafor", "<", "[0:00]")  # fmt: skip


def _asked(text: str) -> list[tuple[str, str, str]]:
    result = generate_document("My Clippings.txt", text)
    return [(q.prompt, q.choices[q.answer], " ".join(q.choices)) for _, q in result.chosen]


def test_each_book_is_a_section_and_no_clipping_names_one() -> None:
    doc = parse_document(FILE, "My Clippings.txt")
    headings = [s.heading for s in doc.sections if s.level]
    # a book read again after another is headed again; a file's name is words
    assert headings == [
        "Redis Field Manual: Second Edition",
        "Linux Networking Pocket Guide",
        "Redis Field Manual: Second Edition",
    ]
    paths = {b.text: b.section.path for b in doc.content}
    keepalive = next(t for t in paths if t.startswith("On Linux the default TCP keepalive"))
    assert paths[keepalive] == ("Linux Networking Pocket Guide",)
    assert paths["Redis Sentinel listens on TCP port 26379 by default."] == (
        "Redis Field Manual: Second Edition",
    )
    titles = [n.line for n in doc.noise if n.reason == "kindle book title"]
    assert titles == [6, 11, 16, 21, 36, 41]


def test_details_bookmarks_and_the_limit_notice_are_noise_and_never_asked() -> None:
    doc = parse_document(FILE, "My Clippings.txt")
    reasons = [n.reason for n in doc.noise]
    assert reasons.count("kindle clipping details") == 8
    assert reasons.count("kindle bookmark") == 1
    assert reasons.count("kindle clipping limit") == 1
    details = next(n for n in doc.noise if n.reason == "kindle clipping details")
    assert details.line == 2 and details.text.startswith("- Your Highlight on page 14")
    words = " ".join(b.text for b in doc.content)
    for mark in MARKS:
        assert mark not in words, mark
    asked = _asked(FILE)
    assert asked
    for prompt, _, choices in asked:
        for mark in MARKS:
            assert mark not in prompt and mark not in choices, (mark, prompt)


def test_a_fact_of_a_highlight_is_asked_with_its_key() -> None:
    result = generate_document("My Clippings.txt", FILE)
    asked = {q.prompt: (q.answer_text, q.source.line if q.source else 0) for _, q in result.chosen}
    keepalive = next(p for p in asked if "keepalive time is ___" in p)
    assert asked[keepalive] == ("7200 seconds", 28)
    # from the extended highlight, on its own line
    slots = next(p for p in asked if "key space into ___ hash slots" in p)
    assert asked[slots] == ("16384", 19)


def test_an_extended_or_repeated_highlight_is_read_once() -> None:
    doc = parse_document(FILE, "My Clippings.txt")
    skipped = {n.line: n.reason for n in doc.noise if n.reason.startswith("kindle highlight")}
    assert skipped == {14: "kindle highlight extended later", 44: "kindle highlight repeated"}
    texts = [b.text for b in doc.content]
    assert sum("16384 hash slots" in t for t in texts) == 1
    assert sum("512 MB of data" in t for t in texts) == 1
    assert any("CRC16 of the key modulo 16384" in t for t in texts)


def test_a_note_is_its_own_paragraph_and_each_line_of_a_clipping_its_own_note() -> None:
    doc = parse_document(FILE, "My Clippings.txt")
    by_line = {b.line: b.text for b in doc.blocks}
    assert by_line[4] == "A single Redis string value can hold at most 512 MB of data."
    assert 9 not in by_line or by_line[9] == "string cap = 512 MB, keys too"
    assert any(n.line == 9 for n in doc.noise) or 9 in by_line  # kept, then judged
    # a clipping over two paragraphs of the book: two notes, not one run-on sentence
    assert by_line[33] == "Redis Sentinel listens on TCP port 26379 by default."
    assert by_line[34] == "Eviction policy: maxmemory-policy is set to noeviction by default."


def test_a_chinese_kindle_and_markdown_in_the_words() -> None:
    book = "数据库系统概论 (王珊)"
    text = "".join([
        clipping(book, "- 您在第 12 页（位置 #180-182）的标注 | 添加于 2025年3月4日星期二 下午9:14:02",
                 "# of replicas is 3 by default in HDFS."),
        clipping(book, "- 您在位置 #180-186的标注 | 添加于 2025年3月4日星期二 下午9:20:02",
                 "# of replicas is 3 by default in HDFS. 1. NameNode keeps the metadata."),
        clipping(book, "- 您在位置 #186 的笔记 | 添加于 2025年3月4日星期二 下午9:21:00", "副本数默认是3"),
        clipping(book, "- 您在位置 #190 的书签 | 添加于 2025年3月4日星期二 下午9:22:00"),
        clipping(book, "- 您在位置 #200-201的标注 | 添加于 2025年3月5日星期三 下午9:00:00",
                 "1. Introduction", "---"),
    ])  # fmt: skip
    lines = text.split("\n")
    out, skipped = kindle_as_markdown(lines)
    assert len(out) == len(lines)
    assert out[0] == "# 数据库系统概论"
    reasons = {n: r for n, r, _ in skipped}
    assert reasons[4] == "kindle highlight extended later"
    assert reasons[17] == "kindle bookmark"
    doc = parse_document(text, "clippings.txt")
    assert doc.title == "数据库系统概论"
    texts = [b.text for b in doc.content]
    assert "# of replicas is 3 by default in HDFS. 1. NameNode keeps the metadata." in texts
    assert "副本数默认是3" in texts
    assert "1. Introduction" in texts and "---" in texts  # no list, no rule, no heading
    assert [b.kind for b in doc.content if b.text == "1. Introduction"] != ["heading"]


def test_files_that_are_no_clippings_are_left_alone() -> None:
    lines = CLIPPINGS.split("\n")
    assert kindle_as_markdown(lines)[0] != lines
    notes = [
        "Redis notes",
        SEP,
        "",
        "- Your turn: set maxmemory | then restart",
        "",
        "Some words.",
        SEP,
        "",
        "Sentinel watches the primary.",
    ]
    assert kindle_as_markdown(notes) == (notes, [])
    # a setext heading's underline over Markdown's own notes
    setext = ["Redis", SEP, "", "- port **6379**", "- cluster: 16384 slots"]
    assert kindle_as_markdown(setext) == (setext, [])
    doc = parse_document("\n".join(setext), "redis.md")
    assert doc.title == "Redis"
    assert not [n for n in doc.noise if n.reason.startswith("kindle")]
    # one clipping whose detail line names no kind of Kindle's is no clipping
    one = ["Title", "- seen at | somewhere", "", "words", SEP]
    assert kindle_as_markdown(one) == (one, [])


def test_generate_from_texts_reads_the_clippings() -> None:
    bank, _ = generate_from_texts([("My Clippings.txt", FILE)], "kindle")
    assert bank.questions
    for q in bank.questions:
        seen = " ".join([q.prompt, *q.choices, q.topic])
        for mark in MARKS:
            assert mark not in seen, (mark, seen)
    assert {q.topic for q in bank.questions} <= {
        "Redis Field Manual: Second Edition",
        "Linux Networking Pocket Guide",
    }


def test_hostile_clippings_are_read_in_bounded_time() -> None:
    same = clipping(REDIS, "- Your Highlight on page 1 | Location 10-12 | Added on x", "a " * 500)
    cases = [
        same * 3000,
        "".join(
            clipping(REDIS, "- Your Highlight | Location 10-12 | Added on x", "w " * n)
            for n in range(1, 2000)
        ),
        (REDIS + "\n- " + "|" * 200_000 + "\n\nx\n" + SEP + "\n") * 3,
        (REDIS + "\n- " + "a" * 200_000 + "\n\nx\n" + SEP + "\n") * 3,
        clipping("\x00" * 50, "- Your Note | Location 1 | Added", "\x00(" * 5000) * 200,
        (SEP + "\n") * 100_000,
        clipping(")" * 100_000, "- Your Highlight | Location 1", "x") * 3,
    ]
    for n, text in enumerate(cases):
        lines = text.split("\n")
        start = time.perf_counter()
        out, _ = kindle_as_markdown(lines)
        assert len(out) == len(lines)
        assert time.perf_counter() - start < 5
        assert n > 1 or out[0] == "# Redis Field Manual: Second Edition"  # read all the same
