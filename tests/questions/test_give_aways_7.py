"""Unseen review 20 (Security+ notes, issue #13): a description that spells most of an
acronym ("directory access protocol" of LDAP, only "Lightweight" missing) or writes the
capitals a name is made of ("inject SQL via input" of SQLi) gives its key away."""

from __future__ import annotations

from questions.cues import clue
from questions.generate import generate_from_texts

NOTES = """# Network notes

## Protocols

- **LDAP** – directory access protocol for user lookups, port 389
- **RADIUS** – central authentication for network devices over UDP
- **TACACS+** – device administration with separate authorization, over TCP 49
- **SNMP** – polls counters from routers and switches

## Filters

- **ACLs** – ACL rules attached to a subnet, checked in order
- **WAF** – inspects HTTP requests for injection patterns
- **IPS** – blocks malicious traffic inline
"""


def test_an_acronym_spelt_but_its_first_letter_gives_it_away() -> None:
    stem = "“directory access protocol for user lookups, port 389”"
    assert clue(stem, "LDAP", ["RADIUS", "SNMP", "TACACS+"]) == "directory access protocol"
    assert clue(stem, "LDAP", ["DAP", "SNMP", "TACACS+"]) is None  # a wrong option spells it too
    # three letters are too few: a three-letter acronym needs all its words
    assert clue("“access protocol for lookups”", "MAP", ["SNMP", "LDAP"]) is None


def test_the_capitals_a_name_is_made_of_give_it_away() -> None:
    stem = "“inject SQL via input; fix = parameterized queries”"
    assert clue(stem, "SQLi", ["SSRF", "XSS", "CSRF"]) == "SQL"
    assert clue(stem, "SQLi", ["NoSQLi", "XSS", "CSRF"]) is None
    assert clue("“rules attached to a subnet”", "ACLs", ["WAF", "IPS"]) is None


def test_no_kept_question_quotes_those_words_beside_its_key() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    for q in bank.questions:
        if q.kind != "choice":
            continue
        key = q.choices[q.answer]
        assert not (key == "LDAP" and "directory access protocol" in q.prompt), q.prompt
        assert not (key == "ACLs" and "ACL rules" in q.prompt), q.prompt
