"""An Obsidian Canvas saved as its .canvas JSON (questions/parse/canvas.py): read as Markdown
the file was one block of JSON, and only fragments of its strings were asked."""

from __future__ import annotations

import json
import time

from questions.generate import generate_from_texts
from questions.parse.canvas import canvas_as_markdown
from questions.parse.markdown import parse_document

PORTS = (
    "## Well-known ports\n"
    "- **SSH** — TCP port 22, an encrypted remote shell\n"
    "- **DNS** — UDP port 53 for lookups, TCP for zone transfers\n"
    "- **HTTPS** — TCP port 443, HTTP carried over TLS\n"
    "- **SMTP** — TCP port 25, mail relayed between servers"
)
TCP = (
    "## TCP\n"
    "Connection-oriented: a **three-way handshake** (SYN, SYN-ACK, ACK) opens every session.\n"
    "\n"
    "- retransmits lost segments\n"
    "- **sliding window** flow control"
)
UDP = "### UDP\nConnectionless and unreliable: no handshake, no retransmission, low overhead."
HEADLESS = "Both protocols sit at layer 4 of the OSI model."
OSPF = (
    "# OSPF (1989)\n"
    "Link-state interior gateway protocol, cost metric based on bandwidth.\n"
    "- areas hang off the **backbone area 0**"
)
RIP = "## RIP\nDistance-vector protocol; **15 hops** is the largest reachable distance."
BGP = "## BGP\nPath-vector exterior gateway protocol that routes between autonomous systems."
TODO = "**to do**\n- [ ] redo the subnetting drills"

NODES = [
    {"id": "g-transport", "type": "group", "x": 0, "y": 0, "width": 1000, "height": 900,
     "color": "4", "label": "Transport layer"},
    {"id": "g-routing", "type": "group", "x": 1200, "y": 0, "width": 1400, "height": 900,
     "label": "Routing"},
    {"id": "g-igp", "type": "group", "x": 1220, "y": 40, "width": 900, "height": 600,
     "label": "Interior gateway protocols"},
    {"id": "tcp", "type": "text", "text": TCP, "x": 40, "y": 40, "width": 400, "height": 300},
    {"id": "udp", "type": "text", "text": UDP, "x": 500, "y": 40, "width": 400, "height": 200},
    {"id": "both", "type": "text", "text": HEADLESS, "x": 40, "y": 500, "width": 400,
     "height": 100, "color": "1"},
    {"id": "ports", "type": "text", "text": PORTS, "x": 500, "y": 400, "width": 450,
     "height": 400},
    {"id": "ospf", "type": "text", "text": OSPF, "x": 1240, "y": 60, "width": 400, "height": 300},
    {"id": "rip", "type": "text", "text": RIP, "x": 1700, "y": 60, "width": 400, "height": 200},
    {"id": "bgp", "type": "text", "text": BGP, "x": 1240, "y": 700, "width": 400, "height": 150},
    {"id": "todo", "type": "text", "text": TODO, "x": -600, "y": 0, "width": 300, "height": 200},
    {"id": "rfc", "type": "file", "file": "Networking/RFC 793 Transmission Control.md",
     "x": -600, "y": 300, "width": 400, "height": 400},
    {"id": "wiki", "type": "link", "url": "https://en.wikipedia.org/wiki/Open_Shortest_Path_First",
     "x": -600, "y": 800, "width": 400, "height": 300},
]  # fmt: skip
EDGES = [
    {"id": "e1", "fromNode": "rip", "fromSide": "left", "toNode": "ospf", "toSide": "right",
     "label": "replaced by"},
    # drawn from OSPF, its arrow at the start: BGP is what carries OSPF's routes out
    {"id": "e2", "fromNode": "bgp", "fromSide": "top", "toNode": "ospf", "toSide": "bottom",
     "fromEnd": "arrow", "toEnd": "none", "label": "redistributed into"},
    {"id": "e3", "fromNode": "tcp", "fromSide": "right", "toNode": "udp", "toSide": "left"},
    {"id": "e4", "fromNode": "rfc", "fromSide": "right", "toNode": "tcp", "toSide": "left",
     "label": "defined in"},
    {"id": "e5", "fromNode": "tcp", "fromSide": "bottom", "toNode": "ports", "toSide": "top",
     "label": "well-known ports"},
]  # fmt: skip


def _canvas(nodes: list[dict[str, object]], edges: list[dict[str, object]]) -> str:
    """A canvas as Obsidian writes it: each node and edge on a line of its own."""
    rows = ["{", '\t"nodes":[']
    rows += ["\t\t" + json.dumps(n, ensure_ascii=False, separators=(",", ":")) + "," for n in nodes]
    rows[-1] = rows[-1][:-1]
    rows += ["\t],", '\t"edges":[']
    rows += ["\t\t" + json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "," for e in edges]
    rows[-1] = rows[-1][:-1]
    rows += ["\t]", "}"]
    return "\n".join(rows)


