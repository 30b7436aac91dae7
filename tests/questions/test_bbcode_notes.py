"""Notes copied raw from a forum post's editor in BBCode (phpBB, vBulletin): the post's title and
sections in "[size=…]" tags, "[b]", "[i]", "[u]" and "[color]" marks, "[list]" and "[list=1]"
lists of "[*]" items, "[code]" blocks and "[code]…[/code]" spans, quotes of other members
('[quote="user" post_id=… time=…]'), links, images, smilies, the board's "Edited by" line and
the signature under its "_________________" rule. Read as Markdown every tag stayed in the
words and each list ran together into one paragraph; read as BBCode they are what they stand
for."""

from __future__ import annotations

import re
import time

from questions.generate import generate_document
from questions.parse.bbcode import bbcode_as_markdown, is_bbcode
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document

POST = """[size=150][b][color=#336699]CKA passed 89% - my cheat sheet[/color][/b][/size]

Took the CKA on Saturday and passed with 89 :D  Posting the notes I built from the [url=https://kubernetes.io/docs/home/]official docs[/url] so the next person has it easier. Everything below is for Kubernetes [b]v1.30[/b].

[b][u]Exam format[/u][/b]
[list]
[*]The exam is [b]2 hours[/b] of hands-on tasks in a remote desktop
[*]The passing score is [b]66%[/b] and one free retake is included
[*]Task weights:
[list=1]
[*]Troubleshooting — 30%
[*]Cluster architecture — 25%
[*]Services and networking — 20%
[/list]
[/list]
[img]https://example.org/badge.png[/img]
----------------------------------------
[size=130][b][color=#009900]1. Cluster architecture[/color][/b][/size] :evil: (most of my points)

[size=115][b]1a. Control plane[/b][/size]
[list]
[*][b]etcd[/b] stores the whole cluster state and listens on port [b]2379[/b] for clients
[*]The [b]kube-scheduler[/b] picks a node for every new pod
[*]The [i]kubelet[/i] runs on every node and talks to the container runtime
over the CRI socket
[/list]

[b]Static pods[/b] — asked twice :oops:
[list]
[*]Their manifests live in [i]/etc/kubernetes/manifests[/i] by default
[*]The kubelet restarts them without the API server
[/list]

[b]Ports to know[/b] (memorize)
[code]
COMPONENT          PORT     PROTOCOL
kube-apiserver     6443     TCP
etcd               2379     TCP
kubelet            10250    TCP
[/code]

[code=bash]kubectl get nodes -o wide
kubectl drain node01 --ignore-daemonsets[/code]

Drain evicts every pod except the DaemonSet ones.

[size=130][b][color=#009900]2. Services and networking[/color][/b][/size]

[list]
[*]A [b]NodePort[/b] service opens a port between 30000 and 32767 on every node
[*]CoreDNS answers cluster DNS queries on port [b]53[/b]
[/list]
Run [code]kubectl get endpoints[/code] to see which pods back a service.

[quote="kubenoob" post_id=5512 time=1718000000 user_id=77]Does a ClusterIP service work from outside the cluster?[/quote]
No, a ClusterIP is only reachable from inside the cluster.

[quote="grumpyadmin"]The kubelet restarts them without the API server[/quote]
Yes, that one came up for me too :roll:

Good luck all :mrgreen:

[size=85][i]Last edited by kubepass on Sun Jun 9, 2024 10:12 am, edited 2 times in total.[/i][/size]

_________________
[color=#999999]CKA | CKAD | working on CKS[/color]
"""
LINES = POST.split("\n")

MARKDOWN = """# Arrays

Index with a[i] and b[j]; see [the docs](https://example.org) and note [1].
Write `[b]bold[/b]`, `[i]italics[/i]` and `[u]underline[/u]` on a forum.

- **bold** item
- [x] done task

```
[quote]not a quote[/quote] [b]not bold[/b] [list][*]no item[/list]
```
"""

#: a post on a board that writes Markdown and quotes in BBCode: its Markdown rules
DISCOURSE = """## Upgrading the cluster

[quote="ana, post:3, topic:881"]
Do I drain the nodes first?
[/quote]

**Yes**: drain each node, upgrade the **kubelet**, then **uncordon** it.
See [the upgrade guide](https://kubernetes.io/docs/tasks/) for the full **order**.
"""

#: what BBCode's markup looks like in a question, and a smiley
RAW = re.compile(
    r"\[/?(?:b|i|u|s|size|color|list|\*|quote|url|img|code)\b|:D|:evil:|:oops:|:roll:|"
    r":mrgreen:|post_id|_{8,}"
)


