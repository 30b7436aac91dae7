"""Commands and what they do: a code line with its comment ("kubectl set image …  # starts a
rollout"), or a comment line above its command. The other commands of the same block are the
distractors, so a question asks which of several real commands does the thing.
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas, getLemma

from questions.facts.model import Fact
from questions.parse.model import Block
from questions.text import CJK, PICTOGRAPHS

MAX_COMMAND = 80
#: a trailing comment: "# …" after a space, "-- …" after two ("-- wget …" is an argument)
_COMMENT = re.compile(r"^(?P<cmd>.*?\S)(?:\s+#|\s{2,}--)\s+(?P<comment>\S.*)$")
_COMMENT_LINE = re.compile(r"^\s*(?:#|--)\s+(?P<comment>\S.*)$")
#: a shell line that goes on on the next one ("… 10.0.0.3:6379 \"; PowerShell's "`")
_CONTINUED = re.compile(r"\s(?:\\|`)$")
_SHELL = {"", "bash", "sh", "shell", "console", "zsh", "powershell", "ps", "cmd", "text", "sql",
          "psql", "fish"}  # fmt: skip


#: what a comment names when it heads the whole block: a file ("/etc/app.conf", "jvm.options"),
#: or that the block is an example ("example for a busy proxy")
_NAMES_BLOCK = re.compile(
    r"(?:^|\s)[~.]?/\S|\b[\w-]+\.(?:conf|cfg|ini|ya?ml|toml|json|sh|py|env|properties|options"
    r"|service|txt|xml|sql|ps1|rc)\b|\b(?:examples?|sample)\b|示例|例子|样例|范例",
    re.I,
)


def heads_block(comment: str) -> bool:
    """A block's first comment that names its file or calls it an example describes the whole
    block, not the line under it."""
    return _NAMES_BLOCK.search(comment) is not None


def command_lines(block: Block) -> list[tuple[str, str, int]]:
    """(command, comment or "", line) for every command line of the block."""
    out: list[tuple[str, str, int]] = []
    pending = ""
    carried, first = "", 0  # a command continued over lines ending in "\" or "`"
    seen = False  # a line before this one: the first comment may head the block
    # the command a lone comment went to, while the lines after it may still share it: a
    # comment over two commands ("# disk usage by fs / by inode" / `df -h` / `df -i`) says
    # what the pair does, so neither is asked by it (the other would be a wrong option)
    given: int | None = None
    for i, raw in enumerate(block.code.splitlines()):
        line = raw.rstrip()
        if not line.strip():
            pending, carried, given = "", "", None
            continue
        lone = _COMMENT_LINE.match(line)
        if lone and not carried:
            header = not seen and heads_block(lone.group("comment"))
            pending, seen, given = ("" if header else lone.group("comment")), True, None
            continue
        seen = True
        if _CONTINUED.search(line):
            if not carried:
                first = i
            carried += line[:-1] + " "
            continue
        line, at = (carried + line, first) if carried else (line, i)
        carried = ""
        m = _COMMENT.match(line)
        cmd, comment = (m.group("cmd"), m.group("comment")) if m else (line.strip(), pending)
        if m is None and not pending and given is not None:
            shared, _, shared_line = out[given]
            out[given] = (shared, "", shared_line)  # the comment above covers both
        given = len(out) if m is None and pending else None
        pending = ""
        out.append((" ".join(cmd.split()), comment.strip(), block.line + 1 + at))
    return out


_NOT_A_PURPOSE = re.compile(
    r"^(needs?|requires?|must|may|might|should|don'?t|do not|never|note|todo|fixme|see|"
    r"warning|careful|"
    r"optional|default|deprecated|same as|e\.g|i\.e|works|only)\b|!!|\(!+\)|\?$|"
    # "# by name" under `pkill`: a manner that goes on from the comment above, no use
    r"^(by|via|with|without|per)\s+\S+(\s+\S+)?$|"
    # "# in Mbps", "# 单位 ms": the unit of the line's value, no use
    r"^(in|单位)\s*[:：]?\s*\S+$|"
    r"\b(it|this|that|them)\b|"
    # "# long syntax", "# first thing in exam": how the line is written or when to type it
    r"\b(syntax|shorthand|exam)\b|"
    # "# run from CP", "# runs on each node": where to type it; "# often just stopped", "# a
    # default-deny may be blocking traffic": a guess at the cause; "# (default) marker": an aside
    r"^runs?\s+(from|on|as|in)\b|\b(often|usually|sometimes|probably|maybe|may be|might be)\b|^\(|"
    # the same in Chinese: "# 按名称（LPIC 会考这个）", a manner and an exam aside
    r"^(按|通过|根据)[\u4e00-\u9fff]{1,4}(?:[（(]|$)|会考|考点|必考",
    re.I,
)


def purpose(comment: str) -> bool:
    """A comment that says what the command is for ("starts a rollout", "list databases",
    "custom format"), not a remark about it ("needs metrics-server", "trigger it now")."""
    said = comment.strip()
    # one word ("# test", "# deployment", "# yes/no") names a kind or an outcome, and a kind
    # of thing is no use: it tells no command of a block from the others
    one_word = len(said.split()) == 1 and not CJK.search(said)
    if one_word or PICTOGRAPHS.match(said):
        return False  # (a comment under a picture, "# ⚠️ 忘了这步 …", warns)
    return _NOT_A_PURPOSE.search(said) is None


_FLAG = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


#: a comment that opens with a flag: it tells how the flag is used
_FLAG_FIRST = re.compile(r"^\s*--?[A-Za-z]")


def explains_flags(comment: str, cmd: str) -> bool:
    """The comment spells out the command's own flags ("-x 扩展指标，-z 不显示空闲设备" of
    `iostat -xz 1`, "--rm: delete on exit" of `docker run --rm …`): asked as what the command
    is for, the flags in the stem pick the key out of the options."""
    said = _FLAG.findall(comment)
    if not said:
        return False
    written = _FLAG.findall(cmd)
    letters = {ch for f in written if not f.startswith("--") for ch in f[1:]}
    return any(f in written or (len(f) == 2 and f[1] in letters) for f in said)


#: how a command line opens: a program, a path or a prompt; a line opening with a label
#: ("leader: [0][1] LEO=6"), a mark ("^ HW=4") or a number ("10.0.0.0/16   local", a route
#: table) is a picture, output or data, not a command
_OPENS_COMMAND = re.compile(r"(?!\d)[\w./~$\\-][^\s:]*(?:\s|$)")


#: a line that sets a value, no command: `sensitive = true`, "default backend = local"
_ASSIGNMENT = re.compile(r"[\w.-]+(?:\s[\w.-]+){0,3}\s*=\s+\S")


def opens_command(line: str) -> bool:
    return _OPENS_COMMAND.match(line) is not None and not is_assignment(line)


def is_assignment(line: str) -> bool:
    return _ASSIGNMENT.match(line) is not None


#: a quoted string of a command line: data the example writes or prints
_QUOTED_DATA = re.compile(r"\"([^\"]+)\"|'([^']+)'")


def quoted_data(code: str) -> tuple[str, ...]:
    """The strings the code's commands quote, case-folded: the data its examples write."""
    return tuple((a or b).casefold() for a, b in _QUOTED_DATA.findall(code))


