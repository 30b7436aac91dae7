"""A mind map saved by FreeMind or Freeplane (questions/parse/freemind.py): the raw .mm XML, its
nodes nested in each other, notes as XHTML, attributes, and the map's styles as style nodes.
Read as Markdown it was one block of tags, and no question was asked."""

from __future__ import annotations

import time

from questions.generate import generate_document
from questions.parse.freemind import freemind_as_markdown
from questions.parse.markdown import parse_document

MAP = """<map version="freeplane 1.9.13">
<!--To view this file, download free mind mapping software Freeplane from https://www.freeplane.org -->
<node TEXT="AWS storage&#xa;(SAA-C03 revision)" FOLDED="false" ID="ID_1" CREATED="1700000000000" MODIFIED="1700000000001">
<font SIZE="18" BOLD="true"/>
<hook NAME="MapStyle" zoom="1.1">
    <properties show_note_icons="true" fit_to_viewport="false"/>
<map_styles>
<stylenode LOCALIZED_TEXT="styles.root_node" STYLE="oval">
<stylenode LOCALIZED_TEXT="styles.predefined" POSITION="right" STYLE="bubble">
<stylenode LOCALIZED_TEXT="default" ID="ID_9" COLOR="#000000" STYLE="fork">
<font NAME="SansSerif" SIZE="10"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="plain/auto"/>
</stylenode>
<stylenode TEXT="Glossary style" ID="ID_8"/>
</stylenode>
</stylenode>
</map_styles>
</hook>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>

  </head>
  <body>
    <p>
      Storage is about a quarter of the exam questions
    </p>
  </body>
</html>
</richcontent>
<node TEXT="Storage services" POSITION="right" ID="ID_2">
<edge COLOR="#ff0000"/>
<node TEXT="EBS = block storage volume attached to a single EC2 instance in one AZ" ID="ID_3">
<icon BUILTIN="yes"/>
</node>
<node TEXT="EFS = managed NFS file system shared by many Linux instances across AZs" ID="ID_4"/>
<node TEXT="S3 = object storage with eleven nines of durability" ID="ID_5">
<arrowlink DESTINATION="ID_6" STARTARROW="NONE" ENDARROW="DEFAULT"/>
</node>
<node TEXT="FSx = managed Windows or Lustre file systems" ID="ID_7"/>
<node TEXT="Instance store = temporary block storage physically attached to the host" ID="ID_10"/>
</node>
<node TEXT="S3 storage classes" POSITION="left" ID="ID_6">
<font BOLD="true"/>
<node TEXT="Standard-IA" ID="ID_11">
<attribute_layout NAME_WIDTH="60 pt"/>
<attribute NAME="minimum storage" VALUE="30 days"/>
</node>
<node TEXT="Glacier Deep Archive" ID="ID_12">
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>

  </head>
  <body>
    <p>
      Retrieval takes up to 12 hours&#160;with standard retrieval
    </p>
  </body>
</html>
</richcontent>
</node>
<node TEXT="Lifecycle rules&#xa;move objects to cheaper classes after a set number of days" ID="ID_13"/>
<node TEXT="Gateway types" ID="ID_14">
<node TEXT="File Gateway = NFS and SMB access to S3" ID="ID_15"/>
<node TEXT="Volume Gateway = iSCSI block volumes backed by S3" ID="ID_16"/>
<node TEXT="Tape Gateway = virtual tape library for backup software" ID="ID_17"/>
</node>
</node>
</node>
</map>
"""


def test_root_is_the_title_branches_sections_and_deeper_nodes_nested_items() -> None:
    doc = parse_document(MAP, "aws.mm")
    assert doc.title == "AWS storage (SAA-C03 revision)"
    heads = [s.heading for s in doc.sections if s.level == 2]
    assert heads == ["Storage services", "S3 storage classes"]
    items = {b.text: b for b in doc.blocks if b.kind == "item"}
    file_gateway = items["File Gateway = NFS and SMB access to S3"]
    assert file_gateway.parent is not None and file_gateway.parent.text == "Gateway types"
    assert file_gateway.section.heading == "S3 storage classes"


def test_notes_are_text_under_their_node_and_attributes_name_value_items() -> None:
    doc = parse_document(MAP, "aws.mm")
    by_text = {b.text: b for b in doc.blocks}
    note = by_text["Retrieval takes up to 12 hours with standard retrieval"]
    assert note.parent is not None and note.parent.text == "Glacier Deep Archive"
    days = by_text["minimum storage: 30 days"]
    assert days.kind == "item" and days.parent is not None and days.parent.text == "Standard-IA"
    # the root's note: a paragraph of the title's own
    assert "Storage is about a quarter of the exam questions" in by_text


