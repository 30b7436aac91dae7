"""Admin operations on a team's questions and settings: permission-checked, validated, recorded.

Validation rules are the bank format's own (questions.bank.validate_question), so a question
added in a Discord modal, a Slack modal, the CLI or an import file is held to the same rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.errors import NotAllowed, QuizError
from bot.core.models import ChannelDefaults, ChannelRef, PlayerRef, QuestionRec, TeamSettings
from bot.core.permissions import is_admin
from bot.core.ports import Repository, Unit
from bot.core.selection import MAX_QUESTIONS, MAX_SECONDS, MIN_QUESTIONS, MIN_SECONDS
from bot.core.weeks import utcnow
from questions.bank import (
    MAX_CHOICES,
    BankQuestion,
    Problem,
    detect_lang,
    make_id,
    validate_question,
)

DEFAULT_TOPIC = "General"
LETTERS = "ABCDE"


class ValidationFailed(QuizError):
    """Bad input, with every problem named by field, so a form can mark each one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        text = "; ".join(f"{p.field}: {p.message}" for p in problems)
        super().__init__(text, field=problems[0].field if problems else None)

    def by_field(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for p in self.problems:
            out[p.field] = f"{out[p.field]}; {p.message}" if p.field in out else p.message
        return out


@dataclass(frozen=True)
class QuestionDraft:
    """A question as a person typed it (a modal, the CLI), before validation."""

    prompt: str
    choices: tuple[str, ...]
    answer: int  # 0-based index into choices
    explanation: str = ""
    topic: str = DEFAULT_TOPIC
    kind: str = "choice"


def parse_choices(text: str) -> tuple[str, ...]:
    """Choices typed one per line; blank lines ignored, surrounding spaces trimmed."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def parse_correct(text: str, n_choices: int) -> int:
    """'2' (1-based) or 'B' to a 0-based index; ValidationFailed names the field."""
    raw = text.strip()
    index: int | None = None
    if raw.isdigit():
        index = int(raw) - 1
    elif len(raw) == 1 and raw.upper() in LETTERS:
        index = LETTERS.index(raw.upper())
    if index is None or not 0 <= index < max(n_choices, 1) or n_choices == 0:
        upper = max(min(n_choices, MAX_CHOICES), 1)
        raise ValidationFailed(
            [
                Problem(
                    "answer",
                    f"must be a choice number from 1 to {upper} (or a letter A-{LETTERS[upper - 1]})",
                )
            ]
        )
    return index


def draft_from_form(
    prompt: str, choices_text: str, correct_text: str, explanation: str = "", topic: str = ""
) -> QuestionDraft:
    """Build a draft from form fields, collecting every problem before failing."""
    choices = parse_choices(choices_text)
    problems: list[Problem] = []
    answer = 0
    try:
        answer = parse_correct(correct_text, len(choices))
    except ValidationFailed as exc:
        problems.extend(exc.problems)
    draft = QuestionDraft(
        prompt=prompt.strip(),
        choices=choices,
        answer=answer,
        explanation=explanation.strip(),
        topic=topic.strip() or DEFAULT_TOPIC,
    )
    problems.extend(p for p in _check(draft, "draft") if p.field != "answer" or not problems)
    if problems:
        raise ValidationFailed(_unique(problems))
    return draft


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    out = []
    for p in problems:
        if (p.field, p.message) not in seen:
            seen.add((p.field, p.message))
            out.append(Problem(p.field, p.message))
    return out


def _as_bank_question(draft: QuestionDraft, uid: str) -> BankQuestion:
    return BankQuestion(
        id=uid,
        topic=draft.topic,
        prompt=draft.prompt,
        choices=draft.choices,
        answer=draft.answer,
        kind=draft.kind,
        explanation=draft.explanation,
        lang=detect_lang(draft.prompt),
    )


def _check(draft: QuestionDraft, uid: str) -> list[Problem]:
    return [Problem(p.field, p.message) for p in validate_question(_as_bank_question(draft, uid))]


class AdminService:
    def __init__(self, repo: Repository, clock: Callable[[], datetime] = utcnow) -> None:
        self.repo = repo
        self.clock = clock

    async def _admin(self, u: Unit, actor: PlayerRef) -> int:
        team_id = await u.ensure_team(actor.team)
        if not is_admin(actor, await u.team_settings(team_id)):
            raise NotAllowed("Only admins can do that.")
        return team_id

    async def require_admin(self, actor: PlayerRef) -> None:
        async with self.repo.unit() as u:
            await self._admin(u, actor)

    async def add_question(self, actor: PlayerRef, draft: QuestionDraft) -> QuestionRec:
        """Add a question to the actor's team bank (admins only)."""
        async with self.repo.unit() as u:
            team_id = await self._admin(u, actor)
            uid = make_id(f"t{team_id}-{draft.topic}", draft.prompt, *draft.choices)
            problems = _check(draft, uid)
            if not problems and await u.prompt_exists(team_id, draft.prompt):
                problems.append(
                    Problem("prompt", "the team already has a question with this prompt")
                )
            if problems:
                raise ValidationFailed(problems)
            q = _as_bank_question(draft, uid)
            rec = await u.insert_question(team_id, q, author=actor.display_name, status="active")
            await u.record_admin_action(
                team_id, actor.display_name, "add", rec.id, {"prompt": draft.prompt}, self.clock()
            )
            return rec

    async def channel_settings(
        self,
        actor: PlayerRef,
        channel: ChannelRef,
        *,
        questions: int | None = None,
        seconds: int | None = None,
        topic: str | None = None,
    ) -> ChannelDefaults:
        """Set a channel's round defaults (admins only); with no values, just show them."""
        if questions is not None and not MIN_QUESTIONS <= questions <= MAX_QUESTIONS:
            raise ValidationFailed(
                [Problem("questions", f"must be {MIN_QUESTIONS} to {MAX_QUESTIONS}")]
            )
        if seconds is not None and not MIN_SECONDS <= seconds <= MAX_SECONDS:
            raise ValidationFailed([Problem("seconds", f"must be {MIN_SECONDS} to {MAX_SECONDS}")])
        async with self.repo.unit() as u:
            team_id = await self._admin(u, actor)
            channel_id = await u.ensure_channel(team_id, channel)
            if topic is not None and topic.strip():
                from bot.core.selection import match_topic

                found = match_topic(topic, await u.topics(team_id))
                if found is None:
                    raise ValidationFailed([Problem("topic", f"unknown topic {topic!r}")])
                topic = found
            if questions is None and seconds is None and topic is None:
                return await u.channel_defaults(channel_id)
            current = await u.channel_defaults(channel_id)
            new = ChannelDefaults(
                questions if questions is not None else current.questions,
                seconds if seconds is not None else current.seconds,
                (topic or None) if topic is not None else current.topic,
            )
            await u.set_channel_defaults(channel_id, new, self.clock())
            await u.record_admin_action(
                team_id,
                actor.display_name,
                "settings",
                None,
                {
                    "channel": channel.external_id,
                    "questions": new.questions,
                    "seconds": new.seconds,
                    "topic": new.topic,
                },
                self.clock(),
            )
            return new

    async def team_settings(
        self,
        actor: PlayerRef,
        *,
        admin_roles: tuple[str, ...] | None = None,
        admin_user_ids: tuple[str, ...] | None = None,
        allow_suggestions: bool | None = None,
        timezone: str | None = None,
    ) -> TeamSettings:
        """Set the team's admin roles/users, suggestions and timezone (admins only)."""
        if timezone is not None:
            try:
                ZoneInfo(timezone)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValidationFailed(
                    [
                        Problem(
                            "timezone",
                            f"unknown timezone {timezone!r}; use an IANA name like Europe/Berlin",
                        )
                    ]
                ) from None
        async with self.repo.unit() as u:
            team_id = await self._admin(u, actor)
            cur = await u.team_settings(team_id)
            new = TeamSettings(
                admin_user_ids=admin_user_ids if admin_user_ids is not None else cur.admin_user_ids,
                admin_roles=admin_roles if admin_roles is not None else cur.admin_roles,
                allow_suggestions=(
                    allow_suggestions if allow_suggestions is not None else cur.allow_suggestions
                ),
                timezone=timezone or cur.timezone,
            )
            if new != cur:
                await u.set_team_settings(team_id, new)
                await u.record_admin_action(
                    team_id,
                    actor.display_name,
                    "team-settings",
                    None,
                    {
                        "admin_roles": list(new.admin_roles),
                        "timezone": new.timezone,
                        "allow_suggestions": new.allow_suggestions,
                    },
                    self.clock(),
                )
            return new
