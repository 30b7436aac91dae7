"""A mistake log (错题本): each entry a practice question under 【题目】, the writer's own wrong
answer (【我的答案】), the key (【正确答案】), the worked explanation (【解析】) and the points it
tests (【考点】), one label after another in one paragraph.

The question's givens ("页面大小 1KB，逻辑地址 2500"), a wrong answer and a bare key are no
facts of the subject: a blank over one is trivia, a true/false on a wrong answer teaches the
mistake. Their lines become blank lines (the notes keep their line numbers) reported as noise;
an explanation stays, without its label, as a paragraph of its own.
"""

from __future__ import annotations

import re

#: the label of a part of an entry, and what the part is
_PARTS = {
    "题目": "question in the notes",
    "例题": "question in the notes",
    "原题": "question in the notes",
    "题干": "question in the notes",
    "我的答案": "own wrong answer",
    "我的错误": "own wrong answer",
    "错误答案": "own wrong answer",
    "正确答案": "answer key",
    "答案": "answer key",
    "考点": "tags",
    "标签": "tags",
}
_KEPT = ("解析", "分析", "错因", "错因分析", "反思", "总结")
_LABEL = re.compile(r"^\s*[【\[]\s*(?P<label>[\u4e00-\u9fff]{2,4})\s*[】\]]\s*")


def without_entry_parts(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines with each entry's question, wrong answer, key and tags blanked (a part runs
    to the next label or blank line), each explanation without its label; and the blanked
    lines as (line number, reason, text)."""
    if not any("【题目】" in line or "【正确答案】" in line for line in lines):
        return lines, []  # no mistake log: nothing here is an entry's part
    out: list[str] = []
    skipped: list[tuple[int, str, str]] = []
    part: str | None = None
    explaining = False
    for n, line in enumerate(lines, 1):
        m = _LABEL.match(line)
        if m is not None and (m.group("label") in _PARTS or m.group("label") in _KEPT):
            part = _PARTS.get(m.group("label"))
            explaining = part is None
            if part is None:
                out.append(line[m.end() :])  # an explanation: what it says, as said
                continue
        elif not line.strip() or line.lstrip().startswith("#"):
            part, explaining = None, False
        if explaining and _TRACE.match(line):
            out.append("")  # "- 4 → 缺页，淘汰 1 → [2,3,4]": a step of the problem worked out
            skipped.append((n, "worked steps", line.strip()))
        elif part is None:
            out.append(line)
        else:
            out.append("")
            skipped.append((n, part, line.strip()))
    return out, skipped


#: a step of an explanation's worked problem: numbers, then an arrow to what they give
_TRACE = re.compile(r"^\s*(?:[-*+]\s+)?[\d][\d,，、\s]*(?:→|->)")
