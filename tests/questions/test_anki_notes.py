"""Anki's own export of notes (Anki 2.1.55+): header lines naming the separator, HTML fields and
the GUID, note type, deck and tags columns, then one note a record, Cloze notes with
"{{c1::…}}" deletions (unseen review of session 38: 24 questions from 252 notes, the GUIDs, deck
paths and tags in every stem). questions/parse/anki.py reads each note as one list item (a
deletion its answer in bold), called by questions/parse/card_sets.py."""

from __future__ import annotations

import time

from questions.generate import generate_document
from questions.parse.anki import anki_notes_as_markdown
from questions.parse.card_sets import card_item, card_set_as_markdown
from questions.parse.markdown import parse_document

HEADER = (
    "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
    "#tags column:6\n"
)
NOTES = [
    ("Qw3!x9Lm2a", "Cloze", "The API server listens on port {{c1::6443}} by default; etcd "
     "serves clients on port {{c2::2379}}.", "kubeadm writes both into <i>/etc/kubernetes</i>",
     "k8s::ports"),
    ("Rt5@b7Nn4c", "Cloze", "A node runs at most {{c1::110 pods}} by default (kubelet "
     "<code>--max-pods</code>).", "raised to 250 on big nodes", "k8s::limits"),
    ("Ui8#d2Pp6e", "Cloze", "Control plane static pods: {{c1::kube-apiserver}}, "
     "{{c1::kube-scheduler}}, {{c2::kube-controller-manager::the one running loops}} and "
     "{{c3::etcd}}.<br>The kubelet is {{c4::not}} a pod.", "I always forget the scheduler one",
     "k8s leech"),
    ("Yo1$f4Rr8g", "Cloze", '"Taint effects:<ul><li>{{c1::NoSchedule}}: new pods stay off</li>'
     "<li>{{c2::PreferNoSchedule}}: soft</li><li>{{c3::NoExecute}}: running pods are evicted"
     '</li></ul>"', '"a toleration with ""Exists"" matches any value"', "k8s::scheduling"),
    ("Pa2%h6Tt0i", "Cloze", "Certificates made by kubeadm are valid for {{c1::1 year}}; the "
     "cluster CA for {{c2::10 years}}.", "renew with <code>kubeadm certs renew all</code>",
     "k8s::certs"),
    ("Sd3^j8Vv2k", "Basic", "Which command drains a node before maintenance?",
     "<code>kubectl drain NODE</code><br>TODO: is --force ever needed?", "k8s::ops"),
    ("Hj5*n2Zz6o", "Cloze", "NodePort range: {{c1::30000–32767}} &amp; the port opens on "
     "{{c2::every node}}.", "", "k8s::net"),
    ("Kl6(p4Bb8q", "Cloze", "CoreDNS answers for {{c1::my-svc.my-ns.svc.cluster.local}} "
     "&lt;- a Service's full name.", "", "k8s::dns"),
    ("Zx7)r6Dd0s", "Basic", "Blocks all ingress to the pods of a namespace",
     "default-deny NetworkPolicy (empty podSelector)", "k8s::net"),
    ("Cv8-t8Ff2u", "Cloze", "A NetworkPolicy only works with a CNI plugin that enforces it, "
     "such as {{c1::Calico}} or {{c2::Cilium}}; with {{c3::Flannel}} alone it is "
     "ignored.", "", "k8s::net"),
    ("Bn9_v0Hh4w", "Basic", "Match the object:<br>- stable virtual IP<br>- HTTP routing by host",
     "Service<br>Ingress", "k8s::net"),
]  # fmt: skip


def export(notes: list[tuple[str, ...]], deck: str = "K8s::CKA::01 Cluster") -> str:
    return HEADER + "".join(f"{g}\t{kind}\t{deck}\t{a}\t{b}\t{tags}\n"
                            for g, kind, a, b, tags in notes)  # fmt: skip


