"""Unseen notes review (issue #13), Azure notes: under "**Deployment models**" and "**Access
tiers** (blob)", each nested "**Public**: …" / "**Cool**: …" is a member of the named kind. The
stems said "Which of these is described here", and a member of one kind was offered for a
term of another section ("Policy" beside Public and Private, "Cool" and "Cold" beside Policy).
A marked plural of a common noun now names its members' kind, and a member of a kind is no
option for a key of no such kind from another section."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document

NOTES = """# Networking notes

## Load balancing

- **Balancing algorithms**
  - **Round robin**: each server in turn, whatever its load
  - **Least connections**: the server with the fewest open connections
  - **IP hash**: the client's address always picks the same server
- **Health checks** (L7)
  - **Active**: the balancer probes each server on a timer
  - **Passive**: the balancer watches real responses for errors
- **Servers**
  - **Origin**: holds the content the balancer spreads

## Security

### Firewall vs Proxy

- Firewall = filters packets by address and port
- Proxy = forwards requests on a client's behalf and hides it
"""


def test_a_marked_plural_label_names_its_members_kind() -> None:
    kinds = {f.subject: f.category for f in extract(parse_document(NOTES, "x.md"))
             if f.kind == "definition"}  # fmt: skip
    assert kinds.get("Active") == "Health check", kinds
    assert (kinds.get("Least connections") or "").endswith("algorithm"), kinds
    assert kinds.get("Origin") is None, kinds  # "Servers" names things, not a kind of them


def test_members_of_a_kind_stay_among_their_kind() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    checks, security = {"Active", "Passive"}, {"Firewall", "Proxy"}
    for q in bank.questions:
        key = q.choices[q.answer]
        if key in checks:
            assert set(q.choices) <= checks, (q.prompt, q.choices)
        if key in security:  # an unfiled name (Origin) may still join them
            assert not set(q.choices) & checks, (q.prompt, q.choices)
    stems = [q.prompt for q in bank.questions if q.choices[q.answer] in checks]
    assert stems and all(s.startswith("Which health check") for s in stems), stems
