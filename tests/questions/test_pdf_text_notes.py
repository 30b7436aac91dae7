"""Study notes copied out of a PDF: lines wrapped at the page's width, words hyphenated across
a line's end, ligatures ("ﬁ"), each page's running header and footer, "•" bullets, a table
whose columns are runs of spaces, captions and the reader's own "[…]" comments. Read as
Markdown a chapter was one paragraph: questions cut sentences at a line's end ("receiv-"),
asked "Page ___" and offered "trafﬁc" as a choice."""

from __future__ import annotations

import time

from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document
from questions.parse.pdf_text import pdf_text_as_markdown

NOTES = """Network+ N10-009 notes, copied from the study guide PDF
[my own remarks are in brackets]

Chapter 2 ■ The Open Systems Interconnection Reference Model

The OSI reference model divides network communication into seven lay-
ers. Each layer provides services to the layer above it and uses the
services of the layer below it. Data passed down the stack is wrapped
in headers at each layer, a process called encapsulation; the receiv-
ing host removes them in reverse order.

Transport Layer
The Transport layer provides end-to-end delivery between hosts. TCP
is connection-oriented and uses a three-way handshake (SYN, SYN/ACK,
ACK) before any data is sent. UDP is connectionless and offers no de-
livery guarantee, so it suits real-time trafﬁc such as voice and video.
• TCP retransmits lost segments and uses a sliding window for ﬂow
  control.
• UDP has an 8-byte header, while the minimum TCP header is 20 bytes.
• Port numbers identify the application on each host; a socket is an
  IP address plus a port.
[exam loves "which protocol is connectionless" -> UDP]

Network+ Study Guide    Page 41
Chapter 2 ■ The OSI Model
Table 2.1 Well-known port numbers
Protocol        Port         Transport      Purpose
SSH             22           TCP            Secure remote shell and
                                            ﬁle transfer
DNS             53           UDP/TCP        Name resolution
HTTPS           443          TCP            Web trafﬁc over TLS
RDP             3389         TCP            Remote desktop access to
                                            Windows hosts

Network Layer
The Network layer routes packets between networks using logical ad-
dresses. Routers make forwarding decisions at this layer and decre-
ment the TTL of every packet they forward; a packet whose TTL reaches
zero is discarded. ICMP reports such errors back to the sender, and

Network+ Study Guide    Page 42
Chapter 2 ■ The OSI Model
ping and traceroute are both built on it.
Figure 2.3 A packet crossing three routers
Data Link Layer
The Data Link layer frames packets for the local medium and ad-
dresses them with MAC addresses, which are 48 bits long. Switches for-
ward frames at this layer by looking up the destination MAC address in
their MAC address table.

Network+ Study Guide    Page 43
Chapter 2 ■ The OSI Model
Exam Essentials
Know the order of the layers. From the bottom up: Physical, Data Link,
Network, Transport, Session, Presentation, Application.
[skipped p.44 - diagrams only]
"""

#: a page of a book copied with no running header: only its typesetting shows where it is from
TYPESET = """Content delivery with Amazon CloudFront and a Site-to-Site VPN
Amazon CloudFront is a content delivery network that serves con-
tent from edge locations close to the user. A distribution can use
an S3 bucket or any custom HTTP server as its origin, and Cloud-
Front caches each object for the default TTL of 24 hours unless a
cache policy or the Cache-Control header sets another value. For
private content, signed URLs restrict access to one ﬁle and signed
cookies to many ﬁles. A backup path for a dedicated link is a Site-
to-Site VPN over the internet, which is cheaper and can be set up
in hours rather than weeks. Origin failover sends requests to a sec-
ondary origin when the primary returns an error status code.
"""


