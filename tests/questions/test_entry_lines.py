"""Notes kept as a glossary without list markers, one marked term per line ("**Blob Storage** –
object storage …" / "**Azure Files** – …"): Markdown runs the lines into one paragraph, but each
line is its own entry, so no question quotes one entry's text with its neighbour's."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document

AZURE = """# Azure notes

## Storage

**Blob Storage** – object storage for unstructured data, tiers hot / cool / cold / archive
**Azure Files** – managed SMB and NFS file shares that VMs mount like a network drive
**Queue Storage** – simple message queue, each message up to 64 KB
**Disk Storage** – managed block disks for VMs, Premium SSD v2 lets you
tune IOPS apart from size
**Table Storage** – NoSQL key-value store keyed by partition key and row key

## Compute

`az vm create` – creates a virtual machine from an image
`az vm deallocate` – stops a VM and releases its compute, so its compute is no longer billed
`az vm resize` – changes the size of a VM, restarting it when the new size needs other hardware
"""

TERMS = ("Blob Storage", "Azure Files", "Queue Storage", "Disk Storage", "Table Storage")


def test_each_line_that_opens_with_a_marked_term_is_its_own_item() -> None:
    doc = parse_document(AZURE, "t.md")
    storage = [b for b in doc.blocks if b.section.heading == "Storage"]
    assert [b.kind for b in storage] == ["item"] * 5
    assert [b.text.split(" – ")[0] for b in storage] == list(TERMS)
    assert [b.line for b in storage] == [5, 6, 7, 8, 10]  # the wrapped line belongs to line 8
    assert storage[3].text.endswith("Premium SSD v2 lets you tune IOPS apart from size")
    commands = [b for b in doc.blocks if b.section.heading == "Compute"]
    assert [b.kind for b in commands] == ["item"] * 3


def test_no_question_quotes_two_entries() -> None:
    r = generate_document("t.md", AZURE)
    # four: Azure Files' and Disk Storage's lines name them ("managed SMB and NFS file shares",
    # "managed block storage"), and cut they leave holes ("managed block … for VMs")
    assert len(r.chosen) >= 4, [q.prompt for _, q in r.chosen]
    for _, q in r.chosen:
        text = " ".join([q.prompt, *q.choices])
        for term in TERMS:
            # a term's own description is never quoted beside another term's description
            said = [t for t in TERMS if t != term and t in q.prompt]
            assert not (term in q.prompt and said), q.prompt
        assert "64 KB" not in text or "message" in q.prompt, q.prompt
        assert "NoSQL" not in q.prompt or "partition key" in q.prompt, q.prompt
    keyed = {q.choices[q.answer] for _, q in r.chosen}
    assert len(keyed & set(TERMS)) >= 2, keyed


def test_prose_wrapped_over_lines_stays_one_paragraph() -> None:
    """A sentence that happens to mark a word at a line's start is no glossary."""
    notes = """# Notes

## Caching

The cache keeps hot keys in memory and evicts the least recently used one when full,
**LRU** is the default policy and it can be changed per bucket in the settings file.
"""
    doc = parse_document(notes, "t.md")
    assert [b.kind for b in doc.blocks if b.section.heading == "Caching"] == ["paragraph"]


def test_an_unmarked_label_is_never_offered_among_the_marked_entries() -> None:
    """ "SLA: Standard 99.95 %, …" among **Autoclass** – … and **Signed URL** – … names what its
    line is about: "Which of these is described here: “Standard 99.95 %…”?" -> SLA, beside
    Autoclass and Signed URL, is answered by knowing what an SLA is."""
    notes = """# Cloud storage

## Buckets

- SLA: Standard multi-region 99.95 %, region 99.9 %; other classes 99.9 % and 99.0 %
- all classes have the same latency and the same durability of eleven nines
- **Autoclass** – moves each object to the class its access pattern fits
- **Object versioning** – keeps noncurrent versions of an object after it is overwritten
- **Signed URL** – time-limited access for people without an account
- **Retention policy** – objects cannot be deleted before the retention period ends
"""
    r = generate_document("t.md", notes)
    assert r.chosen, "nothing asked"
    keyed = [q for _, q in r.chosen if q.kind == "choice" and q.choices[q.answer] == "SLA"]
    assert keyed == [], [(q.prompt, q.choices) for q in keyed]
    entries = {"Autoclass", "Object versioning", "Signed URL", "Retention policy"}
    assert any(q.choices[q.answer] in entries for _, q in r.chosen if q.kind == "choice")
