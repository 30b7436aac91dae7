"""Command references in prose: a list item or line that opens with a command or a flag written
as code and says what it does ("`docker image prune` removes dangling images", "`--pids-limit`
caps the number of processes"). Each is a command fact whose options are the notes' other
commands of the same program (or the program's other flags), so a cheat sheet written as a list
is asked as "Which command …?" the way a commented code block is.

The command fact takes the place of the line's definition of the command (a list of commands
is rarely a list of like things, so the definition's options would be whatever else the list
defines); a member of a named kind ("resource limits:") stays a definition of that kind.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from questions.facts.commands import MAX_COMMAND, command_lines, is_assignment
from questions.facts.model import Fact
from questions.parse.model import Block
from questions.values import command_like, shape

#: what may sit between the command and what it does: "`cmd` — does", "`cmd`: does", "`cmd` ->"
_JOINER = re.compile(r"^\s*(?:[:=—–-]+|->|→)?\s*")
#: what the command does: a verb phrase of three words or more, up to the first clause's end
_CLAUSE_END = re.compile(
    r"\s*(?:[;；。]|\.\s|\.$|,\s+(?:but|and|so)\b|\s(?:so|so that|because)\s|\s[—–]\s|\s->\s)"
)
#: fewer commands of one kind leave no wrong options
MIN_KIN = 3
MIN_WORDS = 2
#: verbs that make a remark about the command, not say what it does ("needs root")
_REMARKS = frozenset({"needs", "requires", "works", "means", "seems", "fails", "depends"})
#: an adverb before the verb keeps the line a statement of what the command does
_ADVERBS = frozenset({"also", "just", "first", "then"})
MAX_PURPOSE = 90


def _kind(code: str) -> str:
    """ "flag" for an option (`--read-only`, `-P`), the program for a command line
    (`docker compose up -d`), "" for anything else."""
    first = code.split()[0] if code.split() else ""
    if is_assignment(code):
        return ""  # `sensitive = true`, "default backend = local": a setting, no command line
    if shape(first) == "flag" or re.fullmatch(r"--?[A-Za-z][\w-]*(=\S+)?", first):
        return "flag"
    if first in _STATEMENT_WORDS:
        return ""  # `from math import *`, `except Exception`: a program's statement, no CLI
    return first if command_like(code) and re.fullmatch(r"[a-z][\w.-]*", first) else ""


def _doing(rest: str) -> str:
    """The clause after the command that says what it does, or "" when it says something else
    ("= detached", "only works when …")."""
    text = _JOINER.sub("", rest, count=1)
    text = _CLAUSE_END.split(text, maxsplit=1)[0].strip()
    text = text.strip(" ,.")  # an aside stays: "(asks for confirmation unless -auto-approve)"
    words = text.split()
    if len(words) < MIN_WORDS or len(text) > MAX_PURPOSE or not re.match(r"[a-z]", text):
        return ""
    verb = words[1] if words[0] in _ADVERBS and len(words) > MIN_WORDS else words[0]
    if not _third_person_verb(verb):
        return ""  # "removes", "caps": what it does, not a remark ("= detached", "only …")
    return "" if verb in _REMARKS else text


#: a doing whose object is a bare pronoun: "updates it", "deletes them"
_PRONOUN_OBJECT = re.compile(r"^(?P<verb>\S+(?:\s+\S+)?)\s+(?P<pronoun>it|them)\b")


def _named_object(does: str, block: Block) -> str:
    """What the command does, its object named: "`init -upgrade` updates it" under the item
    "`.terraform.lock.hcl`" updates `.terraform.lock.hcl`; "" when nothing says what "it" is
    ("Which command updates it?" asks nothing)."""
    m = _PRONOUN_OBJECT.match(does)
    if m is None:
        return does
    parent = block.parent
    if parent is None:
        return ""
    name = parent.text.strip()
    if not name or name not in parent.code or len(name.split()) > 3:
        return ""
    return f"{does[: m.start('pronoun')]}{name}{does[m.end('pronoun') :]}"


@lru_cache(maxsize=4096)
def _third_person_verb(word: str) -> bool:
    from lemminflect import getAllLemmas, getInflection

    if not re.fullmatch(r"[a-z]+s", word) or word in ("is", "has", "was", "does"):
        return False
    verbs = getAllLemmas(word).get("VERB", ())
    return any(word in getInflection(v, tag="VBZ") for v in verbs)


def _opening_code(block: Block) -> str:
    text = block.text.lstrip()
    return next((c for c in block.inline.code if text.startswith(c)), "")


#: the words a program's statements open with: `except Exception` is no program's command
_STATEMENT_WORDS = frozenset({"from", "import", "except", "return", "def", "class", "if", "elif",
                              "else", "for", "while", "try", "raise", "assert", "lambda", "yield",
                              "with", "global", "nonlocal", "del", "pass", "let", "const", "var",
                              "function", "async", "await", "throw", "catch", "public", "private",
                              "static", "fn", "func", "package"})  # fmt: skip
#: languages whose code blocks hold a program, not commands to type at a prompt
_PROGRAM_LANGS = frozenset({"python", "py", "python3", "java", "javascript", "js", "typescript",
                            "ts", "go", "golang", "rust", "rs", "c", "cpp", "c++", "csharp", "cs",
                            "kotlin", "scala", "ruby", "rb", "php", "swift"})  # fmt: skip


def _all_commands(blocks: Iterable[Block]) -> dict[str, list[str]]:
    """Every command line and flag the notes write, by program ("flag" for options)."""
    out: dict[str, list[str]] = defaultdict(list)
    # the lines kept by kind and first word: only lines of one first word can overlap
    by_head: dict[tuple[str, str], list[str]] = defaultdict(list)
    for b in blocks:
        if b.kind == "code" and b.lang.lower() in _PROGRAM_LANGS:
            continue  # `return inner`, `def outer():` of a Python snippet are no commands
        spans = b.inline.code if b.kind != "code" else tuple(c for c, _, _ in command_lines(b))
        for span in spans:
            span = " ".join(span.split())
            kind = _kind(span) if span and len(span) <= MAX_COMMAND else ""
            if kind == "flag":
                span = span.split()[0]  # `-t` of `-t` / `--stop-timeout`, never a flag's value
            if not kind:
                continue
            kept = by_head[kind, span.split()[0]]
            if not any(_overlap(span, c) for c in kept):
                out[kind].append(span)  # `docker rm` and `docker rm -v` are never both options
                kept.append(span)
    return out


def _overlap(a: str, b: str) -> bool:
    """One command line is the other with more words: as options one would contain the other."""
    wa, wb = a.split(), b.split()
    n = min(len(wa), len(wb))
    return wa[:n] == wb[:n]


def _before_next_code(rest: str, code: str, codes: Iterable[str]) -> str:
    """What the line says before another marked name opens a clause of its own ("`by (a,b)`
    keeps only those labels, `without (a)` drops those"): that clause is the other's."""
    cut = len(rest)
    for c in codes:
        if c == code:
            continue
        m = re.search(rf"[,;，；]\s*{re.escape(c)}", rest)
        if m is not None:
            cut = min(cut, m.start())
    return rest[:cut]


def command_reference_facts(content: list[Block], facts: list[Fact]) -> list[Fact]:
    """The facts with a command fact for every prose line that opens with a command or flag and
    says what it does, in place of that line's definition of the command."""
    named = {f.block.id for f in facts if f.kind == "definition" and f.category}
    known: dict[str, list[str]] | None = None
    made: dict[int, Fact] = {}
    for b in content:
        if b.kind not in ("item", "paragraph") or b.id in named:
            continue
        code = _opening_code(b)
        kind = _kind(code) if code else ""
        if not kind or (kind == "flag" and " " in code):
            continue
        rest = b.text.lstrip()[len(code) :]
        if any(c in rest and _kind(c) == kind for c in b.inline.code if c != code):
            continue  # "`helm lint` = checks …, `helm template` = renders …": a line of several
        does = _named_object(_doing(_before_next_code(rest, code, b.inline.code)), b)
        if not does:
            continue
        if known is None:  # read on first use: most notes have no command reference
            known = _all_commands(content)
        kin = tuple(c for c in known.get(kind, ()) if not _overlap(c, code))
        if len(kin) < MIN_KIN - 1 and kind != "flag":  # `journalctl` beside `systemctl` lines
            # a program written with two command lines or more is a CLI, never a directive
            # written once (`worker_processes auto`)
            kin += tuple(c for k, cs in known.items() if k not in (kind, "flag") and len(cs) >= 2
                         for c in cs)  # fmt: skip
        if len(kin) < MIN_KIN - 1:
            continue
        made[b.id] = Fact("command", does, code, b, b.line, sentence=b.text, span=code,
                          role="cmd", group=f"c:{kind}", siblings=kin,
                          extra=("does", "flag") if kind == "flag" else ("does",))  # fmt: skip
    if not made:
        return facts
    kept = [f for f in facts if not (f.kind == "definition" and f.block.id in made
                                     and f.subject == made[f.block.id].value)]  # fmt: skip
    return kept + list(made.values())
