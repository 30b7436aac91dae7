"""Options of the key's form: a bare product name ("Looker") is offered beside the notes' other
bare names, not beside names under the vendor prefix most of them carry ("Google BigQuery"),
where the notes hold enough of its form; a kind of thing named by a common noun ("Retention
policy") likewise; commands keep their own rules."""

from __future__ import annotations

from pathlib import Path

from questions.distractors import of_form
from questions.generate import generate_document

NOTES = Path(__file__).parent / "notes"


def test_a_bare_name_is_offered_beside_bare_names() -> None:
    text = (NOTES / "gcp-services.md").read_text(encoding="utf-8")
    chosen = generate_document("gcp-services.md", text).chosen
    bare = {"Firestore", "Dataflow", "Looker", "Spanner"}
    asked = [q for _, q in chosen if q.choices[q.answer] in bare]
    assert len(asked) >= 2, [q.prompt for _, q in chosen]
    for q in asked:
        assert not any(c.startswith("Google ") for c in q.choices), q.choices
    prefixed = [q for _, q in chosen if q.choices[q.answer].startswith("Google ")]
    for q in prefixed:
        assert all(c.startswith("Google ") for c in q.choices), q.choices


def test_of_form_keeps_every_name_when_too_few_share_the_keys_form() -> None:
    names = ["AWS Kinesis", "Amazon Cognito", "AWS Inspector", "Layers", "Dynamodb"]
    assert of_form("AppSync", names) == ["Layers", "Dynamodb"]
    assert of_form("AWS SQS", names) == ["AWS Kinesis", "Amazon Cognito", "AWS Inspector"]
    assert of_form("Resource policy", names) == names  # no other policy: the rule does not bind
    assert of_form("Resource policy", [*names, "Deployment policy", "lifecycle policy"]) == [
        "Deployment policy",
        "lifecycle policy",
    ]
    commands = ["systemctl mask nginx", "systemctl list-timers", "journalctl -u nginx"]
    assert of_form("systemctl daemon-reload", commands) == commands
