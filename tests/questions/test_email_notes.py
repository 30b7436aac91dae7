"""An email thread saved as notes (questions/parse/email.py): a mailbox file of a study group's
messages, or one .eml message. Read as Markdown every header was a sentence, every question
was filed under the last "=== TITLE ===" line of any message, a reply's quote asked again what
was said above, and a quoted-printable body's "=3D" and soft breaks reached the questions."""

from __future__ import annotations

import base64
import time

from questions.generate import generate_document, generate_from_texts
from questions.parse.email import email_as_markdown
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document

THREAD = """From 1740000000000000001@xxx Mon Apr 07 18:00:00 +0000 2025
X-Gmail-Labels: Inbox,ccna
Date: Mon, 7 Apr 2025 14:00:00 -0400
Message-ID: <nora-1@mail.example.com>
Subject: CCNA week 3 notes
From: Nora Lindqvist <nora.l@example.com>
To: ccna-group@example.org
Content-Type: text/plain; charset="UTF-8"

Hi team,

Notes from tonight, please add what I missed.

=== OSPF ===
OSPF is a link-state routing protocol that runs Dijkstra's SPF algorithm
OSPF has an administrative distance of 110
OSPF sends hellos every 10 seconds on broadcast links
Area 0 is the backbone area, and every other area must connect to it

=== SWITCHING ===
  - VLAN 1 is the default VLAN on Cisco switches
  - 802.1Q inserts a 4-byte tag into the Ethernet frame
  - The STP root bridge is the switch with the lowest bridge ID

Nora

--\x20
Nora Lindqvist
"subnet all the things"

From 1740000000000000002@xxx Tue Apr 08 01:00:00 +0000 2025
Date: Mon, 7 Apr 2025 21:00:00 -0400
In-Reply-To: <nora-1@mail.example.com>
References: <nora-1@mail.example.com>
Message-ID: <omar-2@mail.example.com>
Subject: Re: CCNA week 3 notes
From: Omar Haddad <omar.h@example.com>
To: ccna-group@example.org
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

On Mon, Apr 7, 2025 at 2:00 PM Nora Lindqvist <nora.l@example.com> wrote:
> OSPF has an administrative distance of 110

EIGRP is a Cisco distance-vector protocol with an administrative distance=
 of 90
RIP uses hop count as its metric, with a maximum of 15 hops

> OSPF sends hellos every 10 seconds on broadcast links

STP bridges send BPDUs every 5 seconds by default
BGP is the path-vector protocol that routes between autonomous systems
The router=E2=80=99s OSPF router ID is its highest loopback address

Sent from my iPhone

From 1740000000000000003@xxx Tue Apr 08 12:30:00 +0000 2025
Date: Tue, 8 Apr 2025 08:30:00 -0400
In-Reply-To: <omar-2@mail.example.com>
References: <nora-1@mail.example.com>
 <omar-2@mail.example.com>
Message-ID: <nora-3@mail.example.com>
Subject: Re: Re: CCNA week 3 notes
From: Nora Lindqvist <nora.l@example.com>
To: ccna-group@example.org
Content-Type: text/plain; charset="UTF-8"

SUBNETTING
A /26 subnet mask is 255.255.255.192
A /30 subnet has 2 usable host addresses

On Mon, Apr 7, 2025 at 9:00 PM Omar Haddad <omar.h@example.com> wrote:
> STP bridges send BPDUs every 5 seconds by default

Small correction: the STP hello time is 2 seconds, so the root bridge
sends BPDUs every 2 seconds.

On Sun, Apr 6, 2025 at 9:00 AM Priti Rao <priti.rao@example.com> wrote:
> The native VLAN carries untagged traffic on an 802.1Q trunk

HSRP is a Cisco first-hop redundancy protocol with a virtual IP address

Cheers,
Nora

From 1740000000000000004@xxx Wed Apr 09 09:00:00 +0000 2025
Date: Wed, 9 Apr 2025 05:00:00 -0400
Message-ID: <omar-4@mail.example.com>
Subject: Fwd: IPv6 cheat sheet
From: Omar Haddad <omar.h@example.com>
To: ccna-group@example.org
Content-Type: text/plain; charset="UTF-8"

FYI, from my old study partner.

---------- Forwarded message ---------
From: Priti Rao <priti.rao@example.com>
Date: Sun, Apr 6, 2025 at 10:15 AM
Subject: IPv6 cheat sheet
To: Omar Haddad <omar.h@example.com>


An IPv6 address is 128 bits long
Link-local IPv6 addresses start with FE80::/10
IPv6 uses NDP instead of ARP to find neighbours

>From the exam blueprint: IPv6 is about 5% of the questions
"""

