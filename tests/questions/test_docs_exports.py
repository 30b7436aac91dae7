"""Notes exported from a word processor (Google Docs' "Download as Markdown"): list markers
escaped ("\\- created by …", "1\\. **Transparency** – …"), page numbers left as lines ("Page
2"), bold lines for headings. Read as the lists they are; a name in title case keeps its case
in a stem ("Which Scrum Value …"); a stem that says "fill in the blank" has one."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.stems import display_noun

_DOCS = """**PSM I – Study Notes**

**Three Pillars (empirical process control)**

1\\. **Transparency** – emergent process & work must be visible to those doing the work⏎
   \\* low transparency → decisions that diminish value⏎
2\\. **Inspection** – artifacts & progress inspected frequently and diligently⏎
3\\. **Adaptation** – deviation outside acceptable limits → adjusted as soon as possible⏎

Page 2

**Scrum Values**

\\- Commitment – to achieving goals & supporting each other⏎
\\- Focus – primary focus on the work of the Sprint⏎
\\- Openness – about the work and the challenges⏎
\\- Courage – to do the right thing, work on tough problems⏎

for shorter Sprints the events are *usually* shorter (but Daily Scrum stays 15 min regardless\\!\\!)
"""
#: (each "⏎" is the two spaces a Docs export ends a line with: a hard break)
DOCS = _DOCS.replace("⏎", "  ")


def test_escaped_markers_are_lists_and_page_numbers_nothing() -> None:
    doc = parse_document(DOCS, "psm.md")
    items = [b.text for b in doc.content if b.kind == "item"]
    assert "Focus – primary focus on the work of the Sprint" in items, items
    assert any(t.startswith("Transparency – emergent process") for t in items), items
    assert not any(t.startswith(("\\\\", "*", "1.")) for t in items), items
    assert not any(b.text == "Page 2" for b in doc.content)


def test_a_title_case_name_keeps_its_case() -> None:
    assert display_noun("Probe kind") == "probe kind"
    assert display_noun("Scrum Value") == "Scrum Value"
    assert display_noun("AWS service") == "AWS service"


def test_every_fill_in_the_blank_has_its_blank() -> None:
    chosen = [q for _, q in generate_document("psm.md", DOCS).chosen]
    assert chosen
    for q in chosen:
        if q.prompt.startswith("Fill in the blank"):
            assert "___" in q.prompt, q.prompt


def test_a_blogs_shortcodes_are_no_words_and_a_highlight_is_code() -> None:
    from questions.parse.plain_text import as_markdown

    blog = (
        "{{< notice warning >}}\nS3 static website endpoints are **HTTP only**.\n{{< /notice >}}\n\n"
        '{{< highlight json >}}\n{"Days": 30}\n{{< /highlight >}}\n\n'
        '- [Notes #2]({{< ref "posts/ec2.md" >}})\n'
    )
    out = as_markdown(blog)
    assert "{{" not in out
    assert out.split("\n")[4:7] == ["```json", '{"Days": 30}', "```"]
    doc = parse_document(blog, "blog.md")
    assert any(b.kind == "code" for b in doc.blocks)


def test_a_bold_line_with_an_aside_or_a_dotted_name_is_a_heading() -> None:
    notes = (
        "**Definition of Done**\n\n- formal description of the Increment's quality\n\n"
        "**PSM I exam logistics (from scrum.org)**\n\n- 80 questions, **60 minutes**, pass 85%\n\n"
        "**The Increment is done.**\n\n- a sentence set in bold heads nothing\n"
    )
    doc = parse_document(notes, "psm.md")
    keys = {b.text[:12]: b.section.key for b in doc.content}
    assert keys["80 questions"] == "PSM I exam logistics (from scrum.org)"
    assert keys["a sentence s"] == "PSM I exam logistics (from scrum.org)"
