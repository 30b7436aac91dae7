"""Properties listed under labelled groups (a RemNote export of session 37: eight questions
"Which of these has this property: …?" all keyed API Gateway among the same four services).
After the fourth, a property of the same group teaches the key, not the property: plan.py
asks at most MAX_LABEL_PROPERTIES of one group's properties among the same groups."""

from __future__ import annotations

from collections import Counter

from questions.generate import generate_document
from questions.plan import MAX_LABEL_PROPERTIES

NOTES = """# Serverless notes

## Compute and integration

- Lambda:
    - memory from 128 MB to 10,240 MB in 1 MB steps, CPU scales with memory
    - maximum timeout of 900 seconds per invocation
    - event source mappings poll SQS, Kinesis and DynamoDB Streams
    - function URLs give a dedicated HTTPS endpoint without API Gateway
    - init code outside the handler is reused across warm invocations
    - SnapStart cuts cold starts for Java functions
    - ephemeral storage in /tmp from 512 MB up to 10,240 MB
- Step Functions:
    - standard workflows run for up to one year, exactly-once
    - express workflows run for up to five minutes, at-least-once
- EventBridge:
    - rules match events by pattern and route them to targets
    - the scheduler runs cron and rate expressions
- SQS:
    - visibility timeout hides a message while a consumer works on it
    - long polling waits up to 20 seconds for messages
"""


def test_one_group_is_not_the_key_of_every_property() -> None:
    asked = [q for _, q in generate_document("sls.md", NOTES).chosen if q.choices]
    properties = [q for q in asked if "has this property" in q.prompt]
    assert properties, [q.prompt for q in asked]
    keys = Counter(q.choices[q.answer] for q in properties)
    assert max(keys.values()) <= MAX_LABEL_PROPERTIES, keys
    assert keys["Lambda"] == MAX_LABEL_PROPERTIES, keys  # the first ones of the list stay
