"""Text that points at its neighbours ("see below", "same as above", "同上", "见上文"): it says
nothing on its own, so a question made of it asks nothing a player can answer."""

from __future__ import annotations

import re
from functools import lru_cache

from questions.text import ASCII_CASE_KIN

_POINTER = re.compile(
    r"\b(?:see|same as|as|everything|all|like|shown|mentioned|listed|described|noted|cf\.?)\s+"
    r"(?:above|below|before|earlier|previously)\b(?!\s*[\d<>=])"
    # (not "the previous one": "skip the new run while the previous one runs" is content)
    r"|\bsee\s+(?:the\s+)?(?:previous|next|following|preceding)\b"
    # a remark that is only a pointer ("see defaults below", "see section 4", "see table 2"):
    # "see" opening the text or a clause, so "pods see each other below the mesh" is content
    # (or opening a quoted description: "which is described here: “see decision list below”")
    r"|(?:^|[(:;,—–“\"]\s*)(?:see|cf\.?|refer to)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:above|below)\b"
    r"|(?:^|[(:;,—–]\s*)(?:see|cf\.?|refer to)\s+(?:the\s+)?"
    r"(?:section|sec\.|§|chapter|ch\.|part|table|figure|fig\.|step|note)\s*[\d#§]"
    # "see precedence 2 vs 15": the numbers of another list's items
    r"|(?:^|[(:;,—–]\s*)(?:see|cf\.?)\s+(?:the\s+)?\w+\s+(?:#?\d+|___)\s*(?:vs\.?|and|/|,)\s*(?:#?\d+|___)"
    r"|\bditto\b"
    # "same w/ `--reserve-memory` too big": what the clause before said, of another thing
    r"|(?:^|[.;:,(—–-]\s*)same\s+(?:w/|with|for|goes\s+for)\s"
    # "stops at that stage", "copy from those layers": a thing the line before named
    r"|\b(?:at|from|in|into|to|with|after|before|until)\s+(?:that|those)\s+"
    r"(?:stage|step|point|one|ones|layer|layers|image|images|version|file|level|phase)\b"
    # "table property behind the above", "the below applies to v2": the lines around, as a noun
    r"|\bthe\s+(?:above|below)\b(?!-)"
    # "same number as in the output above", "the table below lists …": a thing shown near
    r"|\b(?:in|from|of|to)\s+the\s+(?:\w+\s+){1,2}(?:above|below)\b(?!\s*[\d<>=])"
    # "SELF-HOSTED version of same thing": the thing the line before named
    r"|\bof\s+(?:the\s+)?same\s+thing\b"
    # "FV of same ordinary annuity", "same #s, semiannual": a worked example's givens, said
    # on the line before (not "the same AZ", "same-region")
    r"|(?:^|\bof\s+|[(:;,—–]\s*)same\s+(?:#s|numbers?|inputs?|example|bond|annuity|loan|"
    r"scenario|data|values?|setup|(?:\w+\s+)?(?:annuity|bond|loan|portfolio|example))\b"
    # "same idea for import_tasks vs include_tasks", "same deal with …": a rule said above
    r"|(?:^|[(:;,—–]\s*)(?:the\s+)?same\s+(?:idea|thing|deal|story|rule|logic)\b"
    r"|(?:^|[(:：;；,，—–+\s]\s*)同理|(?:^|[(:：;；,，—–]\s*)道理(?:一样|相同)"
    # "`init -backend-config=…` fills in the rest": the rest of what the lines before set
    # (not "…, the rest holds copies", which says what the rest is)
    r"|\b(?:does|do|fills? in|handles?|takes? care of|covers?|keeps?)\s+the (?:rest|remainder)\W*$"
    # "drops those and keeps the rest": a pronoun for the labels the line before named
    r"|\b(?:drops?|keeps?|removes?|ignores?|uses?|takes?)\s+(?:those|these|them)\b(?=\s*(?:and|or|but|[,;.]|$))"
    # Chinese by its own phrases: 同上 only opening the remark or what follows its term's
    # separator ("`volatile-lfu` —— 同上 LFU"; "不同上游" is another word),
    # 下文 not inside 上下文 ("context")
    r"|(?:^|——|—|–|[:：])\W*同[上下前](?:\W|$)|[见参][上下](?:文|面|方|表|图|一?[节条行段])|如[上前]所述|上述|前述|前面提到"
    # "见第 2 节", "详见第三章", "参见表 3": a pointer to a numbered part of the notes
    r"|[见参]第?\s*[\d一二三四五六七八九十]+\s*[节章条步部段]|[见参][表图]\s*\d"
    r"|(?<!上)下文|上文"
    # "等 IO，但不准 (见下)": a bare 见下 / 见上 in brackets
    r"|[(（]\s*[见参]\s*[上下]\s*[)）]",
    re.I,
)


