"""Unseen notes review (issue #13), OAuth notes: "POST /token with ___ + scope" offered
`access_token=client_credentials` and `expires_in=client_credentials` beside the key
`grant_type=client_credentials`: a value named for its own field, set on others, is nonsense
no reader picks. A plain value any field may take (`None`) is still set on the others."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Payments API notes

## Refund flow

1. POST `/refunds` with `refund_reason=requested_by_customer` + `amount`
2. the API answers `202` with a `refund_id`
3. poll `/refunds/{refund_id}` until `refund_status` is final
4. a webhook `charge.refunded` fires once it settles

## Services

- headless service: `clusterIP: None` -> DNS returns the pod IPs
- `nodePort` opens the same port on every node
- `targetPort` is the container port
"""


def test_a_value_of_its_own_field_is_set_on_no_other() -> None:
    kept = [q for _, q in generate_document("t.md", NOTES).chosen]
    for q in kept:
        assert not any(c.endswith("=requested_by_customer") for c in q.choices
                       if c != "refund_reason=requested_by_customer"), q.choices  # fmt: skip
    # `clusterIP: None` beside the other fields set to None still
    headless = [q for q in kept if q.choices[q.answer] == "clusterIP: None"]
    assert headless and "targetPort: None" in headless[0].choices, kept
