"""Two exported shapes: an Anki deck ("**Front:** …" / "**Back:** …" / "Tags: ckad::workloads",
cloze cards written "{{c1::maxSurge}} defaults to {{c2::25%}}") and a slide deck's outline
("**Slide 2: Resource hierarchy**" over lines of arrows, "Notes: …" speaker notes, a closing
recap slide). The labels, tags and slide numbers are no words of the notes; a cloze card's
front is its statement, with the hidden words marked; each slide is a section of its own."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document

ANKI = """# CKAD — Anki export

### Card 1
**Front:** Default `.spec.strategy.type` for a Deployment?
**Back:** `RollingUpdate`. Alternative is `Recreate` → all old Pods killed first.
Tags: ckad::workloads

### Card 2
**Front:** {{c1::maxSurge}} defaults to {{c2::25%}} and {{c3::maxUnavailable}} defaults to {{c4::25%::percent}} in a RollingUpdate.
**Back:** % of desired replicas. maxSurge rounds **up**, maxUnavailable rounds **down**.
Tags: ckad::workloads cloze

### Card 3
**Front:** Generate a Deployment manifest (3 replicas) without creating anything.
**Back:**
```bash
kubectl create deployment web --image=nginx --replicas=3 --dry-run=client -o yaml
```
Tags: ckad::imperative

### Card 4
**Front:** A Job's {{c1::backoffLimit}} defaults to {{c2::6}}; {{c3::completions}} defaults to {{c4::1}}.
**Back:** Retry delay is exponential (10s, 20s, 40s…) capped at 6 min.
Tags: ckad::jobs cloze
"""


def test_card_labels_tags_and_instructions_are_no_statements() -> None:
    doc = parse_document(ANKI, "n.md")
    texts = [b.text for b in doc.content]
    assert not any(t.startswith(("Front:", "Back:", "Tags:")) or "ckad::" in t for t in texts), (
        texts
    )
    reasons = {n.reason for n in doc.noise}
    assert {"question in the notes", "tags"} <= reasons, doc.noise
    assert not any("Generate a Deployment manifest" in t for t in texts)


def test_a_cloze_cards_front_is_its_statement_with_the_hidden_words_marked() -> None:
    doc = parse_document(ANKI, "n.md")
    front = next(b for b in doc.content if b.text.startswith("maxSurge defaults to"))
    assert (
        front.text
        == "maxSurge defaults to 25% and maxUnavailable defaults to 25% in a RollingUpdate."
    )
    assert {"maxSurge", "25%", "maxUnavailable"} <= set(front.inline.strong)
    prompts = [q.prompt for _, q in generate_document("n.md", ANKI).chosen]
    assert prompts
    assert not any(w in p for p in prompts for w in ("{{", "Front:", "Back:", "Card 2", "Tags")), (
        prompts
    )


def test_a_deck_number_names_no_topic() -> None:
    for _, q in generate_document("n.md", ANKI).chosen:
        assert "Card " not in q.prompt and not q.topic.startswith("Card "), q


SLIDES = """ACE prep — week 3 deck (outline view, pasted)

**Slide 1: Exam snapshot**
2 h / 50–60 Qs / multiple choice + multiple select
$125 → valid 3 yrs

Notes: Five sections. Deploying and implementing is the heaviest, about a quarter of the exam.

**Slide 2: Disks**
pd-standard / pd-balanced / pd-ssd / pd-extreme
Local SSD → 375 GB each → data gone on stop/delete
Snapshots → incremental / global resource

**Slide 3: Databases — which one?**
Spanner → relational + horizontal scale / 99.999% multi-region
Cloud SQL → regional, up to 64 TB storage

**Slide 4: Cloud Storage classes**
Nearline → 30d min, Coldline → 90d, Archive → 365d
Bucket names globally unique, 3–63 chars

**Slide 5: Recap**
Local SSD 375 GB / data gone on stop
Nearline 30d / Coldline 90d
"""


def test_each_slide_is_a_section_of_its_own_and_each_line_a_note() -> None:
    doc = parse_document(SLIDES, "n.md")
    by_line = {b.text: b.section.path for b in doc.content}
    assert by_line["Local SSD → 375 GB each → data gone on stop/delete"] == ("Slide 2: Disks",)
    assert by_line["Spanner → relational + horizontal scale / 99.999% multi-region"] == (
        "Slide 3: Databases — which one?",
    )
    assert not any(t.startswith("Notes:") for t in by_line)  # the speaker notes keep no label...
    assert any(t.startswith("Five sections.") for t in by_line)  # ...and stay notes


def test_a_slide_number_is_never_asked_and_the_recap_slide_is_skipped() -> None:
    r = generate_document("n.md", SLIDES)
    assert r.chosen
    for _, q in r.chosen:
        assert "Slide" not in q.prompt and "Notes:" not in q.prompt, q.prompt
    assert "recap" in {n.reason for n in r.doc.noise}


def test_a_bold_question_over_its_answer_is_still_a_card() -> None:
    doc = parse_document(
        "## Redis\n\n**Q2: Can RDB write during BGSAVE?**\n"
        "A: fork gives the child a copy-on-write view of memory.\n",
        "n.md",
    )
    assert [b.text for b in doc.content] == ["fork gives the child a copy-on-write view of memory."]
    assert doc.sections[-1].path == ("Redis",)


def test_the_line_before_the_first_slide_leads_none_of_its_lines() -> None:
    doc = parse_document(SLIDES, "n.md")
    first = next(b for b in doc.content if b.text.startswith("$125"))
    assert first.lead is None
    for _, q in generate_document("n.md", SLIDES).chosen:
        assert "ACE prep" not in q.prompt, q.prompt


ARROWS = """# GCP

## IAM roles

- Basic → Owner / Editor / Viewer (too broad)
- Predefined → fine-grained roles per service, e.g. `roles/storage.objectViewer`
- Custom → org or project level only (NOT folder)

## Hierarchy

- Org → Folders → Projects → Resources
- Policies inherit downward

## Ports

- DNS -> 53 (UDP queries)
- NTP -> 123 over UDP
- SSH -> 22 over TCP
"""


def test_a_list_of_names_each_said_after_one_arrow_is_a_glossary() -> None:
    from questions.facts.extract import extract

    facts = extract(parse_document(ARROWS, "n.md"))
    defined = {f.subject: f.value for f in facts if f.kind == "definition"}
    assert defined.get("Custom") == "org or project level only (NOT folder)"
    assert defined.get("Basic") == "Owner / Editor / Viewer (too broad)"
    assert "Org" not in defined  # a path of arrows names nothing
    assert "DNS" not in defined  # a number after the arrow is asked as a number


def test_a_card_that_names_its_topic_before_asking_keeps_it_with_the_answer() -> None:
    notes = (
        "## Pods\n\n**Front:** Native sidecar container — how is it declared?\n"
        "**Back:** An entry in `initContainers` with `restartPolicy: Always`, started before the app.\n"
    )
    texts = [b.text for b in parse_document(notes, "n.md").content]
    assert texts == [
        "Native sidecar container: An entry in initContainers with restartPolicy: Always, started before the app."
    ]