CANVAS = _canvas(NODES, EDGES)
JSON_SYNTAX = ('"type"', '"text"', '"x":', "fromNode", "\\n", "{", "}", '":"', "g-transport")


def test_groups_are_headings_over_the_cards_inside_them() -> None:
    doc = parse_document(CANVAS, "net.canvas")
    keys = [s.key for s in doc.sections if s.level]
    assert keys == [
        "to do",
        "Transport layer",
        "Transport layer › TCP",
        "Transport layer › UDP",  # a "###" card is no part of the "##" card beside it
        "Transport layer › Well-known ports",
        "Routing",
        "Routing › BGP",
        "Routing › Interior gateway protocols",  # a group in a group
        "Routing › Interior gateway protocols › OSPF (1989)",  # its "#" moved under the group
        "Routing › Interior gateway protocols › RIP",
    ]
    # a card that opens with no heading is read first, as its group's own words
    layer = next(b for b in doc.blocks if "layer 4" in b.text)
    assert layer.section.key == "Transport layer"
    handshake = next(b for b in doc.blocks if "three-way handshake" in b.text)
    assert handshake.section.key == "Transport layer › TCP"
    items = {b.text for b in doc.blocks if b.kind == "item"}
    assert "SSH — TCP port 22, an encrypted remote shell" in items


def test_labelled_edges_are_statements_under_the_card_they_leave() -> None:
    doc = parse_document(CANVAS, "net.canvas")
    said = {b.text: b for b in doc.blocks if b.kind == "item"}
    rip = said["RIP replaced by OSPF"]  # "(1989)" is the card's aside, not its name
    assert rip.section.key.endswith("› RIP") and "OSPF" in rip.inline.strong
    bgp = said["OSPF redistributed into BGP"]  # the arrow at its start points back
    assert bgp.section.key.endswith("› OSPF (1989)")
    said_text = " ".join(said)
    assert "TCP well-known ports" not in said_text  # it only points at the card it names
    assert "defined in" not in said_text  # from a file card: no card of this file
    reasons = {n.text: n.reason for n in doc.noise}
    assert reasons[json.dumps(EDGES[2], separators=(",", ":")) + ","] == "canvas edge"


def test_file_and_link_cards_are_skipped() -> None:
    doc = parse_document(CANVAS, "net.canvas")
    reasons = {n.reason for n in doc.noise if "RFC 793" in n.text or "wikipedia" in n.text}
    assert reasons == {"canvas file card", "canvas link card"}
    said = " ".join(b.text for b in doc.blocks)
    assert "RFC 793" not in said and "wikipedia" not in said and "Networking/" not in said


def test_questions_are_asked_from_the_cards_with_no_json_in_them() -> None:
    bank, _ = generate_from_texts([("net.canvas", CANVAS)], "net")
    assert len(bank.questions) >= 4
    keys = {q.answer_text: q for q in bank.questions}
    ports = {"SSH": "22", "DNS": "53", "HTTPS": "443", "SMTP": "25"}
    asked = [k for k in ports if k in keys and ports[k] in keys[k].prompt]
    assert asked, [(q.prompt, q.choices) for q in bank.questions]
    for q in bank.questions:
        for text in (q.prompt, *q.choices, q.topic):
            assert not any(mark in text for mark in JSON_SYNTAX), text
            assert "RFC 793" not in text and "wikipedia" not in text, text
        assert "(1989)" not in q.prompt or "OSPF" not in q.choices, q.prompt


def test_a_card_stays_on_the_lines_its_json_is_written_on() -> None:
    # written with an indent, each node takes its lines, and in the order the cards are read:
    # each card's first line is on one of its node's lines
    read = ["todo", "g-transport", "both", "tcp", "udp", "ports", "g-routing", "bgp", "g-igp"]
    read += ["ospf", "rip", "rfc", "wiki"]
    nodes = sorted(NODES, key=lambda n: read.index(str(n["id"])))
    text = json.dumps({"nodes": nodes, "edges": EDGES}, indent=2, ensure_ascii=False)
    lines = text.split("\n")
    out, skipped = canvas_as_markdown(lines)
    assert len(out) == len(lines)
    objects: dict[str, range] = {}
    for n, line in enumerate(lines):
        if line.strip().startswith('"id": "'):
            start = max(m for m in range(n + 1) if lines[m].strip() == "{")
            end = next(m for m in range(n, len(lines)) if lines[m].strip().startswith("}"))
            objects[json.loads("{" + line.strip().rstrip(",") + "}")["id"]] = range(start, end + 1)
    for node in NODES:
        if node["type"] != "text":
            continue
        head = str(node["text"]).split("\n")[0].lstrip("#* ")
        at = [n for n, line in enumerate(out) if line.lstrip("#* ").startswith(head)]
        assert at and at[0] in objects[str(node["id"])], (node["id"], at)
    assert {r for _, r, _ in skipped} == {
        "canvas markup",
        "canvas edge",
        "canvas file card",
        "canvas link card",
    }
    doc = parse_document(text, "net.canvas")
    ssh = next(b for b in doc.blocks if b.text.startswith("SSH"))
    assert ssh.line - 1 in objects["ports"]