#: "优先用它", "推荐用这个", "use this one": a cell that only points at its own row; "same
#: range": one that only points at the row above
_SELF_POINTER = re.compile(
    r"\W*(?:(?:推荐|优先|首选|建议)(?:用|使用|选)?(?:这个|它|此|这种)"
    r"|(?:prefer|use|pick|recommended:?)\s+(?:this(?:\s+one)?|it)"
    # "same range", "same limits": the value of the line above, said again by pointing at it
    r"|same\s+(?:range|limit|value|default|rule|setting|option|number|retention)s?|同(?:上|前)?)\W*",
    re.I,
)


#: a word or character every pointer but two (`_AT_THAT`, `_TAKES_THOSE`) holds: few texts hold
#: one, and finding none is cheap where trying each of `_POINTER`'s phrases at each place is not
_POINTER_WORD = re.compile(
    r"above|below|before|earlier|previous|next|following|preceding|ditto|rest|remainder|[上下前]"
    r"|see|cf|refer|[见参]|same|同理|道理",
    re.I,
)
#: the words of the two phrases `_POINTER_WORD` leaves out: "Which of these …" is a common stem
_THEM_WORD = re.compile(r"those|these|them", re.I)
#: both read case-blind by lower-casing the text: their words are lower case, and a case-blind
#: search tries each word at each place, a few times slower (only a character re.I takes for
#: an ASCII letter, `ASCII_CASE_KIN`, needs the flag)
_POINTER_WORD_LOWER = re.compile(_POINTER_WORD.pattern)
_THEM_WORD_LOWER = re.compile(_THEM_WORD.pattern)
#: `_POINTER`'s two phrases that need no word of `_POINTER_WORD` ("at that stage", "drops
#: those"): where none is, only they can match
_AT_THAT = re.compile(
    r"\b(?:at|from|in|into|to|with|after|before|until)\s+(?:that|those)\s+"
    r"(?:stage|step|point|one|ones|layer|layers|image|images|version|file|level|phase)\b",
    re.I,
)
_TAKES_THOSE = re.compile(
    r"\b(?:drops?|keeps?|removes?|ignores?|uses?|takes?)\s+(?:those|these|them)\b"
    r"(?=\s*(?:and|or|but|[,;.]|$))",
    re.I,
)


@lru_cache(maxsize=16384)
def refers_to_context(text: str) -> bool:
    """A line or cell that refers to what stands above or below it, so cannot stand alone.
    Cached: a table's keys are options of each of its rows' questions."""
    if len(text) <= 24 and _SELF_POINTER.fullmatch(text):
        return True
    if _holds(text, _POINTER_WORD, _POINTER_WORD_LOWER):
        return _POINTER.search(text) is not None
    if _holds(text, _THEM_WORD, _THEM_WORD_LOWER) or "that" in text.casefold():
        return _AT_THAT.search(text) is not None or _TAKES_THOSE.search(text) is not None
    return False


def _holds(text: str, words: re.Pattern[str], lower: re.Pattern[str]) -> bool:
    """`words.search(text) is not None`, case-blind by lower case where that is the same."""
    if ASCII_CASE_KIN.isdisjoint(text):
        return lower.search(text.lower()) is not None
    return words.search(text) is not None