def test_chapter_and_sections_are_headings_and_furniture_is_skipped() -> None:
    doc = parse_document(NOTES, "netplus.txt")
    assert doc.title == "Network+ N10-009 notes, copied from the study guide PDF"
    keys = [s.key for s in doc.sections]
    chapter = "The Open Systems Interconnection Reference Model"
    assert f"{chapter} › Transport Layer" in keys
    assert f"{chapter} › Data Link Layer" in keys  # right under a skipped caption
    assert f"{chapter} › Exam Essentials" in keys  # right under a page's furniture
    skipped = {(n.reason, n.text) for n in doc.noise}
    assert ("page header", "Network+ Study Guide    Page 42") in skipped
    assert ("page header", "Chapter 2 ■ The OSI Model") in skipped
    assert ("table caption", "Table 2.1 Well-known port numbers") in skipped
    assert ("figure caption", "Figure 2.3 A packet crossing three routers") in skipped
    assert ("reader's remark", "[skipped p.44 - diagrams only]") in skipped
    texts = [b.text for b in doc.blocks]
    assert not any("Page 4" in t or "■" in t or "Figure 2.3" in t for t in texts)


def test_wrapped_lines_are_whole_sentences_even_over_a_page_break() -> None:
    doc = parse_document(NOTES, "netplus.txt")
    texts = [b.text for b in doc.content]
    osi = next(t for t in texts if t.startswith("The OSI reference model"))
    assert "seven layers. Each layer" in osi
    assert "encapsulation; the receiving host removes them in reverse order." in osi
    network = next(t for t in texts if t.startswith("The Network layer"))
    assert "logical addresses" in network and "decrement the TTL" in network
    assert network.endswith("and ping and traceroute are both built on it.")
    transport = next(t for t in texts if t.startswith("The Transport layer"))
    assert "no delivery guarantee" in transport and "real-time traffic" in transport
    assert "end-to-end" in transport and "connection-oriented" in transport


def test_bullets_are_items_and_a_comment_is_a_note_of_its_own() -> None:
    doc = parse_document(NOTES, "netplus.txt")
    items = [b for b in doc.content if b.kind == "item"]
    assert [b.text for b in items] == [
        "TCP retransmits lost segments and uses a sliding window for flow control.",
        "UDP has an 8-byte header, while the minimum TCP header is 20 bytes.",
        "Port numbers identify the application on each host; a socket is an IP address plus a "
        "port.",
    ]
    comment = next(b for b in doc.content if b.text.startswith("exam loves"))
    assert comment.kind == "paragraph" and comment.text.endswith("-> UDP")
    assert comment.line == 22


def test_a_table_with_wrapped_cells_is_a_table() -> None:
    doc = parse_document(NOTES, "netplus.txt")
    table = next(b.table for b in doc.blocks if b.table is not None)
    assert table.header == ("Protocol", "Port", "Transport", "Purpose")
    assert table.rows == (
        ("SSH", "22", "TCP", "Secure remote shell and file transfer"),
        ("DNS", "53", "UDP/TCP", "Name resolution"),
        ("HTTPS", "443", "TCP", "Web traffic over TLS"),
        ("RDP", "3389", "TCP", "Remote desktop access to Windows hosts"),
    )


def test_questions_carry_no_pdf_furniture() -> None:
    bank, _ = generate_from_texts([("netplus.txt", NOTES)], "netplus")
    assert bank.questions
    for q in bank.questions:
        for text in (q.prompt, *q.choices):
            assert "Page" not in text and "■" not in text and "Table 2.1" not in text
            assert "ﬁ" not in text and "ﬂ" not in text and "- " not in text[-3:]
            assert "receiv-" not in text and "lay-" not in text and "[" not in text
    keys = {q.prompt: q.choices[q.answer] for q in bank.questions}
    asked = next(p for p in keys if "Secure remote shell and file transfer" in p)
    assert keys[asked] == "SSH"


