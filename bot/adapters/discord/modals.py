"""The question forms: add (admins), suggest (anyone, when the team allows it) and edit.

All three share the same five fields, so a question is typed the same way everywhere and the
core's `draft_from_form` / `edit_from_form` parse it.

Forms keep no state in the process that opened them: the form's custom id says what it is
(`quiz:form:edit:<question id>`) and each field has a fixed custom id, so whichever process
receives the submit handles it, also after a restart (`on_form_submit`, called from the
client's `on_interaction`). Forms are therefore sent stopped, so discord.py does not also keep
them in its view store.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord

from bot.adapters.discord.identity import player_of
from bot.adapters.discord.render import cut, safe
from bot.adapters.discord.replies import ack, guarded, service_of, tell
from bot.core.curation.drafts import draft_from_form
from bot.core.errors import QuizError, ValidationFailed
from bot.core.models import QuestionRec
from bot.core.view_ids import form_id, parse_form_id
from questions.bank import MAX_EXPLANATION, MAX_PROMPT, MAX_TOPIC

MODAL_TITLE_MAX = 45
CHOICES_MAX = 5 * 81  # five choices of up to 80 characters, one per line

FIELD_LABELS = {
    "prompt": "Question",
    "choices": "Choices",
    "answer": "Correct choice",
    "explanation": "Explanation",
    "topic": "Topic",
}


def validation_message(exc: ValidationFailed, verb: str = "added") -> str:
    """Every bad field by the label the user saw, so they can fix them all at once."""
    lines = [f"Nothing was {verb}. Please fix:"]
    for field, message in exc.by_field().items():
        lines.append(f"• {FIELD_LABELS.get(field, field)}: {message}")
    return "\n".join(lines)


@dataclass(frozen=True)
class FormValues:
    """What the form shows when it opens (the current question, for an edit)."""

    prompt: str = ""
    choices: str = ""
    correct: str = ""
    explanation: str = ""
    topic: str = ""

    @classmethod
    def of(cls, rec: QuestionRec) -> FormValues:
        return cls(
            prompt=rec.prompt,
            choices="\n".join(rec.choices),
            correct=str(rec.answer + 1),
            explanation=rec.explanation,
            topic=rec.topic,
        )


class QuestionForm(discord.ui.Modal):
    """The five fields; subclasses say what a submit does."""

    prompt: discord.ui.TextInput[QuestionForm] = discord.ui.TextInput(
        custom_id="prompt",
        label="Question",
        style=discord.TextStyle.paragraph,
        max_length=MAX_PROMPT,
        placeholder="Which SQS queue type provides exactly-once processing?",
    )
    choices: discord.ui.TextInput[QuestionForm] = discord.ui.TextInput(
        custom_id="choices",
        label="Choices, one per line (2 to 5)",
        style=discord.TextStyle.paragraph,
        max_length=CHOICES_MAX,
        placeholder="Standard\nFIFO\nDelay queue\nDead-letter queue",
    )
    correct: discord.ui.TextInput[QuestionForm] = discord.ui.TextInput(
        custom_id="correct", label="Correct choice (1-5 or A-E)", max_length=2, placeholder="2"
    )
    explanation: discord.ui.TextInput[QuestionForm] = discord.ui.TextInput(
        custom_id="explanation",
        label="Explanation (optional)",
        style=discord.TextStyle.paragraph,
        required=False,
        max_length=MAX_EXPLANATION,
    )
    topic: discord.ui.TextInput[QuestionForm] = discord.ui.TextInput(
        custom_id="topic",
        label="Topic (optional)",
        required=False,
        max_length=MAX_TOPIC,
        placeholder="AWS SQS",
    )

    kind = "form"

    def __init__(
        self, *, title: str, values: FormValues | None = None, subject: int | None = None
    ) -> None:
        custom_id = form_id(self.kind, subject)
        super().__init__(title=cut(title, MODAL_TITLE_MAX), custom_id=custom_id)
        if values is not None:
            # Prefilled text longer than a field allows would make Discord refuse the modal.
            self.prompt.default = values.prompt[:MAX_PROMPT]
            self.choices.default = values.choices[:CHOICES_MAX]
            self.correct.default = values.correct[:2]
            self.explanation.default = values.explanation[:MAX_EXPLANATION] or None
            self.topic.default = values.topic[:MAX_TOPIC] or None


class AddQuestionModal(QuestionForm):
    kind = "add"

    def __init__(self) -> None:
        super().__init__(title="Add a quiz question")


class SuggestQuestionModal(QuestionForm):
    kind = "suggest"

    def __init__(self) -> None:
        super().__init__(title="Suggest a quiz question")


class EditQuestionModal(QuestionForm):
    kind = "edit"

    def __init__(self, rec: QuestionRec) -> None:
        super().__init__(
            title=f"Edit question #{rec.id}", values=FormValues.of(rec), subject=rec.id
        )


async def open_form(interaction: discord.Interaction[Any], form: QuestionForm) -> None:
    """Show the form. It is stopped first so this process keeps nothing of it: the submit is
    handled by custom id, by any process (see the module docstring)."""
    form.stop()
    await interaction.response.send_modal(form)


def submitted_values(components: list[dict[str, Any]]) -> dict[str, str]:
    """The typed values by field custom id, from a modal submit's components (text inputs in
    action rows, or in labels)."""
    out: dict[str, str] = {}

    def walk(component: dict[str, Any]) -> None:
        if "components" in component:
            for child in component["components"]:
                walk(child)
        elif "component" in component:
            walk(component["component"])
        elif "custom_id" in component:
            out[str(component["custom_id"])] = str(component.get("value") or "")

    for component in components:
        walk(component)
    return out


def _draft_args(values: dict[str, str]) -> tuple[str, str, str, str, str]:
    return (
        values.get("prompt", ""),
        values.get("choices", ""),
        values.get("correct", ""),
        values.get("explanation", ""),
        values.get("topic", ""),
    )


async def _submit_add(
    interaction: discord.Interaction[Any], values: dict[str, str], _: str
) -> None:
    try:
        draft = draft_from_form(*_draft_args(values))
        rec = await service_of(interaction).admin.add_question(player_of(interaction), draft)
    except ValidationFailed as exc:
        await tell(interaction, validation_message(exc))
        return
    await tell(
        interaction,
        f"Added to {safe(rec.topic, 100)}: {safe(rec.prompt, 300)} (id `{rec.uid}`).",
    )


async def _submit_suggest(
    interaction: discord.Interaction[Any], values: dict[str, str], _: str
) -> None:
    try:
        draft = draft_from_form(*_draft_args(values))
        rec = await service_of(interaction).admin.suggest_question(player_of(interaction), draft)
    except ValidationFailed as exc:
        await tell(interaction, validation_message(exc, "suggested"))
        return
    await tell(
        interaction,
        f"Thanks! Your question #{rec.id} ({safe(rec.prompt, 300)}) waits for an admin "
        "to approve it.",
    )


async def _submit_edit(
    interaction: discord.Interaction[Any], values: dict[str, str], subject: str
) -> None:
    if not subject.isdigit():
        raise QuizError("This form is out of date; open it again with /quizadmin edit.")
    prompt, choices, correct, explanation, topic = _draft_args(values)
    try:
        rec = await service_of(interaction).admin.edit_from_form(
            player_of(interaction),
            int(subject),
            prompt=prompt,
            choices_text=choices,
            correct_text=correct,
            explanation=explanation,
            topic=topic,
        )
    except ValidationFailed as exc:
        await tell(interaction, validation_message(exc, "changed"))
        return
    await tell(interaction, f"Saved #{rec.id}: {safe(rec.prompt, 300)}")


Submit = Callable[[discord.Interaction[Any], dict[str, str], str], Awaitable[None]]
SUBMITS: dict[str, tuple[str, Submit]] = {
    AddQuestionModal.kind: ("/quizadmin add", _submit_add),
    SuggestQuestionModal.kind: ("/quiz suggest", _submit_suggest),
    EditQuestionModal.kind: ("/quizadmin edit", _submit_edit),
}


async def on_form_submit(interaction: discord.Interaction[Any]) -> bool:
    """Handle the submit of one of our forms; False when the interaction is not one."""
    if interaction.type != discord.InteractionType.modal_submit:
        return False
    data: dict[str, Any] = dict(interaction.data or {})
    parsed = parse_form_id(str(data.get("custom_id", "")))
    if parsed is None or parsed.kind not in SUBMITS:
        return False
    kind, subject = parsed
    action, submit = SUBMITS[kind]
    async with guarded(interaction, action):
        await ack(interaction)
        await submit(interaction, submitted_values(list(data.get("components") or [])), subject)
    return True
