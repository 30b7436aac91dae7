"""Terse notes kept as "Term: description" lines without list markers (a review of AWS
networking notes, session 27): each line is its own entry, as the writer meant, not one
paragraph of run-together sentences; a cloze's subject is never a name inside an aside in
brackets nor a stressed claim; a number that is part of a name ("Route 53") or of a cited
document's id ("JEP 122") is no value to ask. The notes below are written for these tests
(Azure networking, Java, a message broker)."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse import parse_document

AZURE = """# Azure networking

## Gateways

Virtual Network Gateway (VNG): the Azure end of a site-to-site VPN, deployed into a dedicated subnet named GatewaySubnet, takes about 30 minutes to create.
Local Network Gateway (LNG): the on-premises end as Azure sees it, holding the public IP and the address ranges of the site.
NAT Gateway: outbound-only internet access for a subnet, up to 16 public IPs,
  idle timeout 4 minutes by default.
Application Gateway (AppGW): layer 7 load balancer with an optional web application firewall in front of web apps.
Azure Firewall: managed, stateful firewall as a service with built-in high availability.

## Prose

This paragraph is prose wrapped by an editor. It mentions one thing: a label
in the middle, and then it goes on for a while without any other label at all
until it ends here.

## Questions

Q: which gateway needs a GatewaySubnet?
A: the virtual network gateway.
"""


def _items(text: str, heading: str) -> list[str]:
    return [b.text for b in parse_document(text, "a.md").content if b.section.heading == heading]


def test_each_labelled_line_of_a_paragraph_is_its_own_entry() -> None:
    items = _items(AZURE, "Gateways")
    assert [t.split(":")[0] for t in items] == [
        "Virtual Network Gateway (VNG)",
        "Local Network Gateway (LNG)",
        "NAT Gateway",
        "Application Gateway (AppGW)",
        "Azure Firewall",
    ], items
    # a line without a label continues the one above: the wrapped description is whole
    assert items[2].endswith("up to 16 public IPs, idle timeout 4 minutes by default."), items
    blocks = [b for b in parse_document(AZURE, "a.md").content if b.section.heading == "Gateways"]
    assert {b.kind for b in blocks} == {"item"} and len({b.group for b in blocks}) == 1


def test_prose_and_question_answer_lines_stay_one_paragraph() -> None:
    assert len(_items(AZURE, "Prose")) == 1
    assert len(_items(AZURE, "Questions")) == 1


def test_the_entries_are_asked_as_a_glossary() -> None:
    """Run together, only the first line was a definition; each is one now, its options the
    other gateways."""
    r = generate_document("a.md", AZURE)
    asked = {q.choices[q.answer] for _, q in r.chosen}
    described = [q for _, q in r.chosen if "described" in q.prompt or "fits" in q.prompt]
    assert {"Local Network Gateway (LNG)", "NAT Gateway"} & asked, [q.prompt for _, q in r.chosen]
    assert len(described) >= 3, [q.prompt for _, q in r.chosen]
    for q in described:
        assert all("Gateway" in c or "Firewall" in c for c in q.choices), q.choices


BROKER = """# Broker

## Health

Liveness probe: hits /healthz every 10 s (fast mode = 2 s, noisier). considered dead after 3 misses. restarted if >60% of probes fail in a window.
Queues: mirrored across nodes. **NOT durable by default**. No ordering across queues. Each queue holds at most 50000 messages by default, more with paging.
"""


def test_a_name_in_an_aside_or_a_stressed_claim_is_no_clause_subject() -> None:
    stems = [c.prompt for c in generate_document("b.md", BROKER).candidates]
    stems_60 = [s for s in stems if "60%" not in s and "of probes fail" in s]
    assert stems_60, stems
    for s in stems_60:
        assert "fast mode:" not in s and "Liveness probe" in s, s
    for s in stems:
        assert "NOT durable by default:" not in s, s


JAVA = """# Java

## Memory

- Metaspace replaced PermGen in Java 8, see JEP 122 for the reasons; it lives in native memory.
- Class data sharing cuts startup time by about 20 % on small services.

## Cloud

Deploys go through Route 53 Traffic Flow for the canary split of 10 % of users.
"""


def test_a_number_that_names_a_document_or_a_product_is_not_asked() -> None:
    r = generate_document("j.md", JAVA)
    keys = {c.answer_text for c in r.candidates}
    assert "122" not in keys and "53" not in keys, keys
    assert "20 %" in keys or "10 %" in keys, keys  # the values of those lines still are


LIMITS = """# GCP networking

## Basics

VPC network: a global network, its subnets are regional.
Subnet: a regional IP range inside one VPC network.
Cloud Router: speaks BGP with on-premises routers for dynamic routes.
Networks per project: 5 by default, raised by a quota request.
Cloud NAT: outbound internet for instances without external IPs.
"""


def test_a_count_per_thing_is_no_term_beside_the_glossarys_terms() -> None:
    """ "Networks per project: 5 …" labels a count, no thing: never offered beside Subnet."""
    from questions.facts.extract import property_lead

    assert property_lead("VPCs per region") and property_lead("Networks per project")
    assert not property_lead("Subnet") and not property_lead("Cloud Router")
    r = generate_document("g.md", LIMITS)
    assert r.chosen, r.candidates
    for _c, q in r.chosen:
        assert "Networks per project" not in q.choices, (q.prompt, q.choices)
