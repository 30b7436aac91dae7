"""Names a line's head sets against each other ("Azure Policy vs RBAC — …", "ACI vs AKS") are
the options a reader confuses: each is the other's first wrong option. AZ-900 notes asked
Azure Policy among TCO calculator / Pricing calculator / Service Trust Portal, and Defender
for Cloud among Conditional Access / Zero Trust, while their "X vs Y" lines named RBAC and
Azure Advisor."""

from __future__ import annotations

import pytest

from questions.generate import generate_from_texts
from questions.rivals import contrasted, name_forms

NOTES = """# AZ-900

## Governance

- Azure Policy — create/assign/enforce rules on resource properties (allowed regions, tags)
- TCO calculator — compare on-prem infra cost vs running in Azure
- Pricing calculator — estimate cost of new Azure services
- Service Trust Portal — compliance reports, audits, docs
- Tags — name/value pairs for cost reporting

## Security

- Azure RBAC — role-based access control, applied at a scope, inherited downward
- Zero Trust — never trust, always verify; least privilege, assume breach
- Conditional Access — if/then policies on user, location, device
- Microsoft Defender for Cloud — posture management (secure score) + threat protection
- Azure Advisor — personalized recommendations in 5 categories

## X vs Y (the trick questions)

- Azure Policy vs RBAC — Policy controls WHAT is allowed; RBAC controls WHO can do what
- Azure Advisor vs Defender for Cloud — Advisor = best practice; Defender = security posture
"""


def test_a_name_set_against_the_key_is_offered_beside_it() -> None:
    bank, _ = generate_from_texts([("a.md", NOTES)], "a")
    by_key = {q.choices[q.answer]: q for q in bank.questions if len(q.choices) > 2}
    policy = by_key.get("Azure Policy")
    assert policy is not None, [q.prompt for q in bank.questions]
    assert "Azure RBAC" in policy.choices, policy.choices
    advisor = by_key.get("Azure Advisor")
    assert advisor is not None, [q.prompt for q in bank.questions]
    assert "Microsoft Defender for Cloud" in advisor.choices, advisor.choices


def test_contrasted_reads_the_heads_of_lines() -> None:
    found = contrasted([
        "Azure Policy vs RBAC — Policy controls WHAT",
        "RDB vs AOF vs 混合持久化: 三种持久化",
        "ACI vs AKS — single containers quickly vs full orchestration",
        "pick the cheaper tier when reads are rare vs frequent and latency matters a lot",
        "no contrast here",
    ])  # fmt: skip
    assert found["azurepolicy"] == {"RBAC"} and found["rbac"] == {"Azure Policy"}
    assert found["rdb"] == {"AOF", "混合持久化"}
    assert found["aks"] == {"ACI"}  # the description's own "vs" sets nothing against
    assert "frequent" not in str(found)  # a phrase of many words is no name
    # a line without a contrast before one reads on; "versus" and "VS" set names apart too,
    # quotes go, and a name of four words is still a name
    more = contrasted([
        "no contrast here",
        "Blue green versus canary: two release styles",
        "\"Cold HDD\" VS 'Throughput Optimized HDD volume' — sc1 / st1",
    ])  # fmt: skip
    assert more["bluegreen"] == {"canary"}, more
    assert more["coldhdd"] == {"Throughput Optimized HDD volume"}, more


@pytest.mark.parametrize(
    ("name", "forms"),
    [("Microsoft Defender for Cloud", ["microsoftdefenderforcloud", "defenderforcloud"]),
     ("Azure RBAC", ["azurerbac", "rbac"]),
     ("Azure Policy", ["azurepolicy"]),  # "Policy" alone is a word, not the name
     ("Azure Container Instances (ACI)", ["azurecontainerinstances", "containerinstances", "aci"]),
     ("Availability set", ["availabilityset"])],
)  # fmt: skip
def test_name_forms(name: str, forms: list[str]) -> None:
    assert name_forms(name) == forms
