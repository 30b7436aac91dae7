"""Which blocks are not study content: tables of contents, link lists, licence lines, TODOs,
bare URLs, images, the title's intro. Nothing is asked from them; the summary counts them.
Code is content, but only its commented commands are asked.

The rules are structural (a list that is all #anchor links, a block that is mostly URL) or
name a section's purpose ("Resources", "参考资料"), so they hold for any team's notes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from questions.parse.hedges import unhedge_block
from questions.parse.model import Block, Noise
from questions.text import DECK_PARTS

#: Chinese names of a section's purpose are whole headings ("目录", "参考资料与链接"): a heading
#: that only starts with one names a topic ("目录操作" is directory operations, "资源配额" a quota)
_ZH_LINKS = r"(?:相关|推荐|延伸|扩展)?(?:参考资料|参考链接|参考文献|参考|链接|资源|阅读)"
_SECTION_NOISE = (
    (re.compile(r"^(table of )?contents?$|^toc$|^(目录|目錄|目次)$", re.I), "table of contents"),
    (
        re.compile(
            r"^(resources?|references?|links?|see also|further reading|reading list|sources?"
            rf"|bookmarks?)$|^{_ZH_LINKS}(?:\s*[与和及、&/]\s*{_ZH_LINKS})*$",
            re.I,
        ),
        "link list",
    ),
    (re.compile(r"^(licen[cs]e|copyright)|^(版权|许可)(声明|信息|协议|证)?$|^开源协议$", re.I), "licence"),
    (re.compile(r"^(changelog|change log|release notes|version history|更新日志|修订记录)", re.I), "changelog"),
    (re.compile(r"^(todo|to do|fixme|待办|待补充)\b", re.I), "TODO"),
    # what a chapter sets out to cover ("Learning Objectives": "**1.1** Explain the OSI
    # model"): the syllabus's list, its numbers no fact
    (
        re.compile(
            r"^(?:(?:chapter|lesson|unit|module)\s+)?(?:learning\s+)?(?:objectives|outcomes|goals)$"
            r"|^(?:learning|chapter)\s+objectives?$|^(?:学习|本章|教学)目标$",
            re.I,
        ),
        "learning objectives",
    ),
    # the writer's own log: how far they got, what they still wonder about, how their practice
    # went ("- [ ] 2 practice exams ≥ 85% before booking" is a plan, "ZRS for all account
    # types? (?)" a doubt, "| Q12 | my answer: B |" a score)
    (
        re.compile(
            r"^((my |study )?(progress|plan|schedule|checklist|log)|open questions|questions to ask"
            r"|(practice |mock )?(question|exam|test|mistake|error)s? log|学习(进度|计划|打卡|记录)"
            r"|进度|打卡|疑问|待解决(的)?问题|错题本|错题集)$"
            # what the writer changed in their own setup ("what changed in my setup")
            r"|^what (?:i |we )?changed\b.*\b(?:my|our)\b|^(?:changes to )?(?:my|our) (?:setup|config|workflow)$"
            # the questions the writer got wrong, with their own reasoning ("Practice question I
            # got wrong"): a scenario made up for the question, and a reply to it
            r"|^(?:(?:practice|mock|exam|sample)\s+)?(?:questions?|qs?)\s+(?:i|we)\s+(?:got wrong|missed|failed)\b"
            r"|^(?:what\s+)?i\s+got\s+wrong\b|^我(?:做|答)错的(?:题|问题)",
            re.I,
        ),
        "study log",
    ),
    # a worked problem ("例题：平均周转时间", "银行家算法例题"): its values were made up for it
    # ("Worked ABGs", "Worked cases": the cases worked through, not what they teach)
    (re.compile(r"例题|习题|^worked\s+(?:examples?|\w+s)\b|^practice problems?\b", re.I), "worked example"),
)  # fmt: skip
#: what frames a heading's words: its number ("1.", "一、", "第 2 章"), emoji, punctuation
_HEADING_FRAME = re.compile(
    r"^[\W_]*(?:(?:\d+(?:\.\d+)*|[一二三四五六七八九十]+|第\s*\S{1,3}\s*[章节部分]+"
    rf"|(?i:{DECK_PARTS})\s*\d{{1,3}})[.、:：)）\s]*)?"
    r"[\W_]*|[\W_]+$"
)
_LICENCE = re.compile(
    r"licen[cs]ed?\b|copyright|©|all rights reserved|\bCC[- ]BY|SPDX-License-Identifier|版权所有|许可协议",
    re.I,
)
_TODO = re.compile(r"^\s*(TODO|FIXME|TBD|XXX)\b|^\s*(待补充|待办|待完善)", re.I)
#: a task list's box ("- [ ] …", "- [x] …") and a note-to-self label after it ("review:",
#: "review this:"): how the writer keeps the line, not what it says; before a bare to-do
#: ("[ ] review dynamic rule syntax", "[ ] 复习…") it makes the line a to-do, no fact
_REVIEW = r"(?:re-?)?(?:review|check|read|revisit)"
_LABEL_END = r"(?:\s+(?:this|again|order))?\s*[:：]"
_TASK_BOX = re.compile(rf"^\[[ xX]\]\s+(?:{_REVIEW}{_LABEL_END}\s*)?", re.I)
_TASK_TODO = re.compile(
    rf"^\s*\[[ xX]\]\s+(?:(?:{_REVIEW}|learn|practi[cs]e)\b(?!{_LABEL_END})|look up\b|复习|再看|待看"
    # a task's log: "[x] lab: MIG + HTTP LB done", "[x] mock exam 2 finished (81%)"
    r"|.*\b(?:done|finished|completed)\b\W*(?:\([^()]*\))?\W*$|.*(?:已完成|做完了?|搞定)\W*$)",
    re.I,
)


#: a heading over exercises to do: its boxed items are tasks, not what the notes state
_PRACTICE = re.compile(r"(?i)\bpracti[cs]e\b|\bexercises?\b|\bdrills?\b|练习|刷题|待练")


#: a heading over a list of things to do ("Exam checklist", "Study plan", "TODO")
_CHECKLIST = re.compile(r"(?i)\bcheck-?lists?\b|\bto-?dos?\b|\bstudy plan\b|清单|计划")


def practice_task(text: str, heading: str, marked: bool = False) -> bool:
    """A boxed item under a heading over exercises ("## Practise" over "- [ ] median with
    percentile_cont(…)"), or a plain one under a checklist ("- [ ] Free practice assessment
    (target 85%+)" under "## Exam checklist"): a task to do, not what the notes state. An item
    of a checklist naming a thing in code or bold (`marked`) may state a fact to check."""
    if _TASK_BOX.match(text) is None:
        return False
    return _PRACTICE.search(heading) is not None or (
        not marked and _CHECKLIST.search(heading) is not None
    )


def box_state(text: str) -> str:
    """ "open" for a line in an unticked task box ("[ ] redo …"), "done" for a ticked one,
    "" for a line in no box."""
    if _TASK_BOX.match(text) is None:
        return ""
    return "open" if text[1] == " " else "done"


def unboxed(text: str) -> str:
    """The line without its task box and label ("[ ] review: NotActions is NOT a deny" says
    "NotActions is NOT a deny"); a to-do, or a box with nothing after it, as it is."""
    m = _TASK_BOX.match(text)
    if m is None or m.end() == len(text) or task_todo(text):
        return text
    return text[m.end() :]


def task_todo(text: str) -> bool:
    """A task box before a to-do: "[ ] review dynamic rule syntax"."""
    return _TASK_TODO.match(text) is not None


_DANGLING_WORDS = r"the|a|an|to|and|or|of|that|which|will|with|for|is|are|than|but|if|by|as|in|then"
#: a word a long line that was cut mid-sentence stops on
_DANGLING = re.compile(rf"\b({_DANGLING_WORDS})$", re.I)
#: a word after which a line break never ends the statement (also prepositions a whole
#: sentence may end on, which the truncation check lets pass: "the file the key is read from")
GOES_ON = re.compile(
    rf"\b({_DANGLING_WORDS}|was|were|be|when|on|at|from|into|via|vs|per|not)$", re.I
)
# A preposition may end a whole sentence when a relative word earlier is its object ("is what
# each index build sorts in", "the file that the key is read from").
_STRANDED = re.compile(
    r"\b(what|which|that|who|whom|where|whatever)\b.*\s(to|of|with|for|by|in|on|from|into)$",
    re.I,
)
_ENDS_CLEAN = re.compile(r"[.!?。！？;；:：)）\]】\"”'`*_>]$")


#: a line that files the note ("Tags: ckad::workloads cloze", "标签：#jvm #gc"), a tag written
#: with "::" or "#" among a few: no statement ("tags: key/value pairs like …" is a field)
TAG_LINE = (
    r"(?:tags?|labels?|标签)[ \t]*[:：][ \t]*(?=[^\n]*(?:::|#))"
    r"[#\w:/.\-]+(?:[ \t,，、]+[#\w:/.\-]+){0,5}[ \t]*"
)
_TAG_LINE = re.compile(rf"^{TAG_LINE}$", re.I)


def _block_noise(b: Block) -> str | None:
    """Noise judged from the block alone."""
    if b.kind in ("code", "table"):
        return None
    text = b.text
    if not text.strip():
        return "image" if b.inline.images else "empty"
    if text.startswith("![") or (b.inline.images and len(text) < 8):
        return "image"
    if _TODO.match(text) or task_todo(text):
        return "TODO"
    if _TAG_LINE.match(text):
        return "tags"
    if b.inline.link_chars >= 0.6 * len(text):
        return "link list" if b.kind == "item" else "bare URL"
    if len(text) < 240 and _LICENCE.search(text):
        return "licence"
    if re.search(r"[?？]$", text) and not re.search(r"[.。!！:：]", text[:-1]):
        return "question in the notes"
    if _cut_off(text):
        return "truncated"
    if _acrostic(b):
        return "memory aid"
    if _OWN_PLAN.match(text):
        return "study log"
    if _OFF_EXAM.search(text):
        return "not on the exam"  # "Licensing aside (not on exam): BSL 1.1 …"
    if _EXAM_REMARK.match(text) and not _GIVES_ANSWER.search(text):
        return "remark on the exam"  # (one with its answer, "… -> UDP", says a fact)
    return None


_GIVES_ANSWER = re.compile(r"->|→|=>|=")
#: the writer saying a line is no exam matter: "(not on exam)", "not tested", "（不考）"
_OFF_EXAM = re.compile(
    r"[(（]\s*(?:not\s+on\s+(?:the\s+)?exam|not\s+(?:tested|examined)|不考|考试不考)\s*[)）]"
    r"|^[\W_]{0,3}not\s+on\s+(?:the\s+)?exam\b",
    re.I,
)
#: a line about what the exam does, not about the subject ("exam loves the 100MB vs 5GB thing",
#: "The exam likes to swap these!!"): what it names is asked where the notes say it
_EXAM_REMARK = re.compile(
    r"^[\W_]{0,3}(?:the\s+)?exam\s+(?:loves|likes|always\s+asks|asks|tests|wants|tricks)\b"
    r"(?!\s+(?:\d|about\s+\d))",  # "the exam asks 65 questions" says what the exam is
    re.I,
)


#: the writer's own plan opening a line ("二刷计划：⭐ 的题 11 月初再做一遍", "Revision plan: …")
_OWN_PLAN = re.compile(
    r"^[\W_]{0,3}(?:[二三四]刷|复习|学习|刷题|备考|考前|冲刺)(?:计划|安排)\s*[:：]"
    r"|^[\W_]{0,3}(?:my\s+)?(?:study|revision|review|exam)\s+plan\s*[:：]",
    re.I,
)


def _acrostic(b: Block) -> bool:
    """A line that bolds first letters ("**P**ricing = **P**lanned Azure stuff"): how to
    remember the words, which say nothing an exam asks."""
    marks = b.inline.strong
    letters = b.inline.initials + sum(1 for m in marks if len(m) == 1 and m.isalpha())
    return letters >= 2 and letters == b.inline.initials + len(marks)


def _cut_off(text: str) -> bool:
    """A long line that stops on a word that needs more after it was cut mid-sentence."""
    if len(text) <= 30 or _ENDS_CLEAN.search(text) or not _DANGLING.search(text):
        return False
    return not _STRANDED.search(text)


def heading_noise(heading: str) -> str | None:
    """Why a heading's section holds no study content ("TODO", "Resources"), None for content."""
    for pattern, reason in _SECTION_NOISE:
        if pattern.search(_HEADING_FRAME.sub("", heading)):
            return reason
    return None


def _section_noise(b: Block) -> str | None:
    return next(filter(None, map(heading_noise, b.section.path)), None)


def _toc_groups(blocks: Sequence[Block]) -> set[int]:
    """List groups whose items are (almost) all #anchor links: a table of contents."""
    items: dict[int, list[Block]] = defaultdict(list)
    for b in blocks:
        if b.kind == "item":
            items[b.group].append(b)
    return {
        g
        for g, its in items.items()
        if sum(1 for b in its if b.inline.anchor_links and b.inline.link_chars >= 0.6 * len(b.text))
        >= 0.8 * len(its)
    }


#: a practice question's lettered choice ("A. Apical pulse 54/min", "(B) …") and its key
#: ("Answer: A, B, C.", "答案：C", or the letters alone once a card's label is read off): what
#: they say is only true or false of a question the notes ask, and the letters refer to
#: nothing outside it
_CHOICE = re.compile(r"^\(?([A-F])[.)]\s+\S")
_CHOICES_INLINE = re.compile(r"(?:^|\s)\(?A[.)]\s.+?\s\(?B[.)]\s.+?\s\(?C[.)]\s")
_LETTERS = r"\(?[A-F]\)?(?:\s*(?:[,，、/&]|and)\s*\(?[A-F]\)?)"
_ANSWER_KEY = re.compile(
    rf"^(?:(?:correct\s+)?answers?|ans|key|(?:正确)?答案)\s*[:：]\s*{_LETTERS}*(?![\w'])"
    rf"|^{_LETTERS}+[.。]?(?:\s|$)",
    re.I,
)


#: a section of a practice test's keys: each item opens with the letter it keys
_ANSWERS = re.compile(
    r"(?i)^(?:answer\s+key|answers?(?:\s+(?:and|&)\s+explanations?)?|solutions?"
    r"|(?:参考)?答案(?:与解析|及解析)?)$"
)


#: a pasted practice question's header: "**Question 7 of 90** (Dion PT1) — Domain 1.0", "Q12/65"
_QUESTION_HEADER = re.compile(r"^\**\s*(?:question|q)\s*#?\s*\d{1,3}\s*(?:of|/)\s*\d{1,3}\b", re.I)


#: a quoted claim and its verdict ("“Management groups can go 10 levels deep” → False, 6"):
#: the quote is false as often as true, so nothing in it is a fact of the notes
_JUDGED_CLAIM = re.compile(
    r"[\"“][^\"“”]{3,200}[\"”]\s*(?:→|->|=>|=|:|—|–)\s*\**\s*"
    r"(?:true|false|T|F|对|错|正确|错误|✓|✗|✔|✘)(?![\w])",
    re.I,
)


def _practice_blocks(blocks: Sequence[Block]) -> set[int]:
    """The ids of a practice question's blocks: each list of three or more lettered choices in
    order from A, and the question right above it."""
    lettered: dict[int, list[tuple[str, Block]]] = defaultdict(list)
    for b in blocks:
        m = _CHOICE.match(b.text) if b.kind == "item" else None
        if m is not None:
            lettered[b.group].append((m.group(1), b))
    ids: set[int] = set()
    for group in lettered.values():
        if len(group) < 3 or "".join(letter for letter, _ in group) != "ABCDEF"[: len(group)]:
            continue
        first = group[0][1]
        ids |= {b.id for b in blocks if b.kind == "item" and b.group == first.group}
        n = blocks.index(first)
        if n and re.search(r"[?？]", blocks[n - 1].text):
            ids.add(blocks[n - 1].id)
    return ids


#: a heading over a closing summary of what the sections above said
_RECAP = re.compile(
    r"(?i)^(?:summary|recap|tl;?dr|key takeaways|takeaways|wrap[- ]up)$|^(?:总结|小结|回顾|要点回顾|全文总结)$"
)
#: sections of content above a recap at least: with fewer it may be the notes' only statement
RECAP_AFTER = 3


def _recap_section(blocks: Sequence[Block]) -> int | None:
    """The closing section that recaps the notes ("## 总结" with "隔离：默认 RR；…" after the
    sections that said it): asked again, each line repeats a fact, and its labels ("索引",
    "锁") are the headings above, no terms. Only the last section, after three of content."""
    if not blocks:
        return None
    last = blocks[-1].section
    if not _RECAP.match(_HEADING_FRAME.sub("", last.heading)):
        return None
    above = {b.section.index for b in blocks if b.section.index != last.index}
    return last.index if len(above) >= RECAP_AFTER else None


def _output_of(table: Block, code: Block) -> bool:
    """A table right under a code block that names every one of its columns ("SELECT name,
    score, … AS rn" over "| name | score | rn |"): the code's sample output, its rows made up
    ("alice 95"), no fact to learn."""
    if table.kind != "table" or table.table is None or code.kind != "code":
        return False
    if code.section.index != table.section.index:
        return False
    header = [c.strip().strip("`*").casefold() for c in table.table.header]
    said = code.code.casefold()
    if len(header) >= 2 and all(h and re.search(rf"\b{re.escape(h)}\b", said) for h in header):
        return True
    # a notebook cell's result ("DESCRIBE HISTORY t", "SELECT * …", "display(df)"): rows of data
    # the code printed, in cells of a few words each, no statements about anything
    cells = [c for row in table.table.rows for c in row]
    return _QUERY.search(code.code) is not None and all(len(c.split()) <= 5 for c in cells)


#: code that prints rows: a query, a description of a table, a notebook's display
_QUERY = re.compile(
    r"^\s*(?:%sql\s+)?(?:SELECT|DESCRIBE|DESC|SHOW|EXPLAIN|MERGE\s+INTO|WITH)\b"
    r"|\bdisplay\(|\.show\(|\.head\(|\bprint\(",
    re.M | re.I,
)


def classify(
    blocks: Sequence[Block], title_section: int | None, has_subsections: bool
) -> tuple[list[Block], list[Noise]]:
    """Blocks with `noise` set where they are not content, and the noise list for the summary."""
    toc = _toc_groups(blocks)
    practice = _practice_blocks(blocks)
    out: list[Block] = []
    noise: list[Noise] = []
    todo_section: int | None = None
    recap = _recap_section(blocks)
    before: Block | None = None
    for b in blocks:
        reason = b.noise or ("table of contents" if b.group in toc else None)
        if reason is None and (
            b.id in practice or _CHOICES_INLINE.search(b.text) or _QUESTION_HEADER.match(b.text)
        ):
            reason = "practice question"
        if reason is None and _ANSWER_KEY.match(b.text):
            reason = "answer key"
        if reason is None and _CHOICE.match(b.text) and _ANSWERS.match(b.section.heading):
            reason = "answer key"  # "2. B. SSH uses TCP 22; 21 is FTP control …" under "Answer Key"
        if reason is None and _JUDGED_CLAIM.search(b.text):
            reason = "judged claim"
        reason = reason or _block_noise(b) or _section_noise(b)
        if reason is None and before is not None and _output_of(b, before):
            reason = "example output"
        if reason is None and b.section.index == recap:
            reason = "recap"
        before = b
        if reason is None and b.section.index == todo_section:
            reason = "TODO"
        if reason is None and has_subsections and b.section.index == title_section:
            reason = "intro"
        if reason == "TODO" and re.fullmatch(r"\W*\w+\W*", b.text):
            todo_section = b.section.index  # a bare "TODO:" line: the rest is its list
        if reason is None:
            read = unhedge_block(b)  # "I think …", "(?)", "prob not on the exam"
            if isinstance(read, str):
                reason = read
            else:
                b = read
        if reason is not None:
            b = replace(b, noise=reason)
            noise.append(Noise(b.line, b.section.key, reason, b.text[:80] or b.kind))
        out.append(b)
    return out, noise
