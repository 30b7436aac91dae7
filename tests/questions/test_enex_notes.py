"""Notes exported from Evernote as an .enex file (questions/parse/enex.py): XML whose notes hold
their text as ENML (XHTML inside CDATA) next to their dates, tags and attachments. Read as
Markdown the file was one long block of tags, and no question was asked."""

from __future__ import annotations

import time

from questions.generate import generate_document
from questions.parse.enex import enex_as_markdown
from questions.parse.markdown import parse_document

ENEX = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">
<en-export export-date="20250907T101500Z" application="Evernote" version="10.90.4">
  <note>
    <title>CKA 01 - Cluster architecture</title>
    <content><![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">
<en-note><div><b>CKA</b> = 2 hours, 15-20 performance-based tasks, pass mark 66%</div>
<div><br/></div>
<div>Control plane components:</div>
<ul>
<li><div><b>kube-apiserver</b> – front end of the control plane, the only component that talks to etcd</div></li>
<li><div><b>etcd</b> – consistent key-value store that holds all cluster state</div></li>
<li><div><b>kube-scheduler</b> – assigns new pods to nodes</div></li>
<ul>
<li><div>filters nodes first, then scores the ones left</div></li>
</ul>
<li><div><b>kube-controller-manager</b> – runs the node, job and endpoint controllers</div></li>
</ul>
<div><span style="--en-highlight:yellow;background-color: rgb(255, 250, 165);">The kubelet runs on every node &amp; registers it with the API server</span></div>
<hr/>
<h2>Default ports</h2>
<table style="border-collapse: collapse; min-width: 100%;"><colgroup><col style="width: 200px;"/><col style="width: 120px;"/></colgroup><tbody>
<tr><td style="border: 1px solid rgb(204, 204, 204); padding: 6px;"><div><b>Component</b></div></td><td style="border: 1px solid rgb(204, 204, 204); padding: 6px;"><div><b>Port</b></div></td></tr>
<tr><td style="border: 1px solid rgb(204, 204, 204); padding: 6px;"><div>kube-apiserver</div></td><td style="border: 1px solid rgb(204, 204, 204); padding: 6px;"><div>6443</div></td></tr>
<tr><td style="border: 1px solid rgb(204, 204, 204); padding: 6px;"><div>etcd client</div></td><td style="border: 1px solid rgb(204, 204, 204); padding: 6px;"><div>2379</div></td></tr>
<tr><td style="border: 1px solid rgb(204, 204, 204); padding: 6px;"><div>kubelet</div></td><td style="border: 1px solid rgb(204, 204, 204); padding: 6px;"><div>10250</div></td></tr>
<tr><td style="border: 1px solid rgb(204, 204, 204); padding: 6px;"><div>kube-scheduler</div></td><td style="border: 1px solid rgb(204, 204, 204); padding: 6px;"><div>10259</div></td></tr>
</tbody></table>
<div><br/></div>
<div>Docs: <a href="https://kubernetes.io/docs/concepts/overview/components/">components</a></div>
</en-note>]]></content>
    <created>20250812T074512Z</created>
    <updated>20250903T201144Z</updated>
    <tag>cka</tag>
    <tag>architecture</tag>
    <note-attributes>
      <author>j.okafor</author>
      <source>desktop.win</source>
    </note-attributes>
  </note>
  <note>
    <title>CKA 02 - etcd backup &amp; restore</title>
    <content><![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">
<en-note><div>Snapshots are taken with <code>etcdctl snapshot save</code> and need ETCDCTL_API=3</div>
<div><en-media hash="0f3c55a8e2d94e1b8c7a6d5e4f3a2b1c" type="image/png"/></div>
<div>Restoring writes a new data directory, so the etcd static pod manifest must point at it</div>
<div style="box-sizing: border-box; padding: 8px; font-family: Monaco, Menlo, Consolas, &quot;Courier New&quot;, monospace; font-size: 12px; -en-codeblock:true;"><div>ETCDCTL_API=3 etcdctl snapshot save /opt/backup.db \\</div><div>&nbsp; --cacert=/etc/kubernetes/pki/etcd/ca.crt</div></div>
<ol>
<li><div>stop the <i>kube-apiserver</i> static pod</div></li>
<li><div>run <code>etcdctl snapshot restore</code> with <b>--data-dir</b></div></li>
<li><div>update the hostPath volume in etcd.yaml</div></li>
</ol>
<div><en-todo checked="true"/>practice the restore on a kind cluster</div>
<div><en-todo checked="false"/>time myself doing a backup under 5 minutes</div>
</en-note>]]></content>
    <created>20250815T190302Z</created>
    <updated>20250902T061530Z</updated>
    <tag>cka</tag>
    <tag>etcd</tag>
    <note-attributes>
      <author>j.okafor</author>
    </note-attributes>
    <resource>
      <data encoding="base64">
iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
      </data>
      <mime>image/png</mime>
      <resource-attributes>
        <file-name>etcd_restore.png</file-name>
      </resource-attributes>
    </resource>
  </note>
  <note>
    <title>CKA 03 - Services</title>
    <content><![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">
<en-note><div><b>Service types</b></div>
<ul>
<li><div><b>ClusterIP</b> – the default type, reachable only from inside the cluster</div></li>
<li><div><b>NodePort</b> – opens a port in the range 30000-32767 on every node</div></li>
<li><div><b>LoadBalancer</b> – asks the cloud provider for an external load balancer</div></li>
<li><div><b>ExternalName</b> – maps the service to a DNS name with a CNAME record</div></li>
</ul>
<div><br/></div>
<div>A headless service sets clusterIP: None &amp; returns the pod IPs from DNS</div>
<div>kube-proxy programs the service rules with iptables by default, or IPVS</div>
<ul style="--en-todo:true;">
<li style="--en-checked:true;"><div>label two nodes for the nodeSelector lab</div></li>
<li style="--en-checked:false;"><div>drain a node and watch its pods move</div></li>
</ul>
</en-note>]]></content>
    <created>20250820T120000Z</created>
    <updated>20250820T121500Z</updated>
    <tag>cka</tag>
  </note>
