"""Cheat-sheet shapes from a blind review of unseen notes (Linux tools, JVM flags): a list of
flags each followed by what it does, a lead written as a note to oneself, table headers written
the same way, a "-" cell and a "Default" column. Notes of other subjects than the reviewed ones."""

from __future__ import annotations

from questions.bank import BankQuestion as Question
from questions.generate import generate_document

TCPDUMP_NOTES = """\
# Packet capture

## tcpdump

- flags I always forget:
  - `-i` interface to listen on (`any` for all)
  - `-n` no name resolution, faster output
  - `-w` file for the raw packets
  - `-c` packet count before it stops
- `-s 0` used to mean full snaplen, now the default anyway
- filters I use most:
  - port 443 and host db1
  - icmp or arp

## ss

| Flag | What I'm looking for |
|------|----------------------|
| `-t` | TCP sockets only |
| `-l` | listening sockets only |
| `-p` | which process owns the socket |
| `-s` | summary counts per state |

## Heap flags

| # | Flag | Default | Notes |
|---|------|---------|-------|
| 1 | `-Xms` | 1/64 of RAM | initial heap |
| 2 | `-Xmx` | 1/4 of RAM | max heap |
| 3 | `-Xmn` | - | young gen size |
| 4 | `-Xss` | 1 MB | thread stack |
| 5 | `-XX:NewRatio` | 2 | old:young |
"""


def _questions() -> list[Question]:
    return [q for _, q in generate_document("notes/capture.md", TCPDUMP_NOTES).chosen]


def _candidate_options() -> list[list[str]]:
    """Every candidate's options, kept or dropped: a bad option must not even be offered."""
    result = generate_document("notes/capture.md", TCPDUMP_NOTES)
    candidates = [*(c for c, _ in result.chosen), *(d.candidate for d in result.dropped)]
    return [list(c.options) for c in candidates]


def test_a_flag_list_asks_each_flag_among_the_lists_other_flags() -> None:
    """ "`-w` file for the raw packets": -w is the term, its words the description, and the
    list's other flags (or their descriptions) the options, not the lead above them."""
    flags = {"-i", "-n", "-w", "-c"}
    said = {
        "interface to listen on (any for all)",
        "no name resolution, faster output",
        "file for the raw packets",
        "packet count before it stops",
    }
    asked = [q for q in _questions() if set(q.choices) & (flags | said)]
    assert len(asked) >= 2, [q.prompt for q in asked]
    for q in asked:
        assert set(q.choices) <= flags or set(q.choices) <= said, q.choices
        assert "I always forget" not in q.prompt


def test_a_lead_written_as_a_note_to_oneself_is_never_a_subject_or_option() -> None:
    for options in _candidate_options():
        assert not {"flags I always forget", "filters I use most"} & set(options)


def test_a_header_written_as_a_note_to_oneself_is_not_pasted_into_the_stem() -> None:
    cells = {"-t", "-l", "-p", "-s", "TCP sockets only", "listening sockets only"}
    asked = [q for q in _questions() if set(q.choices) & cells]
    assert asked, "the ss table was not asked"
    for q in asked:
        assert "What I'm looking for" not in q.prompt, q.prompt


def test_a_dash_cell_is_never_an_option() -> None:
    for options in _candidate_options():
        assert not any(c.strip() in {"-", "—", "n/a"} for c in options), options


def test_a_default_column_is_asked_as_the_default() -> None:
    stems = [q.prompt for q in _questions() if "default" in q.prompt.lower()]
    assert any(s.startswith("What is the default of ") or " defaults to " in s for s in stems)
    assert not any("Default:" in s or "under “Default”" in s for s in stems), stems
