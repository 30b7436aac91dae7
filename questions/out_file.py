"""When a command may write over a file the user names: shared by `questions generate` and the
bot's exports, light enough for either (no generator imports)."""

from __future__ import annotations

import os
from pathlib import Path

#: the names notes are kept under: a bank or an export written there would be read as notes
#: next time, and `--force` would have written over a team's notes
MARKDOWN_SUFFIXES = (".md", ".markdown")


def markdown_refusal(out: str, writing: str = "bank") -> str | None:
    """Why `out` may not be written, or None: a Markdown name holds notes, never a bank or an
    export, so it is refused even with `--force`."""
    if Path(out).suffix.lower() not in MARKDOWN_SUFFIXES:
        return None
    return (
        f"--out {out} is a Markdown name, and Markdown files are notes; "
        f"write the {writing} to a .yaml file (or another format's extension)"
    )


def overwrite_refusal(
    inputs: list[str], out: str, *, force: bool, inputs_are: str, writing: str = "bank"
) -> str | None:
    """Why `out` may not be written (over), or None: never a Markdown name
    (`markdown_refusal`), never one of the command's inputs (whatever path names it;
    `inputs_are` says what they are, "the notes file"), any other existing file only with
    `force`. Every command that writes a file the user names follows this rule."""
    target = Path(out)
    if target.exists():
        for path in inputs:
            if os.path.exists(path) and os.path.samefile(target, path):
                return f"--out {out} is {inputs_are} {path}; write the {writing} to another file"
    refusal = markdown_refusal(out, writing)
    if refusal:
        return refusal
    if target.exists() and not force:
        return f"{out} exists; pass --force to overwrite it"
    return None