</en-export>
"""
TITLES = ["CKA 01 - Cluster architecture", "CKA 02 - etcd backup & restore", "CKA 03 - Services"]


def _titles(text: str) -> list[str]:
    doc = parse_document(text, "cka.enex")
    return [s.heading for s in doc.sections if s.level == 2]


def test_each_note_is_a_section_and_its_furniture_is_skipped() -> None:
    doc = parse_document(ENEX, "cka.enex")
    assert [s.heading for s in doc.sections if s.level == 2] == TITLES
    assert [s.line for s in doc.sections if s.level == 2] == [5, 43, 76]  # each <title>'s line
    reasons = {n.reason for n in doc.noise}
    assert {"note date", "note tag", "note attributes", "note attachment"} <= reasons
    base64 = next(n for n in doc.noise if n.text.startswith("iVBORw0KGgo"))
    assert base64.reason == "note attachment"
    for b in doc.blocks:
        assert "<" not in b.text and "2025" not in b.text and "j.okafor" not in b.text, b.text


def test_the_note_text_reads_as_markdown() -> None:
    doc = parse_document(ENEX, "cka.enex")
    items = {b.text: b for b in doc.blocks if b.kind == "item"}
    etcd = items["etcd – consistent key-value store that holds all cluster state"]
    assert "etcd" in etcd.inline.strong  # <b> is bold
    nested = items["filters nodes first, then scores the ones left"]
    assert nested.parent is not None and nested.parent.text.startswith("kube-scheduler")
    restore = items["run etcdctl snapshot restore with --data-dir"]  # an <ol>'s item, <code>
    assert restore.ordered and restore.number == 2
    assert restore.inline.code == ("etcdctl snapshot restore",)
    code = next(b for b in doc.blocks if b.kind == "code")  # Evernote's code block
    assert code.code.splitlines()[1].strip() == "--cacert=/etc/kubernetes/pki/etcd/ca.crt"
    todos = [b.text for b in doc.blocks if b.noise == "TODO"]
    assert any("practice the restore" in t for t in todos)
    assert any("under 5 minutes" in t for t in todos)
    assert any("nodeSelector lab" in t for t in todos)  # a checklist's items
    assert any("drain a node" in t for t in todos)
    texts = [b.text for b in doc.blocks]
    # a highlight keeps its words, "&amp;" is "&", a link is its text
    assert "The kubelet runs on every node & registers it with the API server" in texts
    assert "Docs: components" in texts
    ports = next(s for s in doc.sections if s.heading == "Default ports")
    assert ports.level == 4 and ports.path[0] == TITLES[0]  # <h2> under the note's title


def test_questions_are_asked_under_the_note_titles() -> None:
    result = generate_document("cka.enex", ENEX)
    asked = [q for _, q in result.chosen]
    assert len(asked) >= 5
    assert all(q.topic.split(" › ")[0] in [*TITLES, "Default ports"] for q in asked)
    assert {q.topic.split(" › ")[0] for q in asked} >= {TITLES[0], TITLES[2]}
    keys = {q.choices[q.answer] for q in asked if q.choices}
    assert keys & {"etcd", "kube-scheduler", "kube-controller-manager", "kube-apiserver"}
    assert keys & {"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"}
    for q in asked:
        for text in (q.prompt, *q.choices):
            assert "<" not in text and "&amp;" not in text and "CDATA" not in text, text


def test_a_table_is_read_as_its_rows() -> None:
    doc = parse_document(ENEX, "cka.enex")
    table = next(b.table for b in doc.blocks if b.kind == "table")
    assert table is not None
    assert table.header == ("Component", "Port")
    assert ("kubelet", "10250") in table.rows and ("kube-scheduler", "10259") in table.rows
    asked = [q for _, q in generate_document("cka.enex", ENEX).chosen]
    assert any(q.topic.endswith("Default ports") for q in asked)


def test_each_line_stays_on_its_line() -> None:
    lines = ENEX.split("\n")
    out, _ = enex_as_markdown(lines)
    assert len(out) == len(lines)
    doc = parse_document(ENEX, "cka.enex")
    code = next(b.line for b in doc.blocks if b.kind == "code")
    assert "-en-codeblock:true" in lines[code - 1]
    said = [b for b in doc.blocks if b.kind in ("paragraph", "item")]
    assert len(said) >= 15
    for b in said:
        word = max((w for w in b.text.split() if w.isalpha()), key=len)
        if code < b.line < 62:
            # the code block written on one line takes four: what follows it in its note
            # moves down to the next free line
            assert any(word in lines[n - 1] for n in range(b.line - 3, b.line + 1)), b.text
        else:
            assert word in lines[b.line - 1], (b.line, b.text)


def test_an_export_on_one_line_still_reads() -> None:
    one = " ".join(line.strip() for line in ENEX.split("\n"))
    assert _titles(one) == TITLES
    doc = parse_document(one, "cka.enex")
    texts = {b.text for b in doc.blocks}
    assert "NodePort – opens a port in the range 30000-32767 on every node" in texts
    assert "A headless service sets clusterIP: None & returns the pod IPs from DNS" in texts


def test_entity_declarations_are_refused() -> None:
    assert _titles(ENEX) == TITLES
    bomb = ENEX.replace(
        '<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">',
        '<!DOCTYPE en-export [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    ).replace("<title>CKA 03 - Services</title>", "<title>CKA 03 - Services &b;</title>")
    in_a_note = ENEX.replace(
        '<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">',
        '<!DOCTYPE en-note [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        1,
    )
    other_dtd = ENEX.replace("evernote-export4.dtd", "export.dtd")
    for text in (bomb, in_a_note, other_dtd):
        lines = text.split("\n")
        assert enex_as_markdown(lines) == (lines, [])
        assert not set(_titles(text)) & set(TITLES)


def test_other_files_and_broken_exports_come_back_unchanged() -> None:
    assert _titles(ENEX) == TITLES
    notes = ["## Services", "", "- <b>ClusterIP</b> is the default", "<en-export> in a sentence"]
    assert enex_as_markdown(notes) == (notes, [])
    opml = ['<?xml version="1.0"?>', "<opml><body>", '<outline text="a"/>', "</body></opml>"]
    assert enex_as_markdown(opml) == (opml, [])
    broken = ENEX.replace("</note>", "", 1).split("\n")
    assert enex_as_markdown(broken) == (broken, [])


def test_hostile_big_lines_are_read_in_bounded_time() -> None:
    n = 20_000
    bodies = [
        "<" * n,
        "<a" + "x" * n,
        "<div " + "x" * n + ">y</div>",
        "<b>" * (n // 3),
        "<span>" * (n // 6) + "</b>" * (n // 4),
        "<ul><li>x" * (n // 9),
        "<table><tr><td>" * (n // 15),
        "<table>" + "<tr><td>a</td><td>b</td></tr>" * (n // 30) + "</table>",
        '<div style="-en-codeblock:true;">' + "<div>x</div>" * (n // 12),
        '<en-todo checked="true"/>' * (n // 25),
        "<!--" + "<!" * (n // 2),
        '<span style="' + "text-decoration:" * (n // 16) + '">x</span>',
    ]
    for body in bodies:
        text = ENEX.replace("<div>Control plane components:</div>", body + "\n" + body, 1)
        start = time.process_time()
        titles = _titles(text)
        assert time.process_time() - start < 2.0, body[:40]
        assert TITLES[0] in titles
    start = time.process_time()
    titled = ENEX.replace("CKA 03 - Services", "x" * n)
    assert "x" * n in _titles(titled)
    assert time.process_time() - start < 2.0