def test_each_line_keeps_its_line_and_markdown_is_left_alone() -> None:
    lines = NOTES.split("\n")
    out, skipped = pdf_text_as_markdown(lines)
    assert len(out) == len(lines) and out != lines
    assert out[11] == "### Transport Layer" and out[12].startswith("The Transport layer")
    assert out[13:16] == ["", "", ""]  # the paragraph's other lines, blank
    assert (24, "page header", "Network+ Study Guide    Page 41") in skipped
    markdown = ["# Network+", "", *lines]
    assert pdf_text_as_markdown(markdown) == (markdown, [])
    listed = [f"- {line.strip()}" for line in lines if line.strip()]  # a list another reader made
    assert pdf_text_as_markdown(listed) == (listed, [])
    plain = [line for line in lines if "Page" not in line and "-" not in line[-1:]]
    plain = [line.replace("ﬁ", "fi").replace("ﬂ", "fl") for line in plain]
    assert pdf_text_as_markdown(plain) == (plain, [])  # wrapped by an editor: no PDF's


def test_a_typeset_page_with_no_running_header_joins_its_words_by_the_file() -> None:
    doc = parse_document(TYPESET, "cdn.txt")
    texts = [b.text for b in doc.content]
    cdn = next(t for t in texts if t.startswith("Amazon CloudFront is"))
    assert "serves content from edge locations" in cdn
    assert "and CloudFront caches each object" in cdn  # written solid elsewhere in the file
    assert "restrict access to one file and signed cookies to many files." in cdn
    backup = next(t for t in texts if "backup path" in t)
    assert "is a Site-to-Site VPN over the internet" in backup  # hyphenated elsewhere
    assert doc.title == "Content delivery with Amazon CloudFront and a Site-to-Site VPN"


