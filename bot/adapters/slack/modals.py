"""The curation modals: import (attach or paste a file), edit (prefilled) and suggest, and reading their
submitted values back. Block ids are the core's field names, so a ValidationFailed maps onto the
right input; `private_metadata` carries the channel (and the question) as JSON, so any replica
can take the submission."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.adapters.slack.escape import cut, plain
from bot.adapters.slack.render import LETTERS, _input
from bot.adapters.slack.uploads import MAX_UPLOAD_BYTES
from bot.core.curation.store import TeamQuestion
from questions.bank import Problem
from questions.formats import EXTENSIONS, FORMATS

IMPORT_CALLBACK = "quiz_import"
EDIT_CALLBACK = "quiz_edit"
SUGGEST_CALLBACK = "quiz_suggest"

IMPORT_TEXT = "text"
IMPORT_FILE = "file"
IMPORT_FORMAT = "format"
# What the file picker offers: every format's extensions; the format is then told from it.
IMPORT_FILETYPES = tuple(e.lstrip(".") for e in EXTENSIONS)
# Slack caps a plain_text_input at 3000 characters; bigger files go through the CLI.
MAX_PASTE = 3000
# An error under an input is a short line; the full list goes to the admin as a message.
MAX_FORM_ERROR = 150
DEFAULT_IMPORT_FORMAT = "gift"


@dataclass(frozen=True)
class Meta:
    """What a modal remembers between opening and submission."""

    channel_id: str
    ref: int | None = None

    def dump(self) -> str:
        return json.dumps({"c": self.channel_id, "q": self.ref})

    @classmethod
    def load(cls, raw: str | None) -> Meta:
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            return cls(str(raw or ""))
        if not isinstance(data, dict):
            return cls("")
        ref = data.get("q")
        return cls(str(data.get("c") or ""), int(ref) if isinstance(ref, int) else None)


def _option(name: str) -> dict[str, Any]:
    return {
        "text": {"type": "plain_text", "text": plain(f"{name}: {FORMATS[name].description}", 75)},
        "value": name,
    }


def import_modal(channel_id: str) -> dict[str, Any]:
    """Attach a file or paste its text; the format is picked, or told from the file's name."""
    attach = {
        "type": "input",
        "block_id": IMPORT_FILE,
        "optional": True,
        "label": {"type": "plain_text", "text": "File"},
        "element": {
            "type": "file_input",
            "action_id": IMPORT_FILE,
            "filetypes": list(IMPORT_FILETYPES),
            "max_files": 1,
        },
        "hint": {
            "type": "plain_text",
            "text": f"Up to {MAX_UPLOAD_BYTES // 1_000_000} MB; or paste the text below. "
            "All or nothing: one bad question adds none.",
        },
    }
    text = _input(
        IMPORT_TEXT,
        "Or paste the file's text",
        multiline=True,
        optional=True,
        max_length=MAX_PASTE,
        hint=f"Up to {MAX_PASTE} characters; give a file or text, not both.",
    )
    fmt = {
        "type": "input",
        "block_id": IMPORT_FORMAT,
        "optional": True,
        "label": {"type": "plain_text", "text": "Format"},
        "element": {
            "type": "static_select",
            "action_id": "value",
            "placeholder": {"type": "plain_text", "text": "From the file name"},
            "options": [_option(name) for name in FORMATS],
        },
        "hint": {
            "type": "plain_text",
            "text": "Empty: told from the file's name (.txt is GIFT); pasted text is "
            f"read as {DEFAULT_IMPORT_FORMAT.upper()}.",
        },
    }
    return {
        "type": "modal",
        "callback_id": IMPORT_CALLBACK,
        "private_metadata": Meta(channel_id).dump(),
        "title": {"type": "plain_text", "text": "Import questions"},
        "submit": {"type": "plain_text", "text": "Import"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [attach, text, fmt],
    }


def _with_initial(block: dict[str, Any], value: str) -> dict[str, Any]:
    if value:
        block["element"]["initial_value"] = value
    return block


def question_blocks(tq: TeamQuestion | None = None) -> list[dict[str, Any]]:
    """The add/suggest/edit inputs, prefilled from a question when editing."""
    rec = tq.rec if tq else None
    return [
        _with_initial(
            _input("prompt", "Question", multiline=True, max_length=3000),
            rec.prompt if rec else "",
        ),
        _with_initial(
            _input("choices", "Choices, one per line", multiline=True, hint="2 to 5 choices"),
            "\n".join(rec.choices) if rec else "",
        ),
        _with_initial(
            _input("answer", "Correct choice", hint="its number (1-5) or letter (A-E)"),
            LETTERS[rec.answer] if rec else "",
        ),
        _with_initial(
            _input("explanation", "Explanation", multiline=True, optional=True),
            rec.explanation if rec else "",
        ),
        _with_initial(
            _input("topic", "Topic", optional=True, hint="e.g. AWS SQS (default: General)"),
            rec.topic if rec else "",
        ),
    ]


def edit_modal(channel_id: str, tq: TeamQuestion) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": EDIT_CALLBACK,
        "private_metadata": Meta(channel_id, tq.rec.id).dump(),
        "title": {"type": "plain_text", "text": plain(f"Edit question #{tq.rec.id}", 24)},
        "submit": {"type": "plain_text", "text": "Save"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": question_blocks(tq),
    }


def suggest_modal(channel_id: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": SUGGEST_CALLBACK,
        "private_metadata": Meta(channel_id).dump(),
        "title": {"type": "plain_text", "text": "Suggest a question"},
        "submit": {"type": "plain_text", "text": "Suggest"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": question_blocks(),
    }


def selected(view: dict[str, Any], block_id: str) -> str:
    """A static_select's chosen value from view.state.values ("" when none)."""
    block = ((view.get("state") or {}).get("values") or {}).get(block_id) or {}
    for element in block.values():
        option = element.get("selected_option") if isinstance(element, dict) else None
        return str((option or {}).get("value") or "")
    return ""


def import_error(problems: list[Problem]) -> str:
    """The line under the file or pasted text: how many problems and the first ones, cut short."""
    head = f"{len(problems)} problem(s), nothing imported: "
    return cut(head + "; ".join(str(p) for p in problems), MAX_FORM_ERROR)


def problem_list(problems: list[Problem]) -> str:
    """Every problem, one a line, for the message sent beside the form error."""
    lines = [f"The file was not imported ({len(problems)} problem(s)):"]
    lines += [f"• {p}" for p in problems]
    return "\n".join(lines)