def test_each_note_is_one_item_with_its_deletions_in_bold() -> None:
    text = export(NOTES)
    lines = text.split("\n")
    out, skipped = card_set_as_markdown(lines)
    assert len(out) == len(lines)
    assert out[6] == (
        "- The API server listens on port **6443** by default; etcd serves clients on port "
        "**2379** (kubeadm writes both into */etc/kubernetes*)."
    )
    # the hint goes, one answer asked twice stays bold twice, a break is "; " or a space
    assert out[8] == (
        "- Control plane static pods: **kube-apiserver**, **kube-scheduler**, "
        "**kube-controller-manager** and **etcd**. The kubelet is **not** a pod."
    )
    # a quoted field (quotes doubled inside), a list as parts of the line
    assert out[9] == (
        "- Taint effects: **NoSchedule**: new pods stay off; **PreferNoSchedule**: soft; "
        '**NoExecute**: running pods are evicted (a toleration with "Exists" matches any value)'
    )
    assert out[12] == "- NodePort range: **30000–32767** & the port opens on **every node**."
    # a Basic note is a card: a question with its answer, a name the term of a description
    assert out[11] == "- Q: Which command drains a node before maintenance? A: `kubectl drain NODE`"
    assert out[14] == (
        "- **default-deny NetworkPolicy**: Blocks all ingress to the pods of a namespace "
        "(empty podSelector)"
    )
    assert (
        out[16] == "- Match the object: stable virtual IP → Service; HTTP routing by host → Ingress"
    )
    # the header lines and the writer's own remarks are skipped; GUIDs, types, tags are gone
    assert [(n, r) for n, r, _ in skipped if r == "anki note remark"] == [
        (9, "anki note remark"),
        (12, "anki note remark"),
    ]
    assert [n for n, r, _ in skipped if r == "anki export header"] == [1, 2, 3, 4, 5, 6]
    body = "\n".join(out)
    for mark in ("Qw3!x9Lm2a", "Cloze", "Basic", "k8s::", "{{", "}}", "<b>", "&amp;", "\t"):
        assert mark not in body, mark


def test_questions_ask_the_deletions_and_carry_no_columns() -> None:
    result = generate_document("cka.txt", export(NOTES))
    asked = [q for _, q in result.chosen if q.choices]
    assert len(asked) >= 4, [q.prompt for q in asked]
    keys = {q.choices[q.answer] for q in asked}
    assert {"6443", "110", "10 years"} & keys, keys
    port = next((q for q in asked if "API server listens on port ___" in q.prompt), None)
    assert port is not None and port.choices[port.answer] == "6443"
    for q in asked:
        seen = " ".join([q.prompt, *q.choices])
        for mark in ("{{", "::", "Cloze", "K8s", "<", "&amp;", "**", "leech"):
            assert mark not in seen, (mark, seen)


def test_decks_are_headings_where_a_free_line_is_above() -> None:
    # the note before each change of deck is over two lines: its second is free
    two_lines = '"a ""quoted"" note<br>\nover two lines"'
    text = HEADER + "".join(
        f"g{n}\tBasic\t{deck}\t{front}\t{back}\tt\n"
        for n, (deck, front, back) in enumerate([
            ("Net::01 Basics", "OSI layer of IP", "layer 3"),
            ("Net::01 Basics", "Bits in an IPv4 address", two_lines),
            ("Net::02 Routing", "Default OSPF hello interval", "10 seconds"),
            ("Net::02 Routing", "Administrative distance of eBGP", two_lines),
            ("Net::02 Routing::OSPF", "OSPF backbone area", "area 0"),
        ])
    )  # fmt: skip
    lines = text.split("\n")
    out, _ = card_set_as_markdown(lines)
    assert len(out) == len(lines)
    assert (out[5], out[8], out[11]) == ("# Basics", "# Routing", "## OSPF")
    doc = parse_document(text, "net.txt")
    paths = {b.text.split(":")[0]: b.section.path for b in doc.content if b.kind == "item"}
    assert paths["OSI layer of IP"] == ("Basics",)
    assert paths["Default OSPF hello interval"] == ("Routing",)
    assert paths["OSPF backbone area"] == ("Routing", "OSPF")


def test_with_no_free_line_for_a_deck_the_shared_part_is_the_one_heading() -> None:
    text = export(NOTES[:3]) + export(NOTES[3:6], deck="K8s::CKA::02 Networking")[len(HEADER) :]
    out, _ = card_set_as_markdown(text.split("\n"))
    assert [line for line in out if line.startswith("#")] == ["# CKA"]
    doc = parse_document(text, "cka.txt")
    assert doc.title == "CKA"
    assert not [s for s in doc.sections if s.heading in ("Cluster", "Networking")]


