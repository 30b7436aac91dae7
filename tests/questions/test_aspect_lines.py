"""A line "doing something - how" alone under a heading that names a thing: the left side is
what is done (a gerund phrase), not a term, so the line says it of the heading's thing."""

from __future__ import annotations

from pathlib import Path

from questions.generate import DocumentResult, generate_document

NOTES = Path(__file__).parent / "notes"


def _result(name: str) -> DocumentResult:
    path = NOTES / name
    return generate_document(f"notes/{name}", path.read_text(encoding="utf-8"))


def test_a_gerund_line_describes_the_heading_it_sits_under() -> None:
    r = _result("edge-services.md")
    cdn = [f for f in r.facts if f.kind == "definition" and f.subject.startswith("Content")]
    assert [(f.subject, f.role) for f in cdn] == [("Content delivery network CDN", "heading")]
    assert cdn[0].value.startswith("cutting latency")
    assert "edge locations near the users" in cdn[0].value
    assert not any(f.subject == "cutting latency" for f in r.facts)
    asked = [c for c, _ in r.chosen if c.fact.subject == "Content delivery network CDN"]
    assert len(asked) == 1
    c = asked[0]
    assert c.answer_text == "Content delivery network CDN"
    assert "serve static files from edge locations" in c.prompt
    # the other topics of the notes are the wrong options, never the gerund phrase
    assert set(c.distractors) <= {
        "Object storage service",
        "Message queue service",
        "Domain name system",
        "Key-value cache",
        "Web application firewall WAF",
    }
    assert len(c.distractors) >= 2


def test_a_name_or_a_misc_heading_keeps_the_line_as_it_is() -> None:
    """ "default port - 6379" names a setting, and "## Tips and tricks" names no thing: neither
    line is said of its heading."""
    r = _result("edge-services.md")
    facts = {(f.subject, f.value) for f in r.facts if f.kind == "definition"}
    assert ("testing failover", "pull the network cable of the primary once a quarter") in facts
    assert not any(s == "Tips and tricks" for s, _ in facts)
    assert not any(v.startswith("default port:") for _, v in facts)


def test_a_heading_named_with_its_short_form_names_a_thing() -> None:
    """ "## Web application firewall WAF" is a name and its acronym, not a phrase: the one line
    under it defines it, as the line under "## Domain name system" defines that."""
    r = _result("edge-services.md")
    waf = [f for f in r.facts if f.kind == "definition" and f.subject.endswith("WAF")]
    assert [(f.subject, f.role, f.value) for f in waf] == [
        (
            "Web application firewall WAF",
            "heading",
            "a filter that blocks malicious requests before they reach the app",
        )
    ]
    asked = [c for c, _ in r.chosen if c.fact.subject == "Web application firewall WAF"]
    assert len(asked) == 1
    c = asked[0]
    assert "a filter that blocks malicious requests" in c.answer_text + c.prompt
    assert len(c.options) >= 3
