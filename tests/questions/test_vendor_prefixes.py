"""Options of a cloud whose key alone is written with its prefix ("Amazon Cognito" among "AWS
IAM", "AWS STS" and "AWS Directory Service") are offered without the prefix: the key was the
one at a glance (session 40's review of the shipped bank, too easy)."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.common import vendor_neutral

NOTES = """# Security services

## Identity

- **Amazon Cognito** adds user sign-up and sign-in to web and mobile apps
- **AWS IAM** controls who may call which AWS API in an account
- **AWS STS** hands out temporary credentials for a role
- **AWS Directory Service** runs a managed Microsoft Active Directory
"""


def test_a_key_alone_with_its_prefix_loses_it_with_the_others() -> None:
    assert vendor_neutral("Amazon Cognito", ["AWS IAM", "AWS STS"]) == ("Cognito", ["IAM", "STS"])
    assert vendor_neutral("Cloud Run", ["Google App Engine", "Google Compute Engine"]) == (
        "Cloud Run",
        ["App Engine", "Compute Engine"],
    )


def test_shared_prefixes_and_a_wrong_option_standing_out_stay() -> None:
    assert vendor_neutral("AWS IAM", ["AWS STS", "AWS KMS"]) == ("AWS IAM", ["AWS STS", "AWS KMS"])
    mixed = ["Amazon Macie", "AWS Security Hub"]
    assert vendor_neutral("Amazon Inspector", mixed) == ("Amazon Inspector", mixed)
    odd = ["AWS STS", "Amazon Cognito"]
    assert vendor_neutral("AWS IAM", odd) == ("AWS IAM", odd)
    # two names alike without it, and Azure's own names ("Azure Policy"): kept
    assert vendor_neutral("Amazon Config", ["AWS Config", "AWS S3"])[0] == "Amazon Config"
    assert vendor_neutral("Azure Policy", ["Microsoft Defender", "Microsoft Entra ID"])[0] == (
        "Azure Policy"
    )


def test_no_key_is_the_only_option_written_with_its_prefix() -> None:
    asked = [q for _, q in generate_document("sec.md", NOTES).chosen]
    assert any(q.choices[q.answer] == "Cognito" for q in asked), [q.choices for q in asked]
    for q in asked:
        prefix = q.choices[q.answer].split()[0]
        if prefix in ("Amazon", "AWS"):
            assert any(c.startswith(prefix + " ") for c in q.choices if c != q.choices[q.answer])
