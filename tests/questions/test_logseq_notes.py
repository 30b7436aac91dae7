"""Pages exported from Logseq as Markdown: "- " blocks nested with tabs, with Logseq's
properties, block references, embeds and queries, tasks with their schedules and logbooks,
highlights, tags and day pages in the text (questions/parse/logseq.py)."""

from __future__ import annotations

import time

from questions.generate import generate_document
from questions.parse.logseq import logseq_as_markdown
from questions.parse.markdown import parse_document

ETCD = "65f0c1d2-1a2b-4c3d-8e9f-0a1b2c3d4e5f"

PAGE = (
    "title:: Kubernetes CKA\n"
    "alias:: CKA, k8s admin\n"
    "tags:: [[kubernetes]], [[certification]]\n"
    "status:: studying\n"
    "\n"
    "- ## Cluster architecture #[[control plane]]\n"
    "  collapsed:: true\n"
    "\t- etcd\n"
    f"\t  id:: {ETCD}\n"
    "\t\t- etcd serves its clients on port **2379** and its peers on port 2380\n"
    f"\t\t- back up etcd before every upgrade, see (({ETCD}))\n"
    "\t\t- ((65f0c1d2-9999-4c3d-8e9f-0a1b2c3d4e5f))\n"
    "\t- kubelet\n"
    "\t  max-pods:: 110 by default\n"
    "\t  collapsed:: true\n"
    "\t\t- the kubelet runs static pods from ==/etc/kubernetes/manifests== #exam\n"
    "\t- a Pod's containers share one ==network namespace== and talk over localhost\n"
    "\t- control plane ports\n"
    "\t\t- the kube-apiserver serves HTTPS on port **6443**\n"
    "\t\t- the kube-scheduler serves on port 10259\n"
    "\t\t- the kube-controller-manager serves on port 10257\n"
    "\t\t- a Lease renews every 10 seconds by default\n"
    "- ## Scheduling\n"
    "\t- taints\n"
    "\t\t- NoSchedule keeps new pods off the node\n"
    "\t\t- NoExecute also evicts the pods already running there\n"
    "\t- [[kubectl]] drain evicts a node's pods before maintenance\n"
    f"\t- {{{{embed (({ETCD}))}}}}\n"
    "\t- {{query (and [[CKA]] (task TODO NOW))}}\n"
    "\t- {{renderer :wordcount}}\n"
    "\t- [[Mar 3rd, 2027]]\n"
    "\t\t- a ReplicaSet keeps the requested number of pod replicas running\n"
    "- ## Services\n"
    "\t- ### Service types\n"
    "\t\t- | Type | Reachable from |\n"
    "\t\t  | --- | --- |\n"
    "\t\t  | ClusterIP | inside the cluster only |\n"
    "\t\t  | NodePort | every node's IP on a port from ==30000 to 32767== |\n"
    "\t\t  | LoadBalancer | a cloud provider's external load balancer |\n"
    "\t\t- create a deployment:\n"
    "\t\t  collapsed:: true\n"
    "\t\t  ```bash\n"
    "\t\t  kubectl create deployment web --image=nginx  # ==not== a ((ref)) {{x}}\n"
    "\t\t  ```\n"
    "- ## Study log\n"
    "\t- DONE mock exam 1 on killer.sh\n"
    "\t  :LOGBOOK:\n"
    "\t  CLOCK: [2027-02-20 Sat 10:00:00]--[2027-02-20 Sat 12:00:00] =>  02:00:00\n"
    "\t  :END:\n"
    "\t- TODO redo the network policy lab\n"
    "\t  SCHEDULED: <2027-03-01 Mon>\n"
    "\t- LATER read the [[Gateway API]] docs\n"
    "\t  DEADLINE: <2027-03-10 Wed>\n"
    "\t- NOW practise etcd restores\n"
)

LOGSEQ_MARKS = ("::", "((", "))", "{{", "}}", "==", "#[[", "[[", "SCHEDULED", "DEADLINE")
LOGSEQ_WORDS = (":LOGBOOK:", "CLOCK", "collapsed", "id:", "embed", "query", "renderer")


