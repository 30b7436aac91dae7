"""Two table shapes that keyed rows wrongly: a header said twice ("Insecure | Port | Secure
replacement | Port") asked the secure port as the insecure protocol's ("Which of these has
the port 443?" → HTTP), and a table of pairs whose name columns repeat a name ("Thing A |
Thing B | Difference") was keyed by its descriptions ("The thing A of Request is … is
Utility")."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.tables import analyse

PORTS = """# Net

## Secure protocols

| Insecure | Port | Secure replacement | Port |
|---|---|---|---|
| Telnet | 23 | SSH | 22 |
| HTTP | 80 | HTTPS | 443 |
| LDAP | 389 | LDAPS | 636 |
| POP3 | 110 | POP3S | 995 |
| IMAP | 143 | IMAPS | 993 |
"""

PAIRS = """# ITIL

## Things I mix up

| Thing A | Thing B | Difference |
|---|---|---|
| Incident | Problem | Incident = an interruption; Problem = the cause of incidents |
| Incident | Service request | A request is a normal, agreed part of delivery, not a failure |
| Output | Outcome | Output = deliverable of an activity; Outcome = a result for a stakeholder |
| Known error | Problem | A known error is a problem analysed but not yet resolved |
"""


def _table(text: str):  # type: ignore[no-untyped-def]
    block = next(b for b in parse_document(text, "t.md").blocks if b.table is not None)
    assert block.table is not None
    return analyse(block.table)


def test_a_repeated_header_is_no_property_of_the_row() -> None:
    table = _table(PORTS)
    assert table is not None and table.headers == ("Port", "Secure replacement")
    for _, q in generate_document("net.md", PORTS).chosen:
        assert not ("443" in q.prompt and q.choices[q.answer] == "HTTP"), q.prompt
        assert not ("636" in q.prompt and q.choices[q.answer] == "LDAP"), q.prompt


def test_pairs_are_keyed_by_no_description() -> None:
    table = _table(PAIRS)
    assert table is None or table.key_header != "Difference"
    for _, q in generate_document("itil.md", PAIRS).chosen:
        assert "thing A of" not in q.prompt.lower() and "difference has" not in q.prompt.lower()


GCP = """# GCP

## Cloud Storage

| Class | Min duration | Access |
|---|---|---|
| Standard | none | hot data, frequent |
| Nearline | 30 days | about once a month |
| Coldline | 90 days | about once a quarter |
| Archive | 365 days | less than once a year |

## App Engine

- **Standard**: sandboxed runtimes, scales to zero, fast startup
- **Flexible**: Docker containers on Compute Engine VMs, at least one instance
"""


def test_a_plain_word_takes_no_like_terms_from_another_topics_table() -> None:
    for _, q in generate_document("gcp.md", GCP).chosen:
        if "sandboxed runtimes" in q.prompt:
            assert not {"Nearline", "Coldline", "Archive"} & set(q.choices), q.choices
