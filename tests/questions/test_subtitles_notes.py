"""A subtitle file saved as notes: a lecture's captions as SubRip (.srt) or WebVTT. Each cue's
number and timing line ("7 00:00:47,900 --> 00:00:58,730 …") opened every question's stem;
they, a WebVTT file's header and blocks, sound cues ("[音乐]", "[Music]") and a rolling
caption's repeated lines are reported as noise, and the captions run on as paragraphs."""

from __future__ import annotations

import time

from questions.generate import generate_document, generate_from_texts
from questions.parse.markdown import parse_document
from questions.parse.subtitles import subtitles_as_markdown

#: a Chinese lecture's auto captions: no punctuation, a space between phrases
ZH = """1
00:00:00,000 --> 00:00:03,000
[音乐]

2
00:00:03,400 --> 00:00:09,800
同学们好 今天我们讲传输层的两个协议
TCP是面向连接的 建立连接要三次握手

3
00:00:09,900 --> 00:00:15,200
UDP是无连接的 首部只有8个字节
所以适合视频通话这种实时业务

4
00:00:19,000 --> 00:00:25,500
再看端口 SSH默认端口是22 DNS默认端口是53
HTTPS默认端口是443

5
00:00:25,600 --> 00:00:31,000
远程桌面RDP用的是3389端口
这个考试经常考 大家一定要记住

6
00:00:31,200 --> 00:00:34,000
[掌声]

7
00:00:34,500 --> 00:00:41,000
IPv4地址一共32位 IPv6地址一共128位
MAC地址是48位 写成十二个十六进制数
"""

#: an English lecture's punctuated captions under a title the student typed: sentences run over
#: lines and cues, a pause of seconds between two points
EN = """## Transport layer lecture

1
00:00:00,000 --> 00:00:03,000
[Music]

2
00:00:03,500 --> 00:00:07,200
Welcome back. Today we look at
the transport layer of the OSI model.

3
00:00:07,300 --> 00:00:11,800
TCP is connection-oriented and uses
a three-way handshake before any data is sent.

4
00:00:11,900 --> 00:00:16,000
<i>UDP is connectionless</i>, so it suits
real-time traffic such as voice and video.

5
00:00:19,500 --> 00:00:24,000
Now for ports. SSH listens on port 22,
and DNS answers queries on port 53.

6
00:00:24,100 --> 00:00:28,400
HTTPS uses port 443, while RDP,
the remote desktop protocol, uses port 3389.

7
00:00:28,500 --> 00:00:31,000
[Applause]

8
00:00:31,500 --> 00:00:36,000
- The Network layer routes packets between networks
using logical addresses.

9
00:00:36,100 --> 00:00:41,000
Routers decrement the TTL of every packet they forward.
# of hops is 64 at most on Linux, as its TTL starts at 64.
"""

#: a rolling auto caption downloaded as WebVTT: each line written twice, word time tags, a line
#: of a space ("\x20") where the next is still to be spoken
VTT = """WEBVTT
Kind: captions
Language: en

NOTE downloaded with a video tool

STYLE
::cue { color: yellow }

00:00:00.000 --> 00:00:02.350 align:start position:0%
\x20
an<00:00:00.359><c> S3</c><00:00:00.720><c> bucket</c>

00:00:02.350 --> 00:00:02.360 align:start position:0%
an S3 bucket
\x20

00:00:02.360 --> 00:00:05.030 align:start position:0%
an S3 bucket
holds<00:00:02.560><c> objects</c><00:00:03.000><c> and</c><00:00:03.500><c> each</c>

00:00:05.040 --> 00:00:08.000 align:start position:0%
holds objects and each
object can be up to five terabytes in size

00:00:11.000 --> 00:00:14.000 align:start position:0%
[Music]

glacier
00:00:14.500 --> 00:00:18.000 align:start position:0%
<v Instructor>Glacier Deep Archive is the cheapest storage class</v>

00:00:18.000 --> 00:00:21.000
&gt;&gt; its retrieval takes up to twelve hours &amp; more
"""


def _prompts(name: str, text: str) -> list[str]:
    return [q.prompt + " " + " ".join(q.choices) for _, q in generate_document(name, text).chosen]


def test_cue_numbers_timing_and_sound_cues_are_reported_and_asked_nothing() -> None:
    doc = parse_document(ZH, "lecture.srt")
    reasons = [n.reason for n in doc.noise]
    assert reasons.count("subtitle cue number") == 7
    assert reasons.count("subtitle timing") == 7
    assert reasons.count("sound tag") == 2
    timing = next(n for n in doc.noise if n.reason == "subtitle timing")
    assert (timing.line, timing.text) == (2, "00:00:00,000 --> 00:00:03,000")
    assert ("sound tag", "[掌声]") in {(n.reason, n.text) for n in doc.noise}
    texts = " ".join(b.text for b in doc.blocks)
    assert "-->" not in texts and "00:00" not in texts and "音乐" not in texts
    prompts = _prompts("lecture.srt", ZH)
    assert prompts
    for prompt in prompts:
        assert "-->" not in prompt and ",000" not in prompt and "掌声" not in prompt, prompt
        assert not prompt.split("：", 1)[-1].split(" ", 1)[0].isdigit(), prompt  # no cue's number


