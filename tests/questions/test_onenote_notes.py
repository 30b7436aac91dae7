"""Notes copied out of Microsoft OneNote and pasted as plain text: a page's title over its date
and time lines, an outline indented by TABs with "•" / "o" / "▪" bullets, numbered lists, a
table as TAB-separated rows, "Pasted from <…>" and "Screen clipping taken: …" lines and note
tags before a TAB (questions/parse/onenote.py). Read as Markdown the dates were asked, an "o"
bullet was a word of the stem and the outline's nesting was lost."""

from __future__ import annotations

import time

from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document
from questions.parse.model import Block
from questions.parse.onenote import is_onenote, onenote_as_markdown

NOTES = """Network Ports
Monday, January 6, 2025
7:45 PM

Well-known ports
\t• SSH - TCP 22, encrypted remote shell
\t• Telnet - TCP 23, sends everything in cleartext
\t• RDP - TCP 3389, remote desktop to Windows hosts
\t• Secure protocols
\t\to HTTPS - TCP 443
\t\to LDAPS - TCP 636
\t\t\t▪ plain LDAP uses TCP 389
To Do\tmake flashcards for the whole ports list
Pasted from <https://example.org/well-known-ports>

Transport protocols
\tTCP\tUDP
Connection\tconnection-oriented, three-way handshake\tconnectionless
Header size\t20 bytes minimum\t8 bytes
Used by\tHTTP, SSH, SMTP\tDNS queries, DHCP, TFTP
Question\tdoes QUIC count as UDP?? check the book

Subnetting
Wednesday, January 8, 2025
21:10

Private ranges
1. 10.0.0.0/8 is the class A private block
2. 172.16.0.0/12 is the class B private block
3. 192.168.0.0/16 is the class C private block
\t• APIPA - 169.254.0.0/16, used when no DHCP server answers
\t\to only reachable on the local link
Important\ta /30 subnet leaves 2 usable hosts
Screen clipping taken: 08/01/2025 21:30

OSI layers
\t• Layer 2 - Data Link, switches forward frames by MAC address
\t• Layer 3 - Network, routers forward packets by IP address
\t\to TTL is decremented by every router
Definition\tMTU - the largest payload a frame carries, 1500 bytes on Ethernet
Encapsulation adds a header at each layer on the way down the stack.
"""


def _items(text: str) -> dict[str, Block]:
    doc = parse_document(text, "net.txt")
    return {b.text: b for b in doc.blocks if b.kind == "item"}


def test_pages_and_outline_titles_are_headings_and_onenote_lines_are_skipped() -> None:
    doc = parse_document(NOTES, "net.txt")
    assert [s.key for s in doc.sections if s.level] == [
        "Network Ports",
        "Network Ports › Well-known ports",
        "Network Ports › Transport protocols",
        "Subnetting",
        "Subnetting › Private ranges",
        "Subnetting › OSI layers",
    ]
    skipped = {(n.line, n.reason, n.text) for n in doc.noise}
    assert {
        (2, "page date", "Monday, January 6, 2025"),
        (3, "page time", "7:45 PM"),
        (14, "clipping source", "Pasted from <https://example.org/well-known-ports>"),
        (25, "page time", "21:10"),
        (34, "screen clipping", "Screen clipping taken: 08/01/2025 21:30"),
    } <= skipped
    reasons = {(n.reason, n.text.split("\t")[0]) for n in doc.noise}
    assert {("TODO", "To Do"), ("question in the notes", "Question")} <= reasons
    texts = [b.text for b in doc.blocks]
    assert not [t for t in texts if "January" in t or "Pasted from" in t or "flashcards" in t]
    assert not [t for t in texts if "QUIC" in t or "Screen clipping" in t or "PM" in t]


def test_bullets_nest_by_their_tabs_and_keep_their_lines() -> None:
    items = _items(NOTES)
    https = items["HTTPS - TCP 443"]
    assert https.parent is not None and https.parent.text == "Secure protocols"
    ldap = items["plain LDAP uses TCP 389"]
    assert ldap.parent is not None and ldap.parent.text == "LDAPS - TCP 636"
    assert ldap.line == 12
    ttl = items["TTL is decremented by every router"]
    assert ttl.parent is not None and ttl.parent.text.startswith("Layer 3")
    assert items["SSH - TCP 22, encrypted remote shell"].line == 6
    # "•" one TAB in after a numbered list is that list's level, not a point of its last item
    apipa = items["APIPA - 169.254.0.0/16, used when no DHCP server answers"]
    assert apipa.parent is None
    link = items["only reachable on the local link"]
    assert link.parent is not None and link.parent.text.startswith("APIPA")
    assert items["192.168.0.0/16 is the class C private block"].number == 3
    assert not [t for t in items if t.startswith(("o ", "•", "▪")) or "\t" in t]


def test_a_tab_separated_table_is_a_table_and_tags_only_mark_their_line() -> None:
    doc = parse_document(NOTES, "net.txt")
    table = next(b.table for b in doc.blocks if b.table is not None)
    assert table.header == ("", "TCP", "UDP")
    assert table.rows[1] == ("Header size", "20 bytes minimum", "8 bytes")
    assert len(table.rows) == 3
    texts = {b.text: b for b in doc.blocks}
    assert "a /30 subnet leaves 2 usable hosts" in texts
    mtu = texts["MTU - the largest payload a frame carries, 1500 bytes on Ethernet"]
    assert mtu.line == 40 and mtu.section.heading == "OSI layers"
    layer = texts["Layer 2 - Data Link, switches forward frames by MAC address"]
    assert mtu.group != layer.group  # a line under the list, not a layer of it
    last = texts["Encapsulation adds a header at each layer on the way down the stack."]
    assert last.line == 41  # a line of its own, not run on with the line above
    assert not [t for t in texts if t.startswith(("Important", "Definition"))]


