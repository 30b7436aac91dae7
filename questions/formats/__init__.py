"""Import and export of question banks: bank YAML, Moodle GIFT, Aiken, CSV, Open Trivia DB JSON.

Pure text in, text out (no database, no files), so the CLI, the chat adapters and the tests all
use the same code. An import is all-or-nothing: `import_text` returns every question or raises
`BankError` listing every problem with its line; questions of types the bot cannot ask are
reported in `ImportResult.skipped` instead of being guessed at. Each format's module docstring
says what it carries and what it drops.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from questions.bank import BankError, BankQuestion, Problem
from questions.formats import aiken, csv_format, gift, opentdb, yaml_bank
from questions.formats.common import DEFAULT_TOPIC, ImportResult
from questions.intake import checked_text, decode

__all__ = [
    "DEFAULT_TOPIC",
    "EXTENSIONS",
    "FORMATS",
    "Format",
    "ImportResult",
    "detect_format",
    "export_format",
    "export_text",
    "import_text",
    "read_import",
]


@dataclass(frozen=True)
class Format:
    """One file format: its name, the file extensions it is told by (an export is written
    with the first), and its pure reader and writer."""

    name: str
    extensions: tuple[str, ...]
    parse: Callable[..., ImportResult]
    dump: Callable[..., str]
    description: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("yaml", (".yaml", ".yml"), yaml_bank.parse, yaml_bank.dump, "quizbot bank YAML"),
        # .txt: the name Moodle gives its GIFT exports
        Format("gift", (".gift", ".txt"), gift.parse, gift.dump, "Moodle GIFT"),
        Format("aiken", (".aiken",), aiken.parse, aiken.dump, "Aiken (Moodle)"),
        Format("csv", (".csv",), csv_format.parse, csv_format.dump, "CSV with a header row"),
        Format(
            "opentdb", (".json", ".opentdb"), opentdb.parse, opentdb.dump, "Open Trivia DB JSON"
        ),
    )
}
#: every extension a file to import may have, in the registry's order: what chat hints, file
#: pickers and help texts offer, read from here so none goes stale when a format is added
EXTENSIONS: tuple[str, ...] = tuple(e for f in FORMATS.values() for e in f.extensions)


def _format(fmt: str) -> Format:
    try:
        return FORMATS[fmt.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise BankError(
            [Problem("format", f"unknown format {fmt!r}; use one of {known}")]
        ) from None


def import_text(
    text: str, fmt: str, *, name: str = "import", bank: str = "imported"
) -> ImportResult:
    """Parse `text` in format `fmt`; BankError lists every problem (nothing is half-imported).

    `name` (usually the file name) appears in problems; `bank` names the bank for formats that
    do not carry one (bank YAML names its own). The text passes questions.intake's checks
    (size, control characters) first, so every format reads the same clean text.
    """
    reader = _format(fmt)
    result: ImportResult = reader.parse(checked_text(text, name), name=name, bank=bank)
    return result


def read_import(
    data: bytes | str, fmt: str | None, *, name: str = "import", bank: str = "imported"
) -> ImportResult:
    """A file as handed in (bytes from an upload or a disk, or pasted text) to questions: the
    one way in for every caller. Bytes are decoded once (questions.intake.decode); no format
    means "tell it from the name". Bounded in time and memory by the intake limits; BankError
    lists every problem."""
    fmt_name = fmt or detect_format(name)
    text = decode(data, name) if isinstance(data, bytes) else data
    return import_text(text, fmt_name, name=name, bank=bank)


def export_text(questions: Sequence[BankQuestion], fmt: str, *, bank: str) -> str:
    """Write the questions in format `fmt`; importing the text back gives the same questions."""
    text: str = _format(fmt).dump(list(questions), bank=bank)
    return text


def format_of(filename: str) -> str | None:
    """The format a file name's extension names, if any."""
    suffix = PurePath(filename).suffix.lower()
    return next((f.name for f in FORMATS.values() if suffix in f.extensions), None)


def export_format(filename: str, given: str | None = None) -> str:
    """The format to write `filename` in: the one given, else the one its extension names (so
    the file imports back by its name), else bank YAML."""
    return given or format_of(filename) or "yaml"


def detect_format(filename: str) -> str:
    """Format name from a file name's extension (`format_of`).

    Raises BankError for an extension no format claims, so callers can ask for --format.
    """
    found = format_of(filename)
    if found is not None:
        return found
    message = f"cannot tell the format of {filename!r} from its extension ({', '.join(EXTENSIONS)})"
    raise BankError([Problem("format", message)])