def test_cards_of_many_lines_push_the_others_down_in_reading_order() -> None:
    lines = CANVAS.split("\n")
    out, _ = canvas_as_markdown(lines)
    assert len(out) > len(lines)  # a line of JSON a card, each card many lines
    shown = [line for line in out if line]
    order = [shown.index(h) for h in ("# Transport layer", "## TCP", "## Well-known ports")]
    assert order == sorted(order)
    one = json.dumps({"nodes": NODES, "edges": EDGES})  # a canvas written on one line
    doc = parse_document(one, "net.canvas")
    assert [s.heading for s in doc.sections if s.level == 1 and not s.bold] == [
        "Transport layer",
        "Routing",
    ]
    assert any(b.text == "RIP replaced by OSPF" for b in doc.blocks)


def test_json_that_is_no_canvas_and_markdown_are_left_as_they_are() -> None:
    graph = json.dumps({"nodes": [{"id": "r1", "type": "router", "x": 1, "y": 2}]}, indent=2)
    no_xy = json.dumps({"nodes": [{"id": "a", "type": "text", "text": "# A"}]}, indent=2)
    listed = json.dumps({"nodes": {"id": "a"}, "edges": []}, indent=2)
    empty = json.dumps({"nodes": [], "edges": []})
    twice = CANVAS.replace('"id":"tcp",', '"id":"tcp","id":"tcp",')
    md = '# Graphs\n\n- a "nodes": list holds the vertices\n- {"edges": []} is empty'
    for text in (graph, no_xy, listed, empty, twice, md):
        lines = text.split("\n")
        assert canvas_as_markdown(lines) == (lines, [])
        assert not [n for n in parse_document(text, "x.canvas").noise if "canvas" in n.reason]
    read = parse_document(CANVAS, "net.canvas")  # the canvas itself is read
    assert [n for n in read.noise if n.reason == "canvas markup"]


def test_hostile_files_are_left_quickly() -> None:
    start = time.process_time()
    for text in (
        "{" * 100_000,
        '{"nodes": ' + "[" * 100_000,
        '{"nodes": [' + "[" * 100_000 + "]" * 100_000 + "]}",
        '{"nodes": [{"id": "a", "type": "text", "x": NaN, "y": 0}]}',
        '{"nodes": [{"id": "a", "type": "text", "x": 1e999, "y": 0}]}',
        CANVAS[:-30],
        "{" + '"nodes": []' + " " * 5_000_000 + "}",
    ):
        lines = text.split("\n")
        assert canvas_as_markdown(lines) == (lines, [])
    assert time.process_time() - start < 2
    # a card's own hostile Markdown: a line of spaces, an open fence, a run of brackets
    odd = "# A" + " " * 50_000 + "#\n```\n" + "[" * 50_000 + "\n" + "#" * 50_000
    nodes = [*NODES, {"id": "odd", "type": "text", "text": odd, "x": 0, "y": 2000}]
    start = time.process_time()
    out, _ = canvas_as_markdown(_canvas(nodes, EDGES).split("\n"))
    assert "```" in out and time.process_time() - start < 2
    # many cards and groups: bounded work
    many = [
        {"id": f"g{i}", "type": "group", "label": f"Set {i}", "x": 0, "y": i * 1000,
         "width": 900, "height": 900}
        for i in range(300)
    ] + [
        {"id": f"c{i}", "type": "text", "text": f"## Card {i}\n- fact {i}", "x": 10,
         "y": (i % 300) * 1000 + 10 + i // 300, "width": 100, "height": 100}
        for i in range(3000)
    ]  # fmt: skip
    edges = [
        {"id": f"e{i}", "fromNode": f"c{i}", "toNode": f"c{i + 1}", "label": "see also"}
        for i in range(2999)
    ]
    start = time.process_time()
    doc = parse_document(_canvas(many, edges), "many.canvas")
    assert len([s for s in doc.sections if s.level == 1]) == 300
    assert time.process_time() - start < 30