def _line(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if words in line)


def test_no_logseq_syntax_reaches_a_section_a_stem_or_a_choice() -> None:
    result = generate_document("cka.md", PAGE)
    assert result.chosen
    keys = [s.key for s in result.doc.sections]
    assert "Cluster architecture" in keys and "Services › Service types" in keys
    said = [*keys, *(b.text for b in result.doc.content)]
    said += [b.parent.text for b in result.doc.content if b.parent is not None]
    for _, q in result.chosen:
        said += [q.prompt, *q.choices]
    for text in said:
        assert not any(mark in text for mark in LOGSEQ_MARKS + LOGSEQ_WORDS), text
    texts = {b.text for b in result.doc.content}
    assert "etcd serves its clients on port 2379 and its peers on port 2380" in texts
    assert "back up etcd before every upgrade" in texts  # the reference and its "see" dropped
    assert "the kubelet runs static pods from /etc/kubernetes/manifests" in texts
    assert "a Pod's containers share one network namespace and talk over localhost" in texts


def test_properties_references_embeds_and_drawers_are_skipped() -> None:
    doc = parse_document(PAGE, "cka.md")
    reasons = {n.line: n.reason for n in doc.noise}
    for words in ("title::", "alias::", "tags::", "status::", "collapsed::", "id::"):
        assert reasons[_line(PAGE, words)] == "Logseq property", words
    assert reasons[_line(PAGE, "- ((65f0c1d2-9999")] == "block reference"
    assert reasons[_line(PAGE, "{{embed")] == "Logseq embed"
    assert reasons[_line(PAGE, "{{query")] == "Logseq component"
    assert reasons[_line(PAGE, "{{renderer")] == "Logseq component"
    for words in (":LOGBOOK:", "CLOCK:", ":END:"):
        assert reasons[_line(PAGE, words)] == "Logseq drawer", words
    assert reasons[_line(PAGE, "SCHEDULED:")] == "Logseq schedule"
    assert reasons[_line(PAGE, "DEADLINE:")] == "Logseq schedule"
    content = " ".join(b.text for b in doc.content)
    assert "Kubernetes CKA" not in content and "studying" not in content


def test_tasks_are_skipped_as_to_dos() -> None:
    lines = PAGE.split("\n")
    out, _ = logseq_as_markdown(lines)
    assert out[_line(PAGE, "DONE mock") - 1] == "  - [x] TODO mock exam 1 on killer.sh"
    assert out[_line(PAGE, "LATER read") - 1] == "  - [ ] TODO read the [[Gateway API]] docs"
    doc = parse_document(PAGE, "cka.md")
    tasks = {n.line for n in doc.noise if n.reason == "TODO"}
    for words in ("DONE mock", "TODO redo", "LATER read", "NOW practise"):
        assert _line(PAGE, words) in tasks, words
    content = " ".join(b.text for b in doc.content)
    assert "killer.sh" not in content and "Gateway" not in content and "restores" not in content


def test_a_property_stating_a_fact_is_asked_under_its_block() -> None:
    result = generate_document("cka.md", PAGE)
    fact = _line(PAGE, "max-pods::")
    block = next(b for b in result.doc.content if b.line == fact)
    assert block.text == "max pods: 110 by default"
    assert block.parent is not None and block.parent.text == "kubelet"
    asked = [q for _, q in result.chosen if q.source is not None and q.source.line == fact]
    assert asked and asked[0].choices[asked[0].answer] == "110"


def test_nested_blocks_keep_their_parents_and_a_day_is_no_parent() -> None:
    doc = parse_document(PAGE, "cka.md")
    by_text = {b.text: b for b in doc.blocks}
    evicts = by_text["NoExecute also evicts the pods already running there"]
    assert evicts.parent is not None and evicts.parent.text == "taints"
    assert evicts.section.key == "Scheduling"
    port = by_text["etcd serves its clients on port 2379 and its peers on port 2380"]
    assert port.parent is not None and port.parent.text == "etcd"
    assert port.section.key == "Cluster architecture"
    replicas = by_text["a ReplicaSet keeps the requested number of pod replicas running"]
    assert replicas.parent is None  # a day's page is no topic: its blocks are lifted a level
    assert any(n.reason == "daily note" and "Mar 3rd" in n.text for n in doc.noise)


