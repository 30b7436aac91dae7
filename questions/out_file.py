"""When a command may write over a file the user names: shared by `questions generate` and the
bot's exports, light enough for either (no generator imports)."""

from __future__ import annotations

import os
from pathlib import Path


def overwrite_refusal(
    inputs: list[str], out: str, *, force: bool, inputs_are: str, writing: str = "bank"
) -> str | None:
    """Why an existing `out` may not be written over, or None: never when it is one of the
    command's inputs (whatever path names it; `inputs_are` says what they are, "the notes
    file"), any other only with `force`. Every command that writes a file the user names
    follows this rule."""
    target = Path(out)
    if not target.exists():
        return None
    for path in inputs:
        if os.path.exists(path) and os.path.samefile(target, path):
            return f"--out {out} is {inputs_are} {path}; write the {writing} to another file"
    if not force:
        return f"{out} exists; pass --force to overwrite it"
    return None