def test_a_nodes_other_lines_are_items_under_it() -> None:
    doc = parse_document(MAP, "aws.mm")
    items = {b.text: b for b in doc.blocks if b.kind == "item"}
    under = items["move objects to cheaper classes after a set number of days"]
    assert under.parent is not None and under.parent.text == "Lifecycle rules"


def test_styles_icons_and_links_are_no_text() -> None:
    doc = parse_document(MAP, "aws.mm")
    said = " ".join(b.text for b in doc.blocks)
    for word in ("Glossary style", "styles.", "SansSerif", "ID_", "ENDARROW", "<"):
        assert word not in said, word
    reasons = {n.reason for n in doc.noise}
    assert {"mind map styles", "mind map markup"} <= reasons


def test_a_definition_is_asked_with_its_term_and_no_markup_reaches_a_question() -> None:
    result = generate_document("aws.mm", MAP)
    asked = [q for _, q in result.chosen]
    assert asked
    for q in asked:
        for text in (q.prompt, *q.choices):
            assert "<" not in text and "&#" not in text and "TEXT=" not in text, text
            assert "stylenode" not in text and "richcontent" not in text, text
    ebs = [q for q in asked if "single EC2 instance" in q.prompt]
    assert ebs and all(q.choices[q.answer] == "EBS" for q in ebs)


def test_a_note_in_html_becomes_markdown_a_table_a_pipe_table() -> None:
    note = """<map version="1.0.1">
<node TEXT="Ports">
<node TEXT="Well-known">
<node TEXT="Remote access"><richcontent TYPE="NOTE"><html><head></head><body>
<p>Both are <b>TCP</b> by default</p>
<ul><li>SSH is encrypted</li><li>Telnet sends text in the clear</li></ul>
<table><tr><td>Service</td><td>Port</td></tr><tr><td>SSH</td><td>22</td></tr></table>
</body></html></richcontent>
</node>
</node>
</node>
</map>"""
    out, _ = freemind_as_markdown(note.split("\n"))
    assert "  Both are **TCP** by default" in out
    assert "  - SSH is encrypted" in out
    assert "  | SSH | 22 |" in out
    doc = parse_document(note, "ports.mm")
    assert [b for b in doc.blocks if b.kind == "table"]
    assert not [b for b in doc.blocks if "<" in b.text]


def test_a_map_on_one_line_still_reads() -> None:
    one = '<map version="1.0.1"><node TEXT="T"><node TEXT="A"><node TEXT="x = 1"/><node TEXT="y = 2"/></node></node></map>'
    out, _ = freemind_as_markdown([one])
    assert out == ["# T", "## A", "- x = 1", "- y = 2"]


def test_entities_broken_xml_and_other_files_are_not_read() -> None:
    bomb = ['<map version="1.0.1">', '<!DOCTYPE map [<!ENTITY a "aaaaaaaaaa">]>', '<node TEXT="&a;&a;"/>', "</map>"]  # fmt: skip
    assert freemind_as_markdown(bomb) == (bomb, [])
    broken = ['<map version="freeplane 1.9.13">', '<node TEXT="a">', "</map>"]
    assert freemind_as_markdown(broken) == (broken, [])
    html_map = ["## Campus", "", '<map name="campus">', '<area shape="rect" href="a.html"/>', "</map>"]  # fmt: skip
    assert freemind_as_markdown(html_map) == (html_map, [])
    md = ["# Notes", "", "- EBS = block storage"]
    assert freemind_as_markdown(md) == (md, [])


def test_deep_and_wide_maps_are_read_quickly() -> None:
    deep = '<map version="1.0.1">' + '<node TEXT="x">' * 2000 + "</node>" * 2000 + "</map>"
    started = time.process_time()
    out, _ = freemind_as_markdown([deep])
    assert max(len(line) - len(line.lstrip()) for line in out) <= 10
    wide = ['<map version="1.0.1">', '<node TEXT="r">', *['<node TEXT="item"/>'] * 5000, "</node>", "</map>"]  # fmt: skip
    out, _ = freemind_as_markdown(wide)
    assert len(out) == len(wide)
    assert time.process_time() - started < 5