MESSAGE = """Return-Path: <lena.vogt@example.com>
Received: from mail.example.com (mail.example.com [192.0.2.10])
\tby mx.example.org with ESMTPS id 4Zq1
\tfor <study@example.org>; Fri, 11 Apr 2025 10:00:00 +0200
MIME-Version: 1.0
Date: Fri, 11 Apr 2025 10:00:00 +0200
Message-ID: <lena-7@example.com>
Subject: =?UTF-8?Q?Biology_revision_=E2=80=93_cell_organelles?=
From: Lena Vogt <lena.vogt@example.com>
To: study@example.org
Content-Type: multipart/mixed; boundary="outer-b"

This is a multi-part message in MIME format.

--outer-b
Content-Type: multipart/alternative; boundary="inner-b"

--inner-b
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Hello everyone,

Mitochondria produce most of the cell=E2=80=99s ATP through aerobic respira=
tion
Ribosomes are the site of protein synthesis
The Golgi apparatus modifies and packages proteins for secretion
Lysosomes contain hydrolytic enzymes that digest worn-out organelles

Best,
Lena

--inner-b
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr">Mitochondria produce most of the cell&#39;s ATP</div>
<div>Ribosomes are the site of protein synthesis</div>

--inner-b--

--outer-b
Content-Type: application/pdf; name="organelles.pdf"
Content-Disposition: attachment; filename="organelles.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSL0ZpbHRlci9GbGF0ZURl
Y29kZT4+CnN0cmVhbQp4nCvkMlAwUDA1NTBUSM7PS87P00tOzNMrLsrPTQUAYP0H4QplbmRzdHJl
--outer-b--
"""

SUBJECT = "CCNA week 3 notes"


def _doc(text: str = THREAD, name: str = "ccna.mbox") -> Document:
    return parse_document(text, name)


def _block(doc: Document, words: str) -> Block:
    return next(b for b in doc.blocks if words in b.text)


def test_each_subject_is_a_heading_and_each_banner_a_section_under_it() -> None:
    doc = _doc()
    heads = [(s.line, s.path) for s in doc.sections if s.level]
    assert heads == [
        (5, (SUBJECT,)),
        (14, (SUBJECT, "OSPF")),
        (20, (SUBJECT, "SWITCHING")),
        (36, (SUBJECT,)),  # the next message: no part of the last one's SWITCHING
        (68, (SUBJECT, "SUBNETTING")),  # a line in capitals over the lines under it
        (72, (SUBJECT,)),  # an inline reply after a quote: no part of SUBNETTING
        (89, ("IPv6 cheat sheet",)),  # a new subject, without its "Fwd:"
    ]
    assert _block(doc, "administrative distance of 110").section.path == (SUBJECT, "OSPF")
    assert _block(doc, "administrative distance of 90").section.path == (SUBJECT,)
    assert _block(doc, "HSRP is a Cisco").section.path == (SUBJECT,)
    assert _block(doc, "128 bits long").section.path == ("IPv6 cheat sheet",)


