"""How a file handed in by a user becomes text every reader can trust: the limits and the one
decoding step shared by bank files and every import format.

A file is refused, with a problem naming its line or byte, when it is bigger than
MAX_FILE_BYTES, is not UTF-8 (a UTF-8 byte-order mark is allowed), or holds a control
character (NUL and the other C0/C1 controls except tab and newlines, lone surrogates, U+FFFE,
U+FFFF). Newlines come out as "\\n" only, so every reader counts lines the same way. Together
with MAX_QUESTIONS and MAX_DEPTH (enforced by the readers) these make the work of reading any
file bounded by construction.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from questions.problems import BankError, Problem

MAX_FILE_BYTES = 2_000_000
MAX_QUESTIONS = 50_000
MAX_DEPTH = 20  # nesting of YAML/JSON collections; a bank needs 5
MAX_LISTED = 20  # lines with control characters listed before the rest are counted

_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NAMES = {0: "NUL", 0x1B: "ESC", 0x7F: "DEL"}
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def control_character(text: str) -> str | None:
    """The first character no question text may hold, spelled like U+0000 (NUL); or None."""
    m = _CONTROL_RE.search(text)
    if m is None:
        return None
    code = ord(m.group(0))
    name = f" ({_NAMES[code]})" if code in _NAMES else ""
    return f"U+{code:04X}{name}"


def size_problem(size: int, name: str) -> Problem | None:
    if size <= MAX_FILE_BYTES:
        return None
    return Problem(
        "file",
        f"{name} is {size:,} bytes; at most {MAX_FILE_BYTES:,} bytes can be read at once "
        "(split the file)",
    )


def count_problem(count: int, name: str) -> Problem | None:
    """Readers check the count as they go, so the message cannot know the file's total."""
    if count <= MAX_QUESTIONS:
        return None
    return Problem(
        "questions",
        f"{name} holds more than {MAX_QUESTIONS:,} questions, the most one file may hold "
        "(split the file)",
    )


def decode(data: bytes, name: str) -> str:
    """The file's bytes as checked text (see checked_text); BankError says what is wrong."""
    too_big = size_problem(len(data), name)
    if too_big:
        raise BankError([too_big])
    if data.startswith(_WIDE_BOMS):
        raise BankError(
            [Problem("file", f"{name} is UTF-16 or UTF-32 text; save it as UTF-8", None, 1)]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        message = (
            f"{name} is not UTF-8 text (byte {exc.start + 1:,} is not valid UTF-8); "
            "save it as UTF-8"
        )
        raise BankError([Problem("file", message, None, line)]) from None
    return checked_text(text, name)


def checked_text(text: str, name: str) -> str:
    """Text within MAX_FILE_BYTES, newlines as "\\n", no control characters; else BankError
    listing the lines that hold one."""
    too_big = size_problem(len(text), name) or size_problem(
        len(text.encode("utf-8", "surrogatepass")), name
    )
    if too_big:
        raise BankError([too_big])
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    problems = _control_problems(text)
    if problems:
        raise BankError(problems)
    return text


def _control_problems(text: str) -> list[Problem]:
    problems: list[Problem] = []
    line, pos, last_line, extra = 1, 0, 0, 0
    for m in _CONTROL_RE.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        if line == last_line:
            continue
        last_line = line
        if len(problems) == MAX_LISTED:
            extra += 1
            continue
        what = control_character(m.group(0))
        problems.append(Problem("file", f"holds the control character {what}", None, line))
    if extra:
        problems.append(
            Problem("file", f"{extra:,} more line(s) hold control characters", None, None)
        )
    return problems


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, reading at most MAX_FILE_BYTES + 1 of them. OSError when it cannot be
    read (a directory, missing, no permission), BankError when it is too big."""
    p = Path(path)
    with p.open("rb") as f:
        data = f.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            f.seek(0, 2)
            raise BankError([size_problem(f.tell(), p.name) or Problem("file", "is too big")])
    return data


def read_file(path: str | Path) -> str:
    """A file's checked text (read_bytes, then decode)."""
    return decode(read_bytes(path), Path(path).name)
