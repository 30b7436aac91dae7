"""A study group's chat channel pasted as notes (a Discord or Slack export): each message
under its author and time ("**ravi_dev** — Yesterday at 9:16 PM"), reactions under it
(":thumbsup: 14  :pray: 6"), pins and polls. Those lines are no words of the notes: reported
as noise, never part of a question; a message that asks ("… right?") defines nothing."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.chat import without_chat_marks
from questions.parse.markdown import parse_document

CHAT = """# #az900-grind — study crew

📌 **Pinned by ravi_dev**

**ravi_dev** — 03/04/2024 7:02 PM
**PINNED: exam basics**
- passing score **700** (scale of 1–1000)
- fundamentals certs **do not expire**
- 3 skill areas: Cloud concepts (25–30%), Azure architecture (35–40%), governance (30–35%)
:thumbsup: 14  :pray: 6

**maya_k** — Yesterday at 9:14 PM
ok starting cloud concepts tonight

**ravi_dev** — Yesterday at 9:33 PM
scalability = ability to add/remove resources to meet demand
- **vertical** = scale up/down (bigger VM, more CPU/RAM)
- **horizontal** = scale out/in (more VMs/instances)
:brain: 5

**jojo** — Today at 6:40 PM
**region** = geographic area with 1+ datacenters
**availability zone** = physically separate datacenter(s) within a region
**region pair** = two regions in same geography, **at least 300 miles apart**
**RBAC** — owners can delete anything even with a lock right? they're owner
👍 3

[3/4/2024 9:50 PM] kev
**ExpressRoute** = private connection, not over the internet
**VPN Gateway** = encrypted tunnel over the public internet
"""


def test_headers_reactions_and_pins_are_reported_and_asked_nothing() -> None:
    doc = parse_document(CHAT, "chat.md")
    reasons = [n.reason for n in doc.noise]
    assert reasons.count("chat message header") == 5
    assert reasons.count("chat reactions") == 3
    assert "chat event" in reasons
    header = next(n for n in doc.noise if n.reason == "chat message header")
    assert (header.line, header.text) == (5, "**ravi_dev** — 03/04/2024 7:02 PM")
    texts = " ".join(b.text for b in doc.content)
    for word in ("Today at", "Yesterday at", ":thumbsup:", ":brain:", "👍", "Pinned by", "kev"):
        assert word not in texts, word
    prompts = [q.prompt + " ".join(q.choices) for _, q in generate_document("chat.md", CHAT).chosen]
    assert prompts
    assert not any(":" in p and ("thumbsup" in p or "pray" in p) for p in prompts), prompts


def test_the_lines_keep_their_numbers() -> None:
    lines = CHAT.split("\n")
    kept, skipped = without_chat_marks(lines)
    assert len(kept) == len(lines)
    assert all(kept[n - 1] == "" and lines[n - 1].strip() == text for n, _, text in skipped)


def test_a_message_that_asks_defines_nothing() -> None:
    chosen = [q for _, q in generate_document("chat.md", CHAT).chosen]
    assert not any("right?" in q.prompt or any("right?" in c for c in q.choices) for q in chosen)


def test_a_few_time_stamped_lines_are_no_chat() -> None:
    # a lecture's "[01:00] acct types:" is a video's time, and a file with fewer than three
    # message headers is the author's own notes
    lecture = ["[01:00] acct types:", "- standard", "[04:25] redundancy options:", "- LRS"]
    assert without_chat_marks(lecture) == (lecture, [])
    two = ["**a** — Today at 9:14 PM", "x", "**b** — Today at 9:15 PM", ":thumbsup: 2"]
    assert without_chat_marks(two) == (two, [])


MESSAGES = """# study chat

**maya_k** — Yesterday at 9:14 PM
scalability vs elasticity?? they feel the same

**ravi_dev** — Yesterday at 9:16 PM
perfect ty

**jojo** — Yesterday at 9:20 PM
cheat sheet for models lol
IaaS = rent the hardware (VMs, storage, networking)
PaaS = platform managed, you bring code
SaaS = finished app (M365, Outlook)
**availability zone** = separate datacenter(s) within a region. **min 3 zones** per region
**region pair** = two regions in one geography, at least 300 miles apart