def _doc() -> Document:
    return parse_document(POST, "cka.md")


def _block(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


def _line(text: str) -> int:
    return LINES.index(text) + 1


def test_sized_lines_are_headings_and_labels_bold_sub_headings() -> None:
    doc = _doc()
    assert doc.title == "CKA passed 89% - my cheat sheet"
    keys = [s.key for s in doc.sections if s.path]
    for key in (
        "Exam format",
        "1. Cluster architecture",
        "1. Cluster architecture › 1a. Control plane",
        "1. Cluster architecture › 1a. Control plane › Static pods",
        "2. Services and networking",
    ):
        assert key in keys, keys
    levels = {s.heading: s.level for s in doc.sections}
    assert levels["1. Cluster architecture"] == 2 and levels["1a. Control plane"] == 3
    assert not any("[" in k or "(" in k or "—" in k for k in keys), keys
    # the writer's asides after a title are no part of its name, and are told as noise
    remarks = {(n.line, n.text) for n in doc.noise if n.reason == "bbcode heading remark"}
    assert (_line("[b]Static pods[/b] — asked twice :oops:"), "— asked twice") in remarks
    assert any(text == "(most of my points)" for _, text in remarks), remarks


def test_list_items_are_items_nested_as_the_lists_are() -> None:
    doc = _doc()
    hours = _block(doc, "The exam is 2 hours")
    assert hours.kind == "item" and hours.depth == 1 and not hours.ordered
    troubleshooting = _block(doc, "Troubleshooting")
    assert troubleshooting.kind == "item" and troubleshooting.ordered
    assert troubleshooting.depth == 2
    assert troubleshooting.parent is not None and troubleshooting.parent.text == "Task weights:"
    # the line under an item's "[*]" line goes on with the item
    kubelet = _block(doc, "The kubelet runs on every node")
    assert kubelet.text.endswith("container runtime over the CRI socket")
    items = [b for b in doc.blocks if b.kind == "item" and b.section.heading == "1a. Control plane"]
    assert len(items) == 3, [b.text for b in items]


def test_no_markup_reaches_a_block_a_prompt_or_a_choice() -> None:
    doc = _doc()
    for b in doc.blocks:
        assert not RAW.search(b.text + b.code), b.text
    result = generate_document("cka.md", POST)
    assert len(result.chosen) >= 4
    for _, q in result.chosen:
        for text in (q.prompt, *q.choices, q.explanation):
            assert not RAW.search(text), (q.prompt, q.choices)


def test_a_known_fact_is_asked_with_its_key_on_its_line() -> None:
    result = generate_document("cka.md", POST)
    asked = [q for _, q in result.chosen if q.source is not None]
    etcd = _line(next(line for line in LINES if line.startswith("[*][b]etcd")))
    keyed = [q for q in asked if q.source is not None and q.source.line == etcd]
    assert keyed and keyed[0].answer_text == "2379", [(q.prompt, q.choices) for q in asked]
    for q in asked:  # every key is words of the line the question points at
        assert q.source is not None
        assert q.answer_text in LINES[q.source.line - 1], (q.prompt, q.answer_text)


def test_inline_marks_links_and_smilies() -> None:
    doc = _doc()
    intro = _block(doc, "Took the CKA")
    # a smiley ending a sentence leaves its full stop; a link is the words it shows
    assert intro.text.startswith("Took the CKA on Saturday and passed with 89. Posting the notes")
    assert "from the official docs so" in intro.text and "kubernetes.io" not in intro.text
    assert "v1.30" in intro.inline.strong
    etcd = _block(doc, "etcd stores")
    assert etcd.inline.strong[:2] == ("etcd", "2379")
    endpoints = _block(doc, "Run kubectl get endpoints")
    assert "kubectl get endpoints" in endpoints.inline.code


def test_code_blocks_stay_code_and_fences_take_blank_lines() -> None:
    doc = _doc()
    table, bash = (b for b in doc.blocks if b.kind == "code")
    assert table.code.splitlines()[1].split() == ["kube-apiserver", "6443", "TCP"]
    assert "     " in table.code  # the spaces that align it stay
    assert bash.lang == "bash"
    assert bash.code == "kubectl get nodes -o wide\nkubectl drain node01 --ignore-daemonsets\n"
    out, _ = bbcode_as_markdown(LINES)
    first = LINES.index("[code=bash]kubectl get nodes -o wide")
    assert out[first - 1 : first + 3] == [
        "```bash",
        "kubectl get nodes -o wide",
        "kubectl drain node01 --ignore-daemonsets",
        "```",
    ]
    drain = _block(doc, "Drain evicts")
    assert drain.kind == "paragraph" and drain.line == _line(
        "Drain evicts every pod except the DaemonSet ones."
    )


def test_a_quote_is_a_blockquote_and_a_quote_of_the_post_is_noise() -> None:
    doc = _doc()
    asked = _block(doc, "Does a ClusterIP service")
    assert asked.line == _line(next(line for line in LINES if line.startswith('[quote="kubenoob')))
    # the reply right under it is no more words of the quote
    assert "reachable" not in asked.text
    reply = _block(doc, "No, a ClusterIP is only reachable")
    assert reply.noise is None
    repeats = [n for n in doc.noise if n.reason == "bbcode quote repeats the post"]
    assert [n.line for n in repeats] == [_line('[quote="grumpyadmin"]The kubelet restarts them '
                                               "without the API server[/quote]")]  # fmt: skip
    assert (
        sum(b.text == "The kubelet restarts them without the API server" for b in doc.blocks) == 1
    )


def test_the_boards_bookkeeping_is_noise() -> None:
    doc = _doc()
    reasons = {n.reason: n for n in doc.noise}
    assert reasons["bbcode edit note"].text.startswith("[size=85][i]Last edited by kubepass")
    assert reasons["bbcode signature"].text == "[color=#999999]CKA | CKAD | working on CKS[/color]"
    assert reasons["bbcode image"].line == _line("[img]https://example.org/badge.png[/img]")
    assert not any("CKS" in b.text or "edited" in b.text.lower() for b in doc.blocks)


def test_each_line_keeps_its_line() -> None:
    out, skipped = bbcode_as_markdown(LINES)
    assert len(out) == len(LINES)
    assert out[LINES.index("[list=1]") + 1] == "  1. Troubleshooting — 30%"
    assert out[0] == "# CKA passed 89% - my cheat sheet"
    assert all(1 <= n <= len(LINES) for n, _, _ in skipped)
    doc = _doc()
    for start, line in (
        ("The passing score", "[*]The passing score is [b]66%[/b] and one free retake is included"),
        ("CoreDNS answers", "[*]CoreDNS answers cluster DNS queries on port [b]53[/b]"),
        (
            "Their manifests",
            "[*]Their manifests live in [i]/etc/kubernetes/manifests[/i] by default",
        ),
    ):
        assert _block(doc, start).line == _line(line), start


def test_markdown_and_other_notes_are_left_as_they_are() -> None:
    assert is_bbcode(LINES)
    for text in (MARKDOWN, DISCOURSE, "[b]one[/b] bold line only", "a[i] = b[i] + c[/i]"):
        lines = text.split("\n")
        assert not is_bbcode(lines), text
        assert bbcode_as_markdown(lines) == (lines, [])
    doc = parse_document(MARKDOWN, "arrays.md")
    assert any(b.text.startswith("Index with a[i] and b[j]") for b in doc.blocks)
    # a few tags of two kinds, with no Markdown about: BBCode; a tag left open after a word
    # is words ("arr[i]"), one left open elsewhere is dropped
    post = (
        "[b]Big-O[/b]\n[list]\n[*]Reading arr[i] takes O(1)\n[*][u]Search[/u] takes O(n)\n[/list]"
    )
    out, _ = bbcode_as_markdown(post.split("\n"))
    assert out == ["**Big-O**", "", "- Reading arr\\[i] takes O(1)", "- *Search* takes O(n)", ""]
    reading = _block(parse_document(post, "big-o.md"), "Reading arr[i]")
    assert reading.kind == "item" and reading.text == "Reading arr[i] takes O(1)"


def test_hostile_lines_run_in_linear_time() -> None:
    hostile = [
        "[b]" * 20000,
        "[list]" * 5000 + "[*]x" * 2000 + "[/list]" * 5000,
        "[quote]" * 5000 + "x" + "[/quote]" * 5000,
        "[" * 50000,
        "[b " + "x" * 299 + "[b " * 10000,
        " :D" * 20000,
        "a" + " " * 50000 + ":D )",
        "[code]" * 50000,
        "[b][i][s]x[/b][/i][/s]" * 2000,
        "[size=120]" * 5000 + "x" + "[/size]" * 5000,
        "_" * 20000,
    ]
    for line in hostile:
        page = ["[size=150]Post[/size]", "[list]", "[*][b]Key[/b] value", "[/list]", "", line, ""]
        started = time.process_time()
        doc = parse_document("\n".join(page), "hostile.md")
        generate_document("hostile.md", "\n".join(page))
        assert time.process_time() - started < 2.5, line[:10]
        assert doc.title == "Post", line[:10]
        assert _block(doc, "Key value").kind == "item", line[:10]