def test_a_table_with_no_line_to_spare_is_read_row_by_row() -> None:
    notes = (
        "Cables\nFriday, January 10, 2025\n8:02 AM\n\nCopper\n\t• Cat ratings\n"
        "Category\tMax speed\nCat 5e\t1 Gbps\nCat 6a\t10 Gbps\nImportant\tCat 6a runs 100 m\n"
    )
    items = _items(notes)
    cat = items["Cat 6a — Max speed: 10 Gbps"]
    assert cat.parent is not None and cat.parent.text == "Cat ratings"
    assert cat.line == 9
    assert "Cat 6a runs 100 m" in items  # under a row: an item, not a row of the table


def test_lettered_and_roman_lists_and_word_bullets_nest_as_numbers_and_items() -> None:
    notes = (
        "Installing the agent\nSaturday, 11 January 2025\n09:30\n\nSteps\n"
        "1.\tDownload the installer\n\ta.\tcheck the SHA-256 hash\n\tb.\tcheck the signature\n"
        "\t\ti.\tsigned with the vendor's GPG key\n2.\tRun the installer as root\n"
        "•\tThe agent listens on TCP 9100\n\to\tonly on localhost by default\n"
    )
    items = _items(notes)
    signature = items["check the signature"]
    assert signature.ordered and signature.number == 2
    assert signature.parent is not None and signature.parent.text == "Download the installer"
    gpg = items["signed with the vendor's GPG key"]
    assert gpg.parent is not None and gpg.parent.text == "check the signature"
    local = items["only on localhost by default"]
    assert local.parent is not None and local.parent.text == "The agent listens on TCP 9100"
    assert not [t for t in items if t[:2] in ("a.", "b.", "i.") or "\t" in t]


def test_the_notes_are_asked_without_onenote_marks() -> None:
    bank, _ = generate_from_texts([("net.txt", NOTES)], "net")
    assert len(bank.questions) >= 4
    for q in bank.questions:
        for text in (q.prompt, *q.choices):
            assert "\t" not in text and "•" not in text and "▪" not in text
            assert not text.startswith("o ") and " o " not in text and "January" not in text
            assert "Pasted from" not in text and "To Do" not in text and "Important" not in text
    keys = {q.prompt: q.choices[q.answer] for q in bank.questions if q.choices}
    ssh = [p for p in keys if "encrypted remote shell" in p]
    assert ssh and all(keys[p] in ("SSH", "22", "TCP 22") for p in ssh)
    assert {q.topic for q in bank.questions} & {"Well-known ports", "Private ranges", "OSI layers"}


def test_other_notes_are_left_alone() -> None:
    lines = NOTES.split("\n")
    out, skipped = onenote_as_markdown(lines)
    assert len(out) == len(lines) and out != lines and skipped
    assert out[0] == "## Network Ports" and out[4] == "### Well-known ports"
    markdown = ["# Ports", "", *lines]
    assert onenote_as_markdown(markdown) == (markdown, [])
    keep = ["PORTS", "Oct 5, 2026, 6:31 AM", "• SSH = 22", "• RDP = 3389", "", "DNS", "Oct 6, 2026"]
    assert onenote_as_markdown(keep) == (keep, [])
    book = ["Chapter 2 ■ Ports", "■ SSH uses TCP 22.", "■ RDP uses TCP 3389.", "• DNS uses 53."]
    assert onenote_as_markdown(book) == (book, [])
    prose = ["o horizontal scaling adds machines", "Tuesday, March 4, 2025 was a good day"]
    assert onenote_as_markdown(prose) == (prose, [])


def test_hostile_lines_are_read_in_bounded_time() -> None:
    n = 20_000
    hostile = ["\t" * n + "• deep", "\t" * n, "To Do\t" * (n // 6), "a\t" * n, "• " * n,
               "Monday, " * (n // 8), "\x00" * n, "1. " * n]  # fmt: skip
    lines = NOTES.split("\n")
    for line in hostile:
        notes = [*lines[:10], line, line, *lines[10:]]
        start = time.process_time()
        out, _ = onenote_as_markdown(notes)
        assert time.process_time() - start < 2.0, line[:20]
        assert len(out) == len(notes) and out[0] == "## Network Ports", line[:20]
    deep = [*lines[:5], *("\t" * k + "• level" for k in range(1, 3000))]
    start = time.process_time()
    out, _ = onenote_as_markdown(deep)
    assert time.process_time() - start < 2.0
    assert max(len(line) for line in out) < 100  # nesting bounded: no line grows with depth
    parse_document("\n".join(deep), "deep.txt")


def test_a_plain_text_outline_of_o_bullets_is_no_onenote_paste() -> None:
    # (a Terraform plain-text file's "*\t" items over "\to\t" sub-items: Word's paste writes
    # "•" at the first level, so the plain-text reader keeps it)
    plain = [
        "TERRAFORM NOTES",
        "===============",
        "*\tterraform init",
        "\to\t-upgrade : newest allowed versions",
        "\to\t-reconfigure : ignore existing backend config",
        "\t\to\tpartial config by -backend-config",
        "\to\t-migrate-state : move state to the new backend",
    ]
    assert not is_onenote(plain)
    assert is_onenote([line.replace("*\t", "\t•\t", 1) for line in plain])