def test_unpunctuated_captions_are_a_paragraph_a_cue_at_its_first_line() -> None:
    doc = parse_document(ZH, "lecture.srt")
    paragraphs = [(b.line, b.text) for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs[0] == (
        7,
        "同学们好 今天我们讲传输层的两个协议 TCP是面向连接的 建立连接要三次握手",
    )
    assert (12, "UDP是无连接的 首部只有8个字节 所以适合视频通话这种实时业务") in paragraphs
    assert paragraphs[-1][0] == 31 and paragraphs[-1][1].startswith("IPv4地址一共32位")


def test_a_known_fact_is_asked_with_the_right_key() -> None:
    bank, _ = generate_from_texts([("lecture.srt", ZH)], "network")
    keys = {q.prompt: q.choices[q.answer] for q in bank.questions}
    tcp = next(p for p in keys if "是面向连接的" in p)
    assert keys[tcp] == "TCP"
    assert next(q.source.line for q in bank.questions if q.prompt == tcp) == 7


def test_punctuated_cues_run_on_and_a_pause_ends_the_paragraph() -> None:
    doc = parse_document(EN, "lecture.srt")
    assert {b.section.key for b in doc.content} == {"Transport layer lecture"}
    paragraphs = [(b.line, b.text) for b in doc.content]
    assert paragraphs[0] == (
        9,
        "Welcome back. Today we look at the transport layer of the OSI model. TCP is "
        "connection-oriented and uses a three-way handshake before any data is sent. UDP is "
        "connectionless, so it suits real-time traffic such as voice and video.",
    )
    ports = next(t for n, t in paragraphs if n == 24)  # after a pause of 3.5 s
    assert ports.startswith("Now for ports.") and ports.endswith("uses port 3389.")
    network = next(t for n, t in paragraphs if n == 38)  # after the applause
    assert network.startswith("The Network layer routes packets between networks using logical")
    assert "forward. # of hops is 64" in network  # "- " and "# " make no list nor heading
    assert all(b.kind == "paragraph" for b in doc.content)
    keys = {q.prompt: q.choices[q.answer] for _, q in generate_document("l.srt", EN).chosen}
    ssh = next(p for p in keys if "SSH listens on port" in p)
    assert keys[ssh] == "22"
    for text in keys:
        assert "<i>" not in text and "-->" not in text and "Applause" not in text


def test_webvtt_headers_blocks_and_rolling_repeats_are_skipped() -> None:
    doc = parse_document(VTT, "s3.vtt")
    skipped = {(n.reason, n.text) for n in doc.noise}
    assert ("subtitle header", "Kind: captions") in skipped
    assert ("subtitle comment", "NOTE downloaded with a video tool") in skipped
    assert ("subtitle style", "::cue { color: yellow }") in skipped
    assert ("subtitle cue id", "glacier") in skipped
    assert ("repeated caption line", "an S3 bucket") in skipped
    timing = "00:00:00.000 --> 00:00:02.350 align:start position:0%"
    assert ("subtitle timing", timing) in skipped
    texts = [b.text for b in doc.content]
    assert texts == [
        "an S3 bucket holds objects and each object can be up to five terabytes in size",
        "Glacier Deep Archive is the cheapest storage class",
        "its retrieval takes up to twelve hours & more",  # another speaker's ">>"
    ]


def test_each_line_keeps_its_line_and_other_notes_are_left_alone() -> None:
    lines = ZH.split("\n")
    out, skipped = subtitles_as_markdown(lines)
    assert len(out) == len(lines) and out != lines
    assert out[6] == lines[6] and out[7] == lines[7]  # a cue's caption, on its own lines
    assert all(not out[n - 1] and lines[n - 1].strip() == text for n, _, text in skipped)
    en = EN.split("\n")
    moved, _ = subtitles_as_markdown(en)
    assert moved[8:12] == [en[8], en[9], en[13], en[14]]  # run on under the paragraph's first
    assert moved[0] == "## Transport layer lecture" and moved[14:20] == [""] * 6
    fenced = ["# Subtitle formats", "", "```", *lines[:12], "```"]
    deep = ["# Notes", "one", "two", "three", "four", "", *lines]  # notes that quote cues
    two_cues = lines[4:16]
    stamped = ["[01:00] acct types:", "- standard", "[04:25] redundancy options:", "- LRS"]
    for notes in (fenced, deep, two_cues, stamped):
        assert subtitles_as_markdown(notes) == (notes, []), notes[:3]


def test_hostile_lines_are_read_in_bounded_time() -> None:
    n = 20_000
    hostile = ["<i " + " " * n, "[" * n, "{\\" * n, "0" * n, "00:00:00,000 -->" * 999,
               "<" + "a" * n, "- " * n, "1." * n, "&lt;" * n, "♪" * n]  # fmt: skip
    lines = ZH.split("\n")
    for line in hostile:
        notes = [*lines[:8], line, line, *lines[8:]]
        start = time.process_time()
        out, _ = subtitles_as_markdown(notes)
        assert time.process_time() - start < 2.0, line[:20]
        assert len(out) == len(notes) and "00:00:03,400 --> 00:00:09,800" not in out, line[:20]
    cues = "\n".join(
        f"{k}\n00:00:{k % 60:02},000 --> 00:00:{k % 60:02},500\nword {k}\n" for k in range(20_000)
    )
    start = time.process_time()
    out, skipped = subtitles_as_markdown(cues.split("\n"))
    assert time.process_time() - start < 5.0
    assert len(skipped) == 40_000