def test_tables_and_code_inside_blocks_keep_working() -> None:
    doc = parse_document(PAGE, "cka.md")
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.table is not None and table.section.key == "Services › Service types"
    assert ("NodePort", "every node's IP on a port from 30000 to 32767") in table.table.rows
    lead = next(b for b in doc.blocks if b.line == _line(PAGE, "create a deployment"))
    assert lead.text == "create a deployment:"  # its fold is no words of its
    code = next(b for b in doc.blocks if b.kind == "code")
    assert code.code == "kubectl create deployment web --image=nginx  # ==not== a ((ref)) {{x}}\n"
    assert code.section.key == "Services › Service types"


def test_lines_stay_on_their_lines() -> None:
    lines = PAGE.split("\n")
    out, skipped = logseq_as_markdown(lines)
    assert len(out) == len(lines)
    assert all(not out[n - 1] for n, _, _ in skipped)
    doc = parse_document(PAGE, "cka.md")
    lines_of = {b.text: b.line for b in doc.blocks}
    for text, words in (
        ("max pods: 110 by default", "max-pods::"),
        ("a Pod's containers share one network namespace and talk over localhost", "Pod's"),
        ("NoSchedule keeps new pods off the node", "NoSchedule"),
        ("kubectl drain evicts a node's pods before maintenance", "drain"),
    ):
        assert lines_of[text] == _line(PAGE, words), text


MARKDOWN = """\
## Scheduling

- taints
\t- NoSchedule keeps new pods off the node
\t- see #exam; `((not a ref))` and x == y
- Note:: an Obsidian field
"""

#: the same notes as Roam exports them
ROAM = """\
- ## Scheduling #[[kubernetes]]
    - taints
        - ^^NoSchedule^^ keeps new pods off the node
        - Status:: draft
"""


def test_markdown_and_roam_files_are_left_as_they_are() -> None:
    for text in (MARKDOWN, ROAM):
        lines = text.split("\n")
        out, skipped = logseq_as_markdown(lines)
        assert out is lines and not skipped
    read = [b.text for b in parse_document(ROAM, "roam.md").content]
    assert "NoSchedule keeps new pods off the node" in read  # Roam's reader reads it
    texts = [b.text for b in parse_document(MARKDOWN, "notes.md").blocks]
    assert "Note:: an Obsidian field" in texts or "Note: an Obsidian field" in texts
    logseq = {b.text for b in parse_document(PAGE, "cka.md").blocks}
    assert "back up etcd before every upgrade" in logseq  # and Logseq's page is read


def test_hostile_lines_are_read_in_bounded_time() -> None:
    hostile = (
        "((" * 10000,
        "==" * 10000,
        "{{" * 10000,
        "{{cloze " + " " * 20000,
        "::" * 10000,
        "id:: " * 4000,
        "#[[" * 7000,
        "see " * 5000,
        "\t" * 20000 + "- x",
        ":LOGBOOK:" + "x" * 20000,
        "SCHEDULED: <2027-01-01" + ">" * 20000,
        "TODO " * 4000,
    )
    for line in hostile:
        for shaped in (line, f"\t- {line}", f"\t  {line}", f"\t\t- a {line}"):
            text = f"{PAGE}{shaped}\n"
            start = time.process_time()
            doc = parse_document(text, "hostile.md")
            out, _ = logseq_as_markdown(text.split("\n"))
            assert time.process_time() - start < 2.0, line[:20]
            assert len(out) == len(text.split("\n"))
            texts = {b.text for b in doc.blocks}
            assert "NoSchedule keeps new pods off the node" in texts, line[:20]
            assert "back up etcd before every upgrade" in texts, line[:20]