def test_hostile_lines_are_read_in_bounded_time() -> None:
    n = 20_000
    hostile = [" " * n + "::", "a  " * (n // 3), "Table 1 " + " " * n + "x", "[" * n,
               "• " * n, "a-" * n, "Chapter 1" + ":" * n, "| --- " + " " * n, "ﬁ" * n]  # fmt: skip
    lines = NOTES.split("\n")
    for line in hostile:
        notes = [*lines[:30], line, line, *lines[30:]]
        start = time.process_time()
        out, _ = pdf_text_as_markdown(notes)
        assert time.process_time() - start < 2.0, line[:20]
        assert len(out) == len(notes) and "### Transport Layer" in out, line[:20]
    rows = ["Aa  Bb", "Cc  Dd  Ee  Ff."] * 5000  # a table's rows out of line, again and again
    start = time.process_time()
    out, _ = pdf_text_as_markdown(lines + rows)
    assert time.process_time() - start < 2.0
    assert len(out) == len(lines) + len(rows)


#: notes typed in a word processor, printed with a footer on each page and copied back: each
#: line a whole paragraph or outline line, none wrapped at a page's width
WORD_OUTLINE = """PRINCE2 Foundation – my revision notes
Typed up from the course manual and the trainer's slides, week before the exam

PRINCE2 notes – page 1 of 4
1 Principles
Definition: Principle – a guiding obligation that determines whether the project is genuinely being managed using PRINCE2.
There are seven principles and all of them must be applied, otherwise it is not a PRINCE2 project (the method is not tailored away).
1.1 Continued business justification
The business case is checked at the end of each stage; a project that is no longer justified is closed early rather than finished
– Justification is documented and approved (the business case)
– It must remain valid for the whole life of the project (trainer: "checked at EVERY stage boundary")
1.2 Learn from experience
Lessons are sought at the start, recorded as the project goes (the lessons log) and passed on at the end in the lessons report.
1.3 Defined roles and responsibilities
Three primary stakeholder interests: business, user and supplier (all three sit on the project board)

PRINCE2 notes – page 2 of 4
1.4 Manage by stages
Definition: Management stage – a section of a project that the project manager manages on behalf of the project board at any one time.
The project board approves one stage at a time, at the end of the previous stage, so it keeps control without meeting every week
– Minimum two stages: the initiation stage and at least one further management stage
1.5 Manage by exception
Tolerances are set for time, cost, quality, scope, benefits and risk (six aspects, learn them!)
– Corporate sets project tolerances, the board sets stage tolerances, the PM sets work package tolerances
1.6 Focus on products
Definition: Product description – a description of a product's purpose, composition, derivation and quality criteria.
1.7 Tailor to suit the project
Tailoring adapts the method to the project's environment, size, complexity, importance, capability and risk

PRINCE2 notes – page 3 of 4
2 Themes
Seven themes: business case, organization, quality, plans, risk, change, progress.
2.1 Business case
Definition: Benefit – the measurable improvement resulting from an outcome perceived as an advantage by one or more stakeholders.
Output → outcome → benefit (a new CRM system → faster replies → more repeat customers)
2.2 Organization
The executive owns the business case and has the final say, the senior user speaks for those who will use the products
– The senior supplier represents those who design, build and deliver the products (can be internal or external)
2.3 Quality
Definition: Quality tolerance – the range of acceptable results for a product's quality criteria.
Quality planning comes first, then quality control; quality assurance is independent of the project management team

PRINCE2 notes – page 4 of 4
"""


def test_notes_whose_lines_are_not_wrapped_keep_each_line() -> None:
    lines = WORD_OUTLINE.split("\n")
    out, skipped = pdf_text_as_markdown(lines)
    footers = [n for n, line in enumerate(lines) if line.startswith("PRINCE2 notes – page")]
    assert [(n, reason) for n, reason, _ in skipped] == [(n + 1, "page header") for n in footers]
    assert out == ["" if n in footers else line for n, line in enumerate(lines)]
    doc = parse_document(WORD_OUTLINE, "prince2.txt")
    texts = [b.text for b in doc.blocks]
    assert not any("page 2 of 4" in t for t in texts)
    # a line with no full stop before a numbered heading or a definition is no wrapped line
    assert not any('stage boundary") 1.2' in t or "the project board) 1.4" in t for t in texts)
    assert not any("(six aspects, learn them!) –" in t or "Definition:" in t[1:] for t in texts)
    bank, _ = generate_from_texts([("prince2.txt", WORD_OUTLINE)], "prince2")
    plain, _ = generate_from_texts(
        [("prince2.md", "\n".join("" if n in footers else line for n, line in enumerate(lines)))],
        "prince2",
    )
    assert bank.questions and [q.prompt for q in bank.questions] == [
        q.prompt for q in plain.questions
    ]


def test_a_numbered_heading_or_a_label_is_never_glued_to_a_wrapped_line() -> None:
    lines = TYPESET.split("\n")
    lines[-1:] = [
        "Origin groups also cover an outage of one region's bucket (SSE-S3)",
        "Definition: An origin group pairs a primary and a secondary origin.",
        "A backup origin can live in another region or in an on-premises",
        "4.2 Signed URLs and cookies",
        "A signed URL carries a policy, an expiry time and a signature made",
        "with a key from a trusted key group; it is rejected once expired.",
        "",
    ]
    out, _ = pdf_text_as_markdown(lines)
    assert out[11:16] == [
        "Origin groups also cover an outage of one region's bucket (SSE-S3)",
        "Definition: An origin group pairs a primary and a secondary origin.",
        "A backup origin can live in another region or in an on-premises",
        "### Signed URLs and cookies",
        "A signed URL carries a policy, an expiry time and a signature made with a key from a "
        "trusted key group; it is rejected once expired.",
    ]
    doc = parse_document("\n".join(lines), "cdn.txt")
    assert "Signed URLs and cookies" in [s.key for s in doc.sections]


def test_hostile_unwrapped_notes_are_read_in_bounded_time() -> None:
    lines = WORD_OUTLINE.split("\n")
    for notes in (
        [*lines[:20], " " * 20_000 + "::", *lines[20:]],
        ["a-"] * 200_000,
        [*lines, *(["a-"] * 40_000)],
        [*lines[:20], "Definition" + " x" * 20_000 + ": y", *lines[20:]],
        [*lines[:20], "1" + ".1" * 20_000 + " A", *lines[20:]],
    ):
        start = time.process_time()
        out, _ = pdf_text_as_markdown(notes)
        assert time.process_time() - start < 1.0
        assert len(out) == len(notes)