**kev** — Today at 9:44 PM
```
az group create -n rg1 -l eastus
what about this line
```
"""


def test_each_line_of_a_message_is_a_note_of_its_own() -> None:
    doc = parse_document(MESSAGES, "chat.md")
    texts = [b.text for b in doc.content]
    assert "IaaS = rent the hardware (VMs, storage, networking)" in texts, texts
    assert "PaaS = platform managed, you bring code" in texts, texts
    assert any(t.startswith("region pair = two regions") for t in texts), texts
    assert not any("[0:00]" in t for t in texts), texts
    # a fence's lines are code, as written
    code = next(b for b in doc.blocks if b.kind == "code")
    assert "what about this line" in code.code and "[0:00]" not in code.code


def test_questions_and_chatter_of_the_chat_are_skipped() -> None:
    doc = parse_document(MESSAGES, "chat.md")
    reasons = {n.text: n.reason for n in doc.noise}
    assert reasons["scalability vs elasticity?? they feel the same"] == "question in the chat"
    assert reasons["perfect ty"] == "chat chatter"
    assert reasons["cheat sheet for models lol"] == "chat chatter"
    prompts = [q.prompt for _, q in generate_document("chat.md", MESSAGES).chosen]
    assert not any("perfect ty" in p or "lol" in p for p in prompts), prompts


REPLIES = """# study chat

**maya_k** — Today at 8:05 PM
GRS is zones right

**kev** — Today at 8:06 PM
> GRS keeps copies in 3 availability zones in the secondary region right?
@jojo no, GRS = **LRS in primary + LRS in secondary**
table:
| option | copies | durability |
|---|---|---|
| LRS | 3 copies, single datacenter | 11 nines |
| ZRS | 3 copies across 3 AZs in one region | 12 nines |
| GRS | LRS primary + LRS in paired region | 16 nines |
secondary is not readable unless it's RA-*

**ravi_dev** — Today at 8:10 PM
scalability = add/remove resources to meet demand
- **vertical** = scale up/down (bigger VM)
- **horizontal** = scale out/in (more VMs)
elasticity = it does that **automatically** (autoscale)
"""


def test_a_quote_is_skipped_and_a_line_under_a_list_or_table_stands_alone() -> None:
    doc = parse_document(REPLIES, "chat.md")
    assert any(n.reason == "quoted message" for n in doc.noise)
    tables = [b for b in doc.content if b.kind == "table"]
    assert len(tables) == 1 and tables[0].table is not None
    assert [r[0] for r in tables[0].table.rows] == ["LRS", "ZRS", "GRS"]
    texts = [b.text for b in doc.content]
    assert "scale out/in (more VMs)" in " ".join(texts)
    assert not any("scale out/in" in t and "elasticity" in t for t in texts), texts
    assert any(t.startswith("secondary is not readable") for t in texts), texts


def test_what_a_line_of_the_chat_is() -> None:
    from questions.parse.chat import _reason

    # talk: a short line of slang or thanks, up to eight words, no note's separator in it
    assert _reason("perfect ty") == "chat chatter"
    assert _reason("one two three four five six seven lol") == "chat chatter"
    assert _reason("one two three four five six seven eight lol") is None
    assert _reason("ty = thank you lol") is None
    assert _reason("lol: it was the default") is None
    assert _reason("fixed it -> lol") is None
    # a question, bold or not; a quote, indented or not
    assert _reason("**what about zones**") == "question in the chat"
    assert _reason("  > GRS keeps copies in 3 zones") == "quoted message"
    assert _reason("IaaS = rent the hardware") is None


def test_three_headers_make_a_chat() -> None:
    two = ["**ab** — Today at 9:14 PM", "x", "**cd** — Today at 9:15 PM", ":thumbsup: 2"]
    assert without_chat_marks(two) == (two, [])
    three = [*two, "**ef** — Today at 9:16 PM", "y"]
    _kept, skipped = without_chat_marks(three)
    assert [reason for _, reason, _ in skipped].count("chat message header") == 3


def test_a_line_under_a_lone_item_or_an_indented_row_stands_alone() -> None:
    lines = [
        "**ab** — Today at 9:14 PM",
        "**cd** — Today at 9:15 PM",
        "**ef** — Today at 9:16 PM",
        "scalability = add/remove resources",
        "- **vertical** = scale up/down",
        "elasticity = it does that automatically",
        "  | a | b |",
        "after the row",
    ]
    kept, _ = without_chat_marks(lines)
    assert kept[5] == "- elasticity = it does that automatically"
    assert kept[7] == "- after the row"