def test_mail_furniture_is_skipped_and_never_asked() -> None:
    doc = _doc()
    reasons = {n.reason for n in doc.noise}
    assert {
        "mbox separator",
        "email header",
        "reply attribution",
        "quoted text said above",
        "signature",
        "sent-from line",
        "greeting",
        "sign-off",
        "forwarded message header",
    } <= reasons
    by_line = {n.line: n.reason for n in doc.noise}
    assert by_line[1] == "mbox separator" and by_line[4] == "email header"
    assert by_line[61] == "email header"  # a folded References: line
    assert by_line[10] == "greeting" and by_line[25] == "sign-off" and by_line[28] == "signature"
    marks = ("@", "Message-ID", "wrote:", "Sent from", "Lindqvist", "=3D", "=E2", "Forwarded", ">")
    for b in doc.blocks:
        assert not any(m in b.text for m in marks), b.text
    asked = [q for _, q in generate_document("ccna.mbox", THREAD).chosen]
    assert len(asked) >= 6
    for q in asked:
        for text in (q.prompt, *q.choices, q.topic):
            assert not any(m in text for m in marks), text
            assert "[0:00]" not in text and "===" not in text, text


def test_known_facts_are_asked_with_their_keys_under_their_sections() -> None:
    bank, _ = generate_from_texts([("ccna.mbox", THREAD)], "ccna")
    keyed = {(q.answer_text, q.topic.split(" › ")[-1]) for q in bank.questions}
    assert ("110", "OSPF") in keyed
    assert ("10 seconds", "OSPF") in keyed
    assert ("4-byte", "SWITCHING") in keyed
    assert ("90", SUBJECT) in keyed  # a reply's fact, under the thread's subject
    assert ("128 bits", "IPv6 cheat sheet") in keyed


def test_a_quote_of_a_message_not_in_the_file_is_kept() -> None:
    doc = _doc()
    native = _block(doc, "native VLAN")
    assert native.line == 79 and native.noise is None
    assert native.text == "The native VLAN carries untagged traffic on an 802.1Q trunk"
    said = [n for n in doc.noise if n.reason == "quoted text said above"]
    assert [n.line for n in said] == [43, 49, 73]
    assert not any("native VLAN" in n.text for n in doc.noise)


def test_a_quote_the_reply_corrects_is_no_fact() -> None:
    doc = _doc()
    corrected = next(n for n in doc.noise if n.reason == "corrected later in the thread")
    assert corrected.line == 51 and "every 5 seconds" in corrected.text
    assert not any("every 5 seconds" in b.text for b in doc.blocks)
    fixed = _block(doc, "STP hello time")
    # a hard-wrapped paragraph is one note, whole
    assert fixed.text.endswith("so the root bridge sends BPDUs every 2 seconds.")
    asked = [q for _, q in generate_document("ccna.mbox", THREAD).chosen]
    assert not any("5 seconds" in q.prompt and "BPDU" in q.prompt for q in asked)


def test_quoted_printable_and_mbox_escapes_are_decoded_on_their_lines() -> None:
    lines = THREAD.split("\n")
    out, skipped = email_as_markdown(lines)
    assert len(out) == len(lines)
    assert all(out[n - 1] == "" or out[n - 1].startswith("# ") for n, _, _ in skipped)
    doc = _doc()
    eigrp = _block(doc, "EIGRP")  # a soft break ("distance=") joins two lines
    assert eigrp.line == 45
    assert (
        eigrp.text
        == "EIGRP is a Cisco distance-vector protocol with an administrative distance of 90"
    )
    assert (
        _block(doc, "router ID").text
        == "The router’s OSPF router ID is its highest loopback address"
    )
    blueprint = _block(doc, "exam blueprint")  # ">From " in a mailbox is a line opening "From "
    assert blueprint.line == 107 and blueprint.text.startswith("From the exam blueprint")
    for b in doc.content:  # each note on the line it starts on
        assert b.text.split()[0] in lines[b.line - 1], (b.line, b.text)


def test_lines_that_are_notes_of_their_own_stay_apart() -> None:
    doc = _doc()
    texts = [b.text for b in doc.blocks]
    assert "OSPF is a link-state routing protocol that runs Dijkstra's SPF algorithm" in texts
    assert "OSPF has an administrative distance of 110" in texts
    assert "RIP uses hop count as its metric, with a maximum of 15 hops" in texts


