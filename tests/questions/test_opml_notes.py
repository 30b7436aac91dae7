"""An outliner's OPML export (questions/parse/opml.py): read as Markdown it was one paragraph
of XML tags, and no question passed the gates."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.opml import opml_as_markdown

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Terraform Associate prep</title>
  </head>
  <body>
    <outline text="State" _note="the most tested domain">
      <outline text="#exam" />
      <outline text="&lt;b&gt;terraform.tfstate&lt;/b&gt; maps config to real resource IDs" />
      <outline text="Remote backends">
        <outline text="S3 backend locks with use_lockfile since 1.10" />
        <outline text="azurerm backend locks with a blob lease" />
        <outline text="gcs backend locks natively" />
      </outline>
      <outline text="read the backend docs again" _complete="true" />
    </outline>
    <outline text="Variables">
      <outline text="terraform.tfvars is loaded automatically" />
      <outline text="-var on the CLI wins over every file" _note="last one given wins" />
      <outline text="TF_VAR_name sets a variable from the environment" />
    </outline>
  </body>
</opml>
"""


def test_top_level_bullets_are_sections_and_the_rest_nested_items() -> None:
    doc = parse_document(OPML, "tf.opml")
    assert doc.title == "Terraform Associate prep"
    assert [s.heading for s in doc.sections if s.level == 2] == ["State", "Variables"]
    items = {b.text: b for b in doc.blocks if b.kind == "item"}
    s3 = items["S3 backend locks with use_lockfile since 1.10"]
    assert s3.parent is not None and s3.parent.text == "Remote backends"
    assert "-var on the CLI wins over every file: last one given wins" in items
    assert "terraform.tfstate maps config to real resource IDs" in items  # escaped <b> read


def test_done_bullets_are_tasks_and_tags_say_nothing() -> None:
    doc = parse_document(OPML, "tf.opml")
    done = [b for b in doc.blocks if "backend docs" in b.text]
    assert done and all(b.noise == "TODO" for b in done)
    assert not [b for b in doc.blocks if b.text.strip() == "#exam"]


def test_questions_are_asked_and_no_markup_reaches_them() -> None:
    result = generate_document("tf.opml", OPML)
    asked = [q for _, q in result.chosen]
    assert asked
    for q in asked:
        for text in (q.prompt, *q.choices):
            assert "<" not in text and "&lt;" not in text and "outline" not in text, text


def test_an_outline_on_one_line_still_reads() -> None:
    one = '<?xml version="1.0"?><opml version="2.0"><head><title>T</title></head><body><outline text="A"><outline text="x = 1"/><outline text="y = 2"/></outline></body></opml>'
    out, _ = opml_as_markdown([one])
    assert out == ["# T", "## A", "- x = 1", "- y = 2"]


def test_entities_broken_xml_and_other_files_are_not_read() -> None:
    bomb = ['<?xml version="1.0"?>', '<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">]>', "<opml><body>", '<outline text="&a;&a;"/>', "</body></opml>"]  # fmt: skip
    assert opml_as_markdown(bomb) == (bomb, [])
    broken = ['<?xml version="1.0"?>', "<opml><body>", '<outline text="a">', "</opml>"]
    assert opml_as_markdown(broken) == (broken, [])
    md = ["## Notes", "", "- <b>bold</b> item"]
    assert opml_as_markdown(md) == (md, [])


def test_deep_and_wide_outlines_are_read() -> None:
    deep = "<opml><body>" + '<outline text="x">' * 500 + "</outline>" * 500 + "</body></opml>"
    out, _ = opml_as_markdown([deep])
    assert max(len(line) - len(line.lstrip()) for line in out) <= 10
    wide = ["<opml><body>", *['<outline text="item"/>'] * 5000, "</body></opml>"]
    out, _ = opml_as_markdown(wide)
    assert len(out) == len(wide)
