"""Which command does a thing: "Which command starts a rollout?", the other commands of the
same code block as the options (the notes' own commands, so every option is real)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from questions.ambiguity import leaves_out_alike, names_the_purpose
from questions.candidate import Candidate
from questions.distractors import Pool
from questions.facts.commands import command_lines
from questions.facts.config_lines import assigns
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.stems import command
from questions.text import english_word

NAME = "command"
#: a flag a comment names: "-L = size", "--rm removes it"
_FLAG = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")


KINDS = ("command",)
#: what a heading over a tool's commands calls them: "psql cheats", "kubectl commands"
_CHEATS = re.compile(r"^([a-z][a-z0-9_-]{1,15})\s+(cheats?|cheat ?sheet|commands|tips|shortcuts)$")


def _tool(heading: str, options: list[str]) -> str:
    """The tool a section of its commands is named for ("psql" of "psql cheats"), when the
    options do not say it themselves (psql's meta-commands, `\\x auto`) or all say it: the stem
    then says what the commands belong to; "" otherwise."""
    m = _CHEATS.match(heading.strip())
    if m is None or english_word(m.group(1)):
        return ""
    said = [m.group(1) in o.split()[0] for o in options if o.split()]
    return m.group(1) if not any(said) or all(said) else ""


#: a line that opens with a program's name: "mount /dev/sdb1 /mnt", "systemctl daemon-reload"
_PROGRAM_FIRST = re.compile(r"^[A-Za-z][\w.+-]*(?:\s|$)")
#: a braced body a configuration block opens: `terraform {}`, `provider "aws" { … }`
_BLOCK = re.compile(r"\s\{[^{}]*\}\s*$")


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    if _BLOCK.search(f.value):
        return  # `locals {}` holds named expressions: a block of configuration, no command
    head = f.value.split()[0]
    # a command whose own words repeat the purpose ("starts a rollout" beside `kubectl rollout
    # restart`) may do it too: never an option
    rivals = [s for s in f.siblings if names_the_purpose(f.subject, s)]
    if names_the_purpose(f.subject, f.value):
        return  # the answer repeats the purpose: a give-away
    if leaves_out_alike(f.subject, f.subject):  # "skip the prompt": does another skip it too?
        # another command whose own comment says the same step is left out ("NO approval
        # prompt" beside "skip "yes" prompt") does what is asked as well: never an option
        said = {cmd: comment for cmd, comment, _ in command_lines(f.block)}
        rivals += [s for s in f.siblings if leaves_out_alike(f.subject, said.get(s, ""))]
    # "# -L = size": the comment explains a flag of its line; another command with that flag
    # takes a size too, so it fits the purpose as well
    flags = [
        t for t in _FLAG.findall(f.subject) if re.search(rf"(?<!\S){re.escape(t)}(?!\S)", f.value)
    ]
    rivals += [
        s for s in f.siblings if any(re.search(rf"(?<!\S){re.escape(t)}(?!\S)", s) for t in flags)
    ]
    same_head = [s for s in f.siblings if s.split()[0] == head]
    others = [s for s in f.siblings if s.split()[0] != head]
    wrong = pool.alternatives(f.value, f, ("cmd",), siblings=same_head + others,
                              avoid=f.subject, closed=bool(f.siblings), any_shape=True,
                              exclude=rivals)  # fmt: skip
    if _PROGRAM_FIRST.match(f.value):  # a command line beside command lines only, never a
        wrong = [w for w in wrong if _PROGRAM_FIRST.match(w)]  # config line ("UUID=… /data …")
        # ...nor a block of the program's configuration (`terraform {}`, `locals { … }`)
        wrong = [w for w in wrong if not _BLOCK.search(w)]
    lang = lang_of(f)
    noun = "option" if "flag" in f.extra else "setting" if assigns(f.value) else "command"
    tool = _tool(f.section.heading, [f.value, *wrong])
    if tool and lang == "en":
        noun = f"{tool} {noun}"  # "\\x auto" under "psql cheats": a psql command
    c = build(NAME, "command", f, command(f.subject, lang, noun, "does" in f.extra), f.value, wrong, lang, rank=0,
              query=f.subject, notes_options=True)  # fmt: skip
    if c is not None:
        yield c