def test_one_multipart_message() -> None:
    doc = _doc(MESSAGE, "organelles.eml")
    assert doc.title == "Biology revision – cell organelles"  # its encoded Subject: decoded
    texts = {b.line: b.text for b in doc.content}
    assert texts == {
        24: "Mitochondria produce most of the cell’s ATP through aerobic respiration",
        26: "Ribosomes are the site of protein synthesis",
        27: "The Golgi apparatus modifies and packages proteins for secretion",
        28: "Lysosomes contain hydrolytic enzymes that digest worn-out organelles",
    }
    reasons = {n.line: n.reason for n in doc.noise}
    assert reasons[3] == "email header"  # a folded Received: line
    assert reasons[13] == "MIME preamble" and reasons[15] == "MIME boundary"
    assert reasons[37] == "other copy of the message"  # the HTML copy
    assert reasons[47] == "attachment"
    assert reasons[22] == "greeting" and reasons[31] == "sign-off"


def test_a_base64_body_is_decoded() -> None:
    body = "Chloroplasts carry out photosynthesis in plant cells\nPlant cell walls are cellulose\n"
    encoded = base64.encodebytes(body.encode()).decode()
    message = (
        "From: Lena Vogt <lena.vogt@example.com>\nDate: Fri, 11 Apr 2025 10:00:00 +0200\n"
        "Subject: Plants\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: base64\n\n" + encoded
    )
    doc = _doc(message, "plants.eml")
    assert doc.title == "Plants"
    assert [(b.line, b.text) for b in doc.content] == [
        (8, "Chloroplasts carry out photosynthesis in plant cells"),
        (9, "Plant cell walls are cellulose"),
    ]


def test_notes_that_are_no_email_come_back_unchanged() -> None:
    notes = [
        ["# Networking", "", "From: the Cisco Press book", "Date: week 3", "", "OSPF = 110"],
        ["From: Prof. Hale", "To: CS101", "Subject: Lecture 4", "", "A stack is LIFO"],
        ["# Quotes", "", "> On Linux every device is a file", "", "- ports: 22, 80"],
        ["Notes", "From 1@xxx Wed Mar 05 02:12:33 +0000 2025", "Date: x", "", "body"],
        ["From the textbook, chapter 3", "Subject: verbs agree with their subjects"],
    ]
    for lines in notes:
        assert email_as_markdown(lines) == (lines, [])
    doc = parse_document("\n".join(notes[0]), "n.md")
    assert not any(n.reason == "email header" for n in doc.noise)


def test_hostile_messages_are_read_in_bounded_time() -> None:
    n = 20_000
    bodies = [
        ">" * n + " x",
        "\n".join(">" * k + " deep" for k in range(1, 400)),
        "a" * n + "=\n" + "=\n" * 300 + "b",
        "To: a@b\n" * n,
        "--\n" + "x\n" * n,
        "=== " + "=" * n + " x ===",
        " " * n + "x",
        "On " + "a" * n + " wrote:",
        "\n".join(f"> line {k} said nowhere" for k in range(n // 4)),
        "=" * n + "\n" + "-" * n,
        ("word " * (n // 5)) + "=\n" + ("more " * (n // 5)),
    ]
    for body in bodies:
        lines = THREAD.replace("Notes from tonight, please add what I missed.", body, 1).split("\n")
        start = time.process_time()
        out, _ = email_as_markdown(lines)
        assert time.process_time() - start < 1.0, body[:40]
        assert out[4] == "# " + SUBJECT
    nested = "\n".join(
        f'Content-Type: multipart/mixed; boundary="b{k}"\n\n--b{k}' for k in range(200)
    )
    text = THREAD.replace('Content-Type: text/plain; charset="UTF-8"\n\nHi team,', nested, 1)
    start = time.process_time()
    email_as_markdown(text.split("\n"))
    assert time.process_time() - start < 1.0
    subject = "Subject: " + "Re: " * n + "=?UTF-8?B?" + "QUJD" * n + "?="
    start = time.process_time()
    doc = _doc(THREAD.replace("Subject: CCNA week 3 notes", subject, 1))
    assert time.process_time() - start < 3.0
    assert doc.sections[1].path[0].startswith("Re: Re:")  # past the marks read, it is words