def example_data(comment: str, quoted: tuple[str, ...]) -> bool:
    """A comment that repeats a string the commands quote ("# test content" under
    `echo "test content" > a.txt`) shows what the example prints or holds, not what its
    command is for."""
    said = comment.strip().casefold()
    return any(said in q for q in quoted)


#: a comment that sends the reader on to another command: "switch w/ activate", "then apply"
_ANOTHER_STEP = re.compile(
    r"(?:\bw/|\b(?:with|via|using|use|run|then|next)\b)\s*`?(?P<word>[a-z][a-z-]+)`?", re.I
)


#: the same in Chinese: a program after a word of order ("先 mkdir -p", "然后 `apply`")
_ANOTHER_STEP_ZH = re.compile(
    r"(?:先|再|然后|接着|之后|之前)\s*`?(?P<word>[a-z][a-z0-9-]+)`?(?=\s|$|[，。；,;])"
)


def names_another_step(comment: str, cmd: str) -> bool:
    """The comment names a step another command takes (a command's verb the line does not
    write: "create dev  # switch w/ activate", "cd ~/.config/…  # 先 mkdir -p"), not what
    this line does."""
    words = set(re.findall(r"[a-z][a-z-]+", cmd.casefold()))
    for m in _ANOTHER_STEP.finditer(comment):
        word = m.group("word").casefold()
        if word not in words and getLemma(word, "VERB")[0] == word and "VERB" in getAllLemmas(word):
            return True
    return any(m.group("word") not in words for m in _ANOTHER_STEP_ZH.finditer(comment))


def command_facts(block: Block) -> list[Fact]:
    """One fact per commented command of a shell or SQL code block."""
    if block.kind != "code" or block.lang.lower() not in _SHELL:
        return []
    lines = [entry for entry in command_lines(block) if opens_command(entry[0])]
    commands = [c for c, _, _ in lines if len(c) <= MAX_COMMAND]
    if len(set(commands)) < 3:
        return []
    out: list[Fact] = []
    quoted = quoted_data(block.code)
    for cmd, comment, line in lines:
        if not comment or len(cmd) > MAX_COMMAND or len(comment) < 4:
            continue
        if not re.search(r"[A-Za-z\u4e00-\u9fff]{3}", comment) or not purpose(comment):
            continue
        if example_data(comment, quoted) or names_another_step(comment, cmd):
            continue
        if explains_flags(comment, cmd):
            continue  # "# -x 扩展指标，-z 不显示空闲设备" of `iostat -xz 1`: the flags say which
        if _FLAG_FIRST.match(comment):
            continue  # "# -l 100%FREE 用剩余全部 PE" beside `lvcreate -L 500M`: another use
        others = tuple(c for c in dict.fromkeys(commands) if c != cmd)
        out.append(
            Fact("command", comment, cmd, block, line, sentence=comment, span=cmd,
                 group=f"b{block.id}", role="cmd", siblings=others)
        )  # fmt: skip
    return out
