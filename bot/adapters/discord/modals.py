"""The question forms: add (admins), suggest (anyone, when the team allows it) and edit.

All three share the same five fields, so a question is typed the same way everywhere and the
core's `draft_from_form` / `edit_from_form` parse it. A modal submit carries only the typed
values; what it is about (the question being edited) is kept on the modal object, which
discord.py holds for this process until the form is sent or times out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import discord

from bot.adapters.discord.identity import player_of
from bot.adapters.discord.render import cut, safe
from bot.adapters.discord.replies import ack, guarded, service_of, tell
from bot.core.drafts import draft_from_form
from bot.core.errors import ValidationFailed
from bot.core.models import QuestionRec
from questions.bank import MAX_EXPLANATION, MAX_PROMPT, MAX_TOPIC

log = logging.getLogger(__name__)

MODAL_TITLE_MAX = 45
FORM_TIMEOUT = 15 * 60.0  # seconds a form stays open; long questions take a while to type
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
        label="Question",
        style=discord.TextStyle.paragraph,
        max_length=MAX_PROMPT,
        placeholder="Which SQS queue type provides exactly-once processing?",
    )
    choices: discord.ui.TextInput[QuestionForm] = discord.ui.TextInput(
        label="Choices, one per line (2 to 5)",
        style=discord.TextStyle.paragraph,
        max_length=CHOICES_MAX,
        placeholder="Standard\nFIFO\nDelay queue\nDead-letter queue",
    )
    correct: discord.ui.TextInput[QuestionForm] = discord.ui.TextInput(
        label="Correct choice (1-5 or A-E)", max_length=2, placeholder="2"
    )
    explanation: discord.ui.TextInput[QuestionForm] = discord.ui.TextInput(
        label="Explanation (optional)",
        style=discord.TextStyle.paragraph,
        required=False,
        max_length=MAX_EXPLANATION,
    )
    topic: discord.ui.TextInput[QuestionForm] = discord.ui.TextInput(
        label="Topic (optional)", required=False, max_length=MAX_TOPIC, placeholder="AWS SQS"
    )

    action = "question form"

    def __init__(self, *, title: str, values: FormValues | None = None) -> None:
        super().__init__(title=cut(title, MODAL_TITLE_MAX), timeout=FORM_TIMEOUT)
        if values is not None:
            # Prefilled text longer than a field allows would make Discord refuse the modal.
            self.prompt.default = values.prompt[:MAX_PROMPT]
            self.choices.default = values.choices[:CHOICES_MAX]
            self.correct.default = values.correct[:2]
            self.explanation.default = values.explanation[:MAX_EXPLANATION] or None
            self.topic.default = values.topic[:MAX_TOPIC] or None

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, self.action):
            await ack(interaction)
            await self.submit(interaction)

    async def submit(self, interaction: discord.Interaction[Any]) -> None:
        raise NotImplementedError

    def draft_args(self) -> tuple[str, str, str, str, str]:
        return (
            self.prompt.value,
            self.choices.value,
            self.correct.value,
            self.explanation.value or "",
            self.topic.value or "",
        )

    async def on_error(  # type: ignore[override]  # Modal.on_error takes no item
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        log.error("%s failed", self.action, exc_info=error)


class AddQuestionModal(QuestionForm):
    action = "/quizadmin add"

    def __init__(self) -> None:
        super().__init__(title="Add a quiz question")

    async def submit(self, interaction: discord.Interaction[Any]) -> None:
        actor = player_of(interaction)
        try:
            draft = draft_from_form(*self.draft_args())
            rec = await service_of(interaction).admin.add_question(actor, draft)
        except ValidationFailed as exc:
            await tell(interaction, validation_message(exc))
            return
        await tell(
            interaction,
            f"Added to {safe(rec.topic, 100)}: {safe(rec.prompt, 300)} (id `{rec.uid}`).",
        )


class SuggestQuestionModal(QuestionForm):
    action = "/quiz suggest"

    def __init__(self) -> None:
        super().__init__(title="Suggest a quiz question")

    async def submit(self, interaction: discord.Interaction[Any]) -> None:
        actor = player_of(interaction)
        try:
            draft = draft_from_form(*self.draft_args())
            rec = await service_of(interaction).admin.suggest_question(actor, draft)
        except ValidationFailed as exc:
            await tell(interaction, validation_message(exc, "suggested"))
            return
        await tell(
            interaction,
            f"Thanks! Your question #{rec.id} ({safe(rec.prompt, 300)}) waits for an admin "
            "to approve it.",
        )


class EditQuestionModal(QuestionForm):
    action = "/quizadmin edit"

    def __init__(self, rec: QuestionRec) -> None:
        super().__init__(title=f"Edit question #{rec.id}", values=FormValues.of(rec))
        self.question_id = rec.id

    async def submit(self, interaction: discord.Interaction[Any]) -> None:
        actor = player_of(interaction)
        prompt, choices, correct, explanation, topic = self.draft_args()
        try:
            rec = await service_of(interaction).admin.edit_from_form(
                actor,
                self.question_id,
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
