"""How a note is written is not how an exam question reads: note-taking shorthand ("w/o",
"thru", "u only get") is spelled out, and an aside the writer shouted at themselves ("（不是"不缓存"
！！）") is left out, in what players see. The explanation keeps the notes' own words."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: shorthand of English notes and what it stands for; never inside a path, flag or identifier
#: ("-u", "/w/", "W/\"etag\"")
_SHORTHAND = (
    (re.compile(r"(?<![\w/.-])w/o(?![\w/])"), "without"),
    (re.compile(r"(?<![\w/.-])w/(?=\s)"), "with"),
    (re.compile(r"(?<![\w/.-])b/c(?![\w/])"), "because"),
    (re.compile(r"(?<![\w/.-])thru(?![\w/])"), "through"),
    (re.compile(r"(?<![\w/.-])ppl(?![\w/])"), "people"),
    # "truncated, u only get a NOTICE": a lone u between lower-case words, not a variable
    (re.compile(r"(?<=[a-z,;] )u(?= [a-z]{2,})"), "you"),
    # "doesnt", "cant", "wont": a contraction typed without its apostrophe
    (
        re.compile(
            r"(?<![\w/.-])(does|do|did|is|are|was|were|has|have|had|should|would|could|must)"
            r"nt(?![\w/-]|\.\w)"
        ),
        r"\1n't",
    ),
    (re.compile(r"(?<![\w/.-])(ca|wo)nt(?![\w/-]|\.\w)"), r"\1n't"),
)

#: a bracketed aside that ends in two exclamations or more: the writer's warning to themselves
#: ("不是"不缓存"！！"); one ("lost on redeploy!") stresses a fact and stays
_EMPHATIC_ASIDE = re.compile(r"\s*[(（][^()（）]*[!！]{2,}\s*[)）]")


#: anything `as_asked` may change: most texts hold none, and are returned after one search
#: (a contraction by its own words: "component", "want" end in nt too, and are many)
_MAY_CHANGE = re.compile(
    r"w/|b/c|thru|ppl|\bu\b|[!！]{2}"
    r"|(?:does|do|did|is|are|was|were|has|have|had|should|would|could|must|ca|wo)nt\b"
)


def as_asked(text: str) -> str:
    """The text as a question says it: shorthand spelled out, shouted asides left out."""
    if _MAY_CHANGE.search(text) is None:
        return text
    for pattern, word in _SHORTHAND:
        text = pattern.sub(word, text)
    return _EMPHATIC_ASIDE.sub("", text)


def options_as_asked(options: Sequence[str]) -> tuple[str, ...]:
    """The options spelled out, or as written when that would make two of them one."""
    out = tuple(as_asked(o) for o in options)
    return out if len(set(out)) == len(out) and all(out) else tuple(options)
