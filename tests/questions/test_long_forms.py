"""An acronym glossary's descriptions open by spelling their acronym out ("**CASB** — Cloud
Access Security Broker; visibility, …"). Beside the stem's acronym such a long form tells
which acronym each option spells, so no option keeps one, the key's as the others'."""

from __future__ import annotations

import pytest

from questions.generate import generate_document
from questions.long_forms import said_plainly, without_long_form


@pytest.mark.parametrize(
    ("desc", "term", "rest"),
    [
        ("Cloud Access Security Broker; visibility, compliance", "CASB", "visibility, compliance"),
        (
            "Security Information & Event Management; aggregation, alerting",
            "SIEM",
            "aggregation, alerting",
        ),
        ("Security Orchestration, Automation & Response; runs playbooks", "SOAR", "runs playbooks"),
        (
            "Crossover Error Rate (= EER), where FAR = FRR; lower is better",
            "CER",
            "where FAR = FRR; lower is better",
        ),
        ("Cross-Site Request Forgery", "CSRF", ""),
        ("EU General Data Protection Regulation", "GDPR", ""),
        ("max time to restore service", "RTO", "max time to restore service"),
        ("Amazon Simple Queue; fully managed", "SNS", "Amazon Simple Queue; fully managed"),
        ("Use Case Diagram; actors and goals", "X", "Use Case Diagram; actors and goals"),
        # signs in the acronym are no letters of it
        ("Terminal Access Controller Access-Control System Plus; TCP 49", "TACACS+", "TCP 49"),
        # a long form runs to eight words at most
        (
            "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India; rest",
            "ABCDEFGHI",
            "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India; rest",
        ),
        ("Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel; rest", "ABCDEFGH", "rest"),
        # a leading word is a qualifier only when written in capitals, three letters at most
        ("NIST Cyber Framework; five functions", "NCF", "five functions"),
        (
            "NIST Cyber Security Framework; identify, protect",
            "CSF",
            "NIST Cyber Security Framework; identify, protect",
        ),
        (
            "Amazon Simple Queue Service; fully managed",
            "SQS",
            "Amazon Simple Queue Service; fully managed",
        ),
        ("USA Federal Information Processing Standard; crypto modules", "FIPS", "crypto modules"),
        # every letter of the acronym, in order, among the initials
        ("Alpha Bravo; rest", "AXB", "Alpha Bravo; rest"),
    ],
)
def test_a_long_form_goes_only_where_it_spells_the_acronym(desc: str, term: str, rest: str) -> None:
    assert without_long_form(desc, term) == rest


def test_the_owners_long_form_goes_before_any_siblings() -> None:
    assert said_plainly("Cloud Access Security Broker; visibility", "CASB", ()) == "visibility"


def test_a_kins_long_form_goes_whichever_sibling_it_spells() -> None:
    siblings = ("CA", "CASB", "CCMP")
    assert said_plainly(
        "Counter Mode with CBC-MAC Protocol; AES-based, used by WPA2", "", siblings
    ) == ("AES-based, used by WPA2")
    assert said_plainly("root CA kept offline", "", siblings) == "root CA kept offline"


GLOSSARY = """# Security+ acronyms

## C

**CA** — Certificate Authority; root CA kept offline, issues and signs certificates
**CASB** — Cloud Access Security Broker; visibility, compliance, DLP between users and SaaS
**CCMP** — Counter Mode with CBC-MAC Protocol; AES-based, used by WPA2
**CER** — Crossover Error Rate, where FAR equals FRR; lower is better
**CHAP** — Challenge-Handshake Authentication Protocol; hash of shared secret + challenge
**CRL** — Certificate Revocation List; published periodically by the CA
**CSR** — Certificate Signing Request; contains the public key, never the private key
"""


def test_no_option_of_a_glossary_question_spells_an_acronym_out() -> None:
    r = generate_document("n.md", GLOSSARY)
    forward = [q for _, q in r.chosen if q.prompt.startswith("Which description fits")]
    assert forward, [q.prompt for _, q in r.chosen]
    for q in forward:
        for c in q.choices:
            assert not c.startswith(
                ("Certificate ", "Cloud Access", "Counter Mode", "Crossover", "Challenge")
            ), q


CONTRASTS = """# Security+ acronyms

## B

**BIA** — Business Impact Analysis; where RTO, RPO and MTD are defined
**BYOD** — Bring Your Own Device (vs **COPE** Corporate-Owned, Personally Enabled; **CYOD** Choose Your Own Device)
**BEC** — Business Email Compromise; wire-fraud phishing of finance staff
**BPDU** — Bridge Protocol Data Unit; BPDU guard shuts ports that receive them

## E

**EAP** — Extensible Authentication Protocol; framework used by 802.1X
**EDR** — Endpoint Detection & Response (**XDR** = extended across network, cloud, email)
**ESP** — Encapsulating Security Payload; IPsec, encryption + integrity, protocol 50
**EF** — Exposure Factor; share of an asset lost in one incident
"""


def test_what_is_left_after_a_long_form_may_describe_another_term() -> None:
    r = generate_document("n.md", CONTRASTS)
    for _, q in r.chosen:
        assert "vs COPE" not in q.prompt and "XDR =" not in q.prompt, q.prompt