def test_plain_fields_a_comma_separator_and_a_deck_in_the_header() -> None:
    text = (
        "#separator:Comma\n#html:false\n#notetype:Cloze\n#deck:Linux::03 Files\n"
        'Hard links cannot cross {{c1::file systems}},"a hard link shares the inode, a '
        'symlink does not"\n'
        '"chmod {{c1::755}} gives rwx to the owner,\nr-x to the rest",\n'
        "Permission bits live in the {{c1::inode::where?}} & not in the directory,\n"
    )
    lines = text.split("\n")
    out, skipped = card_set_as_markdown(lines)
    assert out[:4] == ["", "", "", "# Files"]
    assert out[4] == (
        "- Hard links cannot cross **file systems** (a hard link shares the inode, a symlink "
        "does not)"
    )
    assert out[5:7] == ["- chmod **755** gives rwx to the owner, r-x to the rest", ""]
    assert out[7] == "- Permission bits live in the **inode** & not in the directory"
    assert [n for n, _, _ in skipped] == [1, 2, 3, 4]


def test_a_short_answer_with_a_sentence_under_it_and_a_list_for_a_back() -> None:
    text = (
        "#separator:tab\n#html:false\n#notetype column:1\n"
        'Basic\tWhich port does LDAPS use by default?\t"636\nplain LDAP listens on 389 and '
        'StartTLS upgrades it"\n'
        'Basic\tFour purpose-built databases\t"Keyspaces\nNeptune\nTimestream"\n'
    )
    out, _ = card_set_as_markdown(text.split("\n"))
    assert out[3:7] == [
        "- Q: Which port does LDAPS use by default? A: 636 (plain LDAP listens on 389 and "
        "StartTLS upgrades it)",
        "",
        "- **Four purpose-built databases**: Keyspaces; Neptune; Timestream",
        "",
    ]


def test_files_that_are_no_anki_export_are_left_alone() -> None:
    def card(term: str, definition: str) -> str:
        return card_item(term, definition)

    assert anki_notes_as_markdown(export(NOTES).split("\n"), card) is not None
    # a bare card set with Anki's first two header lines is the card set reader's
    bare = "#separator:tab\n#html:false\n" + "".join(
        f"term{n}\tdefinition {n}\n" for n in range(12)
    )
    assert anki_notes_as_markdown(bare.split("\n"), card) is None
    # a header naming columns over lines that are no such records
    prose = HEADER + "Some prose about pods.\nAnother line of prose.\n"
    assert anki_notes_as_markdown(prose.split("\n"), card) is None
    notes = "# Pods\n\n#separator:tab is how Anki starts its export.\n\n- a pod has containers\n"
    assert anki_notes_as_markdown(notes.split("\n"), card) is None
    assert card_set_as_markdown(notes.split("\n")) == (notes.split("\n"), [])


def test_cards_written_the_other_way_round_keep_the_note_on_the_name() -> None:
    # a scenario on the front, a name and a note on it on the back: the name is the term
    assert card_item("Sync an NFS share to the cloud every night", "DataSync (agent on-prem)") == (
        "- **DataSync**: Sync an NFS share to the cloud every night (agent on-prem)"
    )
    # a front that runs on into its back with an arrow is one statement
    assert card_item("Ordered, exactly once, per customer →", "SQS FIFO, group id = customer") == (
        "- Ordered, exactly once, per customer → SQS FIFO, group id = customer"
    )


def test_hostile_exports_are_read_in_bounded_time() -> None:
    cases = [
        HEADER
        + "".join(f'g{n}\tCloze\tD\t"never closed {{{{c1::x}}}}\tx\tt\n' for n in range(3000)),
        HEADER + "g\tCloze\tD\t" + "a" * 200_000 + "\tx\tt\n",
        HEADER + ("g\tBasic\tD\tf\t" + "<table" * 3000 + "<pre>" * 3000 + "\tt\n") * 20,
        HEADER + ("g\tCloze\tD\t" + "{{c1::" * 3000 + "<b>" * 3000 + "x\t\tt\n") * 20,
        HEADER + "g\tCloze\tD\t\x00{{c1::a}}\x00\t\tt\n" * 50,
        "#separator:tab\n#deck column:0\na\tb\n",
        '#separator:"\n#html:true\na"b\n',
    ]
    for n, text in enumerate(cases):
        lines = text.split("\n")
        start = time.perf_counter()
        out, _ = card_set_as_markdown(lines)
        assert len(out) == len(lines)
        assert time.perf_counter() - start < 5
        assert n >= 5 or out[6].startswith("- "), out[6][:80]  # read as notes all the same
