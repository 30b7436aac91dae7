"""Unseen notes review (issue #13), OAuth notes: "True or false: Now recommended for
confidential clients too (stops code injection), mandatory in OAuth 2.1." The paragraph goes
on from the one before it; alone it never says what is recommended."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.numbers import subjectless

NOTES = """# TLS notes

## Certificates

The server sends its chain in the handshake and the client checks it up to a trusted root.

Now required for internal services too (stops spoofing), mandatory since policy v3.

## Ciphers

- TLS 1.3 has only 5 cipher suites
- TLS 1.2 allows 37 of them in common servers
"""


def test_a_line_that_opens_with_a_participle_has_no_subject() -> None:
    assert subjectless("Now recommended for confidential clients too")
    assert subjectless("often used for batch jobs")
    assert not subjectless("Nginx is used for reverse proxying")


def test_no_statement_without_a_subject() -> None:
    for _, q in generate_document("t.md", NOTES).chosen:
        assert "Now required" not in q.prompt, q.prompt
