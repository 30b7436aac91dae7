"""Notes exported from RemNote as Markdown: nested "- " rems four spaces a level, with RemNote's
card separators, clozes, tags, links, portals and metadata lines in the text
(questions/parse/remnote.py)."""

from __future__ import annotations

import time

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.remnote import METADATA, PORTAL, remnote_as_markdown

NOTES = """\
Status: Draft
Created: March 2nd, 2027
Last Edited: March 5th, 2027
Tags: #[[Networking Basics]] #[[CCNA prep]]
- Networking fundamentals — study doc
    - ![](https://remnote-user-data.s3.amazonaws.com/Ab3dE5fG7h_osi-layers.png)
    - Default DNS port :: 53 (UDP, TCP for zone transfers)
    - Default SSH port ;; 22 over TCP
    - Which protocol resolves an IPv4 address to a MAC address? >> ARP
    - Internet Control Message Protocol << ICMP
    - Maximum hop count in RIP <> 15 (16 means unreachable)
    - TCP handshake steps >>1.
        - SYN
        - SYN-ACK
        - ACK
    - Private IPv4 ranges >>>
        - 10.0.0.0/8
        - 172.16.0.0/12
        - 192.168.0.0/16
    - the Ethernet MTU is {{1500 bytes}} by default #exam-trap
    - ((Qw9Er7Ty5Ui3Op1As
    - ((Zx8Cv6Bn4Mm2Lk0Jh))
    - review [[Subnetting]] again before [[March 9th, 2027]]
- [[Routing]] #[[Domain 3]]
    - OSPF administrative distance :: 110
    - > "distance vector = routing by rumour"
    - Default BGP port ;; 179 over TCP
"""

LINES = NOTES.split("\n")
MARKS = ("::", ";;", ">>", "<<", "<>", "{{", "}}", "((", "#[[", "[[")


def _line(words: str) -> int:
    """The line number (from 1) of the first line holding `words`."""
    return next(n for n, line in enumerate(LINES, start=1) if words in line)


#: each card's line, and the fact it states ("Q: …? A: ARP" is a flashcard: a reply that short
#: is asked nothing, as elsewhere)
CARDS = {
    "Default DNS port": "53",
    "Default SSH port": "22",
    "Internet Control Message Protocol": "Internet Control Message Protocol",
    "Maximum hop count in RIP": "15",
    "OSPF administrative distance": "110",
    "Default BGP port": "179",
}


def test_no_remnote_syntax_reaches_a_stem_or_a_choice() -> None:
    result = generate_document("net.md", NOTES)
    asked = [q for _, q in result.chosen]
    assert len(asked) >= 5, [q.prompt for q in asked]
    said = [b.text for b in result.doc.content]
    for q in asked:
        said += [q.prompt, *q.choices]
    for text in said:
        assert not any(mark in text for mark in MARKS), text


def test_each_cards_fact_is_asked() -> None:
    result = generate_document("net.md", NOTES)
    for card, fact in CARDS.items():
        line = _line(card)
        facts = [f for f in result.facts if f.line == line]
        assert any(fact in f.value for f in facts), (card, facts)
        assert all("::" not in f.sentence and ";;" not in f.sentence for f in facts), facts
    asked = {q.source.line for _, q in result.chosen}
    assert len(asked & {_line(card) for card in CARDS}) >= 4, result.chosen


def test_cards_read_as_terms_flashcards_and_lead_ins() -> None:
    blocks = {b.line: b for b in parse_document(NOTES, "net.md").blocks}
    assert blocks[_line("Default DNS port")].text.startswith("Default DNS port: 53")
    assert blocks[_line("Default SSH port")].text == "Default SSH port: 22 over TCP"
    assert blocks[_line("Internet Control Message Protocol")].text.startswith("ICMP: Internet")
    assert blocks[_line("TCP handshake steps")].text == "TCP handshake steps:"
    assert blocks[_line("Private IPv4 ranges")].text == "Private IPv4 ranges:"
    for child in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"):
        assert blocks[_line(child)].kind == "item"
    assert blocks[_line("Ethernet MTU")].text == "the Ethernet MTU is 1500 bytes by default"
    assert blocks[_line("distance vector")].text == '"distance vector = routing by rumour"'


def test_metadata_tags_portals_and_images_are_skipped() -> None:
    doc = parse_document(NOTES, "net.md")
    noise = {(n.line, n.reason) for n in doc.noise}
    assert {(n, METADATA) for n in (1, 2, 3, 4)} <= noise, doc.noise
    assert (_line("((Qw9"), PORTAL) in noise and (_line("((Zx8"), PORTAL) in noise, doc.noise
    assert any(n.line == _line("![](") for n in doc.noise), doc.noise
    texts = " ".join(b.text for b in doc.blocks)
    assert "Domain 3" not in texts and "exam-trap" not in texts and "Status" not in texts


def test_other_formats_are_left_as_they_are() -> None:
    others = [
        "- Type:: [[Study Page]]\n- {{[[TODO]]}} redo the lab\n    - ((aB3dE5fG7)) #[[x y]]\n",
        "- a\n\t- id:: 6543a1f2-1111-2222-3333-444455556666\n\t- TODO b\n",
        "#flashcards\n\nHeap page size::8 kB\nWAL segment::16 MB\nPort::5432\n",
        "# Notes\n\n- a >> b\n    - c :: d\n- values {{ .Values.image }}\n",
        "- x :: y\n- z ;; w\n- p >> q\n",  # no nested rem
    ]
    for text in others:
        lines = text.split("\n")
        assert remnote_as_markdown(lines) == (lines, []), text
    assert remnote_as_markdown(LINES)[0] != LINES  # the RemNote export itself is read


def test_every_line_stays_on_its_line() -> None:
    out, skipped = remnote_as_markdown(LINES)
    assert len(out) == len(LINES)
    assert all(not out[n - 1] for n, _, _ in skipped)
    assert out[_line("OSPF") - 1] == "    - **OSPF administrative distance**: 110"
    blocks = {b.line: b for b in parse_document(NOTES, "net.md").blocks}
    for card in CARDS:
        assert blocks[_line(card)].kind == "item", card


def test_hostile_lines_are_read_in_bounded_time() -> None:
    hostile = (" :: " * 5000, "{{" * 10000, "{{a" * 6000 + "}}", "((" * 10000, "((a" * 6000,
               "[[" * 10000, "#[[" * 6000, " >>>" * 5000, "`" * 20000, "`a :: b" * 2800,
               "- " * 10000, ">" * 20000, "![" * 10000 + "](x)")  # fmt: skip
    for line in hostile:
        start = time.process_time()
        notes = [*LINES[4:12], f"    - {line}", line]
        out, _ = remnote_as_markdown(notes)
        assert len(out) == len(notes)
        assert out[2] == "    - **Default DNS port**: 53 (UDP, TCP for zone transfers)", line[:20]
        doc = parse_document("\n".join(notes), "h.md")
        assert time.process_time() - start < 5, line[:20]
        assert any(b.text.startswith("Default DNS port: 53") for b in doc.blocks), line[:20]
