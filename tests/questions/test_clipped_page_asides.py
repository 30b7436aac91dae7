"""Documentation pages saved with a web clipper, with the reader's own lines beside them
(unseen review of session 39): "Amazon SQS doesn't …" gave the name "SQS doesn" and a blank
"Amazon ___'t …"; the reader's "**me:**" label was put in front of a cloze as its subject;
and a page's "###### Note" callout became a section named "Note"."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.stems import cloze

CLIPPED = """# SQS notes

## Visibility timeout

When a consumer receives a message, the message remains in the queue. Amazon SQS doesn't
automatically delete the message. `ChangeMessageVisibility` doesn't affect later receipts.
FIFO doesn't support per-message timers. Standard queues support at least once delivery.

###### Note

If you exceed the message size quota, Amazon SQS rejects the message. A single
`SendMessageBatch` request can't exceed 256 KiB.

**me:** message timer = per-message `DelaySeconds`; only queue-level delay. 512 KiB limit counts body + attributes.

The default visibility timeout is 30 seconds. The maximum is 12 hours.

## Long polling

Long polling waits up to 20 seconds for a message. Short polling returns at once.
"""


def test_a_contraction_is_no_name() -> None:
    result = generate_document("clip.md", CLIPPED)
    assert not any(f.subject.endswith("doesn") for f in result.facts)
    for _, q in result.chosen:
        assert not any(c.endswith("doesn") for c in q.choices), q.choices
        assert "___'t" not in q.prompt, q.prompt


def test_the_readers_own_label_is_no_subject() -> None:
    result = generate_document("clip.md", CLIPPED)
    assert result.chosen
    for _, q in result.chosen:
        assert "me:" not in q.prompt, q.prompt


def test_a_filing_or_aside_label_opens_no_cloze() -> None:
    assert (
        cloze("Note: A ___ limit counts body.", "en")
        == "Fill in the blank: A ___ limit counts body."
    )
    assert (
        cloze("me: the ___ limit counts body.", "en")
        == "Fill in the blank: the ___ limit counts body."
    )
    assert (
        cloze("Notes are kept for ___ days.", "en")
        == "Fill in the blank: Notes are kept for ___ days."
    )


def test_a_clipped_callout_heading_stays_in_its_section() -> None:
    doc = parse_document(CLIPPED, "clip.md")
    assert "Note" not in {s.heading for s in doc.sections}
    quota = next(b for b in doc.blocks if "message size quota" in b.text)
    assert quota.section.heading == "Visibility timeout"
    notes = parse_document("# N\n\n## Notes\n\nSQS keeps messages for 4 days by default.\n", "n.md")
    assert "Notes" in {s.heading for s in notes.sections}  # a section of notes is one


def test_an_arrow_saying_the_line_matters_is_no_word_of_it() -> None:
    notes = (
        "# GCP\n\n## Load balancers\n\n"
        "- health check firewall: allow 35.191.0.0/16 and 130.211.0.0/22 <- on the exam!\n"
        "- Internal Application LB: regional, L7 inside VPC\n"
        "- External passthrough NLB: L4, regional, keeps client IP\n"
        "- routing: Service <- Ingress\n"
    )
    doc = parse_document(notes, "gcp.md")
    texts = [b.text for b in doc.blocks]
    assert "health check firewall: allow 35.191.0.0/16 and 130.211.0.0/22" in texts, texts
    assert "routing: Service <- Ingress" in texts  # a plain arrow is the line's own


def test_a_remark_on_what_the_exam_likes_is_noise() -> None:
    notes = (
        "# S3\n\n## Uploads\n\n"
        "A single PUT can upload an object of up to 5 GB.\n\n"
        "AWS recommends multipart upload for objects larger than 100 MB.\n\n"
        "exam loves the 100MB vs 5GB thing\n\n"
        "The exam asks 65 questions in 130 minutes.\n"
    )
    doc = parse_document(notes, "s3.md")
    reasons = {n.text[:20]: n.reason for n in doc.noise}
    assert reasons.get("exam loves the 100MB") == "remark on the exam", reasons
    assert any(b.text.startswith("The exam asks 65") for b in doc.content)  # a fact of the exam
    prompts = [q.prompt for _, q in generate_document("s3.md", notes).chosen]
    assert not any("exam loves" in p for p in prompts), prompts


def test_a_line_said_to_be_off_the_exam_is_noise() -> None:
    notes = (
        "# Terraform\n\n## Licensing\n\n"
        "Licensing aside (not on exam): BSL 1.1 since 1.6, then the OpenTofu fork.\n\n"
        "Terraform state is stored in terraform.tfstate by default.\n\n"
        "HCP Terraform runs plans remotely (不考) in version 1.6 workspaces.\n"
    )
    doc = parse_document(notes, "tf.md")
    off = [n for n in doc.noise if n.reason == "not on the exam"]
    assert len(off) == 2, doc.noise
    assert any(b.text.startswith("Terraform state") for b in doc.content)
