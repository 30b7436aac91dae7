"""Admin operations on a team's questions and settings: permission-checked, validated, recorded.

Validation rules are the bank format's own (questions.bank.validate_question), so a question
added in a Discord modal, a Slack modal, the CLI or an import file is held to the same rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

from bot.core.curation.drafts import (
    DEFAULT_TOPIC,
    QuestionDraft,
    as_bank_question,
    check_draft,
    parse_choices,
    parse_correct,
)
from bot.core.curation.rules import (
    MAX_HISTORY,
    MAX_PER_PAGE,
    MAX_REASON,
    MAX_UID,
    SUGGESTIONS_OFF,
    check_editable,
    check_not_empty,
    may_suggest,
    statuses_for,
)
from bot.core.curation.store import AnswerRow, TeamQuestion
from bot.core.curation.transfer import ExportFile, bank_name, plan_import, question_fields
from bot.core.curation.views import (
    ImportReport,
    QuestionDetail,
    QuestionPage,
    detail_panel,
    history_panel,
    page_panel,
    report_panel,
)
from bot.core.curation.work import export_file, question_details
from bot.core.decks.resolution import play_deck, resolve
from bot.core.decks.topics import split_topics
from bot.core.errors import ImportRejected, NotAllowed, QuizError, ValidationFailed, WorkRefused
from bot.core.models import (
    AdminActionRec,
    ChannelDefaults,
    ChannelRef,
    PlayerRef,
    QuestionRec,
    TeamSettings,
)
from bot.core.paging import check_page
from bot.core.permissions import admin_team
from bot.core.play.limits import limit_problems
from bot.core.ports import Repository, Unit, Worker
from bot.core.surfaces import Commands, Surface
from bot.core.views import Panel
from bot.core.weeks import check_timezone, utcnow
from questions.bank import (
    MAX_CHOICES,
    MAX_TOPIC,
    TRUE_FALSE,
    BankError,
    Problem,
    detect_lang,
    fold_text,
)
from questions.formats import FORMATS, ImportResult, detect_format, read_import
from questions.formats.common import content_id
from questions.intake import size_problem

T = TypeVar("T")


@dataclass(frozen=True)
class ReadImport:
    """A file read for an import and found readable: its name, format and questions."""

    filename: str
    format: str
    result: ImportResult


async def read_import_file(
    worker: Worker, data: bytes | str, *, fmt: str | None = None, filename: str = "import"
) -> ReadImport:
    """Read a file for an import, touching no database: empty, too big, of no known format,
    undecodable or with any bad question, it is refused (ImportRejected, every problem with its
    line). Parsed by the worker, in bounded time and memory."""
    try:
        try:
            check_not_empty(data, filename)
        except QuizError as exc:  # said like every other refusal: "nothing changed"
            raise BankError([Problem("file", exc.message)]) from None
        fmt_name = (fmt or detect_format(filename)).lower()
        too_big = size_problem(len(data), filename)
        if too_big:
            raise BankError([too_big])
        parsed = await worker.run(read_import, data, fmt_name, name=filename)
    except BankError as exc:
        raise ImportRejected(exc.problems) from None
    except WorkRefused as exc:
        raise ImportRejected([Problem("file", f"reading {filename} {exc.message}")]) from None
    return ReadImport(filename, fmt_name, parsed)


class AdminService:
    """`worker` runs the CPU-heavy work (reading imports, exports, statistics) away from the
    event loop, bounded in time and memory (bot/workers.py's pool in the bot)."""

    def __init__(
        self,
        repo: Repository,
        clock: Callable[[], datetime] = utcnow,
        *,
        worker: Worker,
        surface: Surface = Surface.TERMINAL,
    ) -> None:
        self.repo = repo
        self.clock = clock
        self.worker = worker
        self.surface = surface  # where its users read the hints in its replies

    async def _work(self, what: str, fn: Callable[..., T], /, *args: Any) -> T:
        """fn(*args) on the worker; a job that outgrows its bounds is a QuizError naming it."""
        try:
            return await self.worker.run(fn, *args)
        except WorkRefused as exc:
            raise QuizError(f"Preparing {what} {exc.message}.") from None

    async def _record(
        self,
        u: Unit,
        team_id: int,
        actor: PlayerRef,
        action: str,
        question_id: int | None,
        detail: dict[str, Any],
    ) -> None:
        """Who (display name, plus the platform user id in the detail), what, when."""
        await u.teams.record_admin_action(
            team_id,
            actor.display_name,
            action,
            question_id,
            {**detail, "user_id": actor.external_id},
            self.clock(),
        )

    async def require_admin(self, actor: PlayerRef) -> None:
        async with self.repo.unit() as u:
            await admin_team(u.teams, actor)

    async def add_question(self, actor: PlayerRef, draft: QuestionDraft) -> QuestionRec:
        """Add a question to the actor's team bank (admins only)."""
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            return await self._insert_draft(u, team_id, actor, draft, "active", "add")

    async def _insert_draft(
        self,
        u: Unit,
        team_id: int,
        actor: PlayerRef,
        draft: QuestionDraft,
        status: str,
        action: str,
    ) -> QuestionRec:
        uid = content_id(draft.topic, draft.prompt, draft.choices)
        problems = check_draft(draft, uid)
        if not problems and await u.curation.prompt_exists(team_id, draft.prompt):
            problems.append(Problem("prompt", "the team already has a question with this prompt"))
        if problems:
            raise ValidationFailed(problems)
        n = 1
        base = uid
        while await u.curation.taken_uids(team_id, [uid]):  # e.g. the same text was once rejected
            n += 1
            uid = f"{base[: MAX_UID - 3]}-{n}"
        q = as_bank_question(draft, uid)
        deck_id = await u.decks.custom_deck(team_id, self.clock())
        rec = await u.curation.insert_question(
            team_id, deck_id, q, author=actor.display_name, status=status
        )
        await self._record(u, team_id, actor, action, rec.id, {"prompt": draft.prompt})
        return rec

    async def channel_settings(
        self,
        actor: PlayerRef,
        channel: ChannelRef,
        *,
        questions: int | None = None,
        seconds: int | None = None,
        topic: str | None = None,
        deck: str | None = None,
    ) -> ChannelDefaults:
        """Set a channel's round defaults (admins only); with no values, just show them.
        `topic` holds one or more topics separated by commas, matched as a round matches
        them (in the channel's deck when it has one); `deck` names a published deck; an
        empty topic, or the deck "none", clears it."""
        if problems := limit_problems(questions=questions, seconds=seconds):
            raise ValidationFailed(problems)
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            channel_id = await u.teams.ensure_channel(team_id, channel)
            current = await u.teams.channel_defaults(channel_id)
            if questions is None and seconds is None and topic is None and deck is None:
                return current
            deck_id = current.deck_id
            commands = Commands(self.surface, actor.team)
            if deck is not None:
                deck_id = await self._channel_deck(u, team_id, deck, commands)
            topics = current.topic
            if topic is not None:
                topics = await self._channel_topics(u, team_id, topic, deck_id, commands)
            new = replace(
                current,
                questions=questions if questions is not None else current.questions,
                seconds=seconds if seconds is not None else current.seconds,
                topic=topics,
                deck_id=deck_id,
            )
            await u.teams.set_channel_defaults(channel_id, new, self.clock())
            new = await u.teams.channel_defaults(channel_id)
            await u.teams.record_admin_action(
                team_id,
                actor.display_name,
                "settings",
                None,
                {
                    "channel": channel.external_id,
                    "questions": new.questions,
                    "seconds": new.seconds,
                    "topic": new.topic,
                    "deck": new.deck_name,
                },
                self.clock(),
            )
            return new

    @staticmethod
    async def _channel_deck(u: Unit, team_id: int, deck: str, commands: Commands) -> int | None:
        if deck.strip().lower() in ("", "none"):
            return None
        try:
            decks = await u.decks.team_decks(team_id)
            return play_deck(decks, team_id, deck, commands=commands).id
        except QuizError as exc:
            raise ValidationFailed([Problem("deck", exc.message)]) from None

    @staticmethod
    async def _channel_topics(
        u: Unit, team_id: int, topic: str, deck_id: int | None, commands: Commands
    ) -> str | None:
        """The topics as stored: the names they match, comma-separated (None: all topics)."""
        wanted = split_topics(topic)
        if not wanted:
            return None
        try:
            chosen = await resolve(
                u.decks,
                u.teams,
                team_id,
                commands=commands,
                topics=wanted,
                channel_default=deck_id,
            )
        except QuizError as exc:
            raise ValidationFailed([Problem("topic", exc.message)]) from None
        text = ", ".join(chosen.topics)
        if len(text) > MAX_TOPIC:
            raise ValidationFailed(
                [Problem("topic", f"the topics matched take more than {MAX_TOPIC} characters")]
            )
        return text

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
                timezone = check_timezone(timezone)
            except QuizError as exc:
                raise ValidationFailed([Problem("timezone", exc.message)]) from None
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            cur = await u.teams.team_settings(team_id)
            new = replace(
                cur,
                admin_user_ids=admin_user_ids if admin_user_ids is not None else cur.admin_user_ids,
                admin_roles=admin_roles if admin_roles is not None else cur.admin_roles,
                allow_suggestions=(
                    allow_suggestions if allow_suggestions is not None else cur.allow_suggestions
                ),
                timezone=timezone or cur.timezone,
            )
            if new != cur:
                await u.teams.set_team_settings(team_id, new)
                await u.teams.record_admin_action(
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

    # --- finding, listing, showing -------------------------------------------------------------

    async def _find(self, u: Unit, team_id: int, ref: int | str) -> TeamQuestion:
        """A question the team can see, by database id (12 or "#12") or uid; else QuizError."""
        found: TeamQuestion | None = None
        if isinstance(ref, int):
            found = await u.curation.team_question(team_id, ref)
        else:
            text = ref.strip()
            digits = text.removeprefix("#")
            if digits.isdigit():
                found = await u.curation.team_question(team_id, int(digits))
            if found is None and text:
                found = await u.curation.team_question(team_id, text)
        if found is None:
            raise QuizError(f"No question {ref!s} in this team's bank.", field="question")
        return found

    async def list_questions(
        self,
        actor: PlayerRef,
        *,
        topic: str | None = None,
        text: str | None = None,
        status: str | None = None,
        own_only: bool = False,
        page: int = 1,
        per_page: int = 20,
    ) -> QuestionPage:
        """Search the team's questions (own and shared) by topic and/or text, one page at a time.

        status: None lists active, disabled and pending; "all" adds rejected and retired; or one
        status. Statuses are as the team sees them (a shared question it disabled is "disabled").
        """
        statuses = statuses_for(status)
        if page < 1:
            raise ValidationFailed([Problem("page", "must be 1 or more")])
        if not 1 <= per_page <= MAX_PER_PAGE:
            raise ValidationFailed([Problem("per_page", f"must be 1 to {MAX_PER_PAGE}")])
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            items, total = await u.curation.list_team_questions(
                team_id,
                topic=topic,
                text=text,
                statuses=statuses,
                own_only=own_only,
                offset=(page - 1) * per_page,
                limit=per_page,
            )
        check_page(page, total, per_page)
        return QuestionPage(tuple(items), total, page, per_page)

    async def list_panel(self, actor: PlayerRef, **filters: Any) -> Panel:
        """list_questions as a Panel (same keyword filters)."""
        page = await self.list_questions(actor, **filters)
        title = "Pending suggestions" if filters.get("status") == "pending" else "Questions"
        return page_panel(page, title)

    async def show_question(self, actor: PlayerRef, ref: int | str) -> QuestionDetail:
        """One question with its statistics in this team and the flags that say it looks broken."""
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            tq = await self._find(u, team_id, ref)
            details = await self._details(u, team_id, [tq])
        return details[0]

    async def show_panel(self, actor: PlayerRef, ref: int | str) -> Panel:
        return detail_panel(await self.show_question(actor, ref))

    async def question_report(
        self, actor: PlayerRef, *, own_only: bool = False, flagged_only: bool = False
    ) -> list[QuestionDetail]:
        """Statistics of every question this team has been asked, looks-broken ones first
        (then by facility, lowest first)."""
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            asked = await u.curation.times_asked(team_id)
            answers = await u.curation.team_answers(team_id)
            ids = set(asked) | {a.question_id for a in answers}
            questions = [
                tq for qid in sorted(ids) if (tq := await u.curation.team_question(team_id, qid))
            ]
            if own_only:
                questions = [tq for tq in questions if not tq.shared]
            details = await self._details(u, team_id, questions, asked, answers)
        if flagged_only:
            details = [d for d in details if d.flagged]
        return sorted(
            details,
            key=lambda d: (
                not d.flagged,
                d.stats.facility if d.stats.facility is not None else 101.0,
                d.question.rec.id,
            ),
        )

    async def report_panel(
        self, actor: PlayerRef, *, own_only: bool = False, flagged_only: bool = False
    ) -> Panel:
        details = await self.question_report(actor, own_only=own_only)
        return report_panel(details, flagged_only=flagged_only)

    async def _details(
        self,
        u: Unit,
        team_id: int,
        questions: Sequence[TeamQuestion],
        asked: dict[int, int] | None = None,
        answers: Sequence[AnswerRow] | None = None,
    ) -> list[QuestionDetail]:
        ids = [tq.rec.id for tq in questions]
        if asked is None:
            asked = await u.curation.times_asked(team_id, ids)
        if answers is None:
            answers = await u.curation.team_answers(team_id, ids)
        tz = (await u.teams.team_settings(team_id)).timezone
        points = await u.curation.week_points(team_id)
        return await self._work(
            "statistics", question_details, list(questions), list(answers), asked, tz, points
        )

    # --- editing and status --------------------------------------------------------------------

    async def edit_question(
        self,
        actor: PlayerRef,
        ref: int | str,
        *,
        prompt: str | None = None,
        choices: Sequence[str] | None = None,
        answer: int | None = None,
        explanation: str | None = None,
        topic: str | None = None,
    ) -> QuestionRec:
        """Change the team's own question (admins only); None leaves a field as it is.

        `answer` is a 0-based index into the (new) choices. When only the choices change, the
        answer follows its text; if that text is gone the answer must be given. The uid stays,
        so the question keeps its statistics. Shared questions are not edited: disable them
        for the team and add the team's own version instead.
        """
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            tq = await self._find(u, team_id, ref)
            rec = tq.rec
            check_editable(tq)
            new_choices = tuple(c.strip() for c in choices) if choices is not None else rec.choices
            new_answer = rec.answer if answer is None else answer
            if answer is None and choices is not None:
                old = rec.choices[rec.answer].strip().casefold()
                folded = [c.casefold() for c in new_choices]
                if old not in folded:
                    raise ValidationFailed(
                        [
                            Problem(
                                "answer",
                                f"the old answer {rec.choices[rec.answer]!r} is not among the "
                                "new choices; say which choice is correct",
                            )
                        ]
                    )
                new_answer = folded.index(old)
            draft = QuestionDraft(
                prompt=prompt.strip() if prompt is not None else rec.prompt,
                choices=new_choices,
                answer=new_answer,
                explanation=explanation.strip() if explanation is not None else rec.explanation,
                topic=(topic.strip() or DEFAULT_TOPIC) if topic is not None else rec.topic,
                kind="truefalse" if new_choices == TRUE_FALSE else "choice",
            )
            problems = check_draft(draft, rec.uid)
            if not problems and fold_text(draft.prompt) != fold_text(rec.prompt):
                same = (await u.curation.own_prompts(team_id)).get(fold_text(draft.prompt))
                if same is not None and same.id != rec.id:
                    problems.append(
                        Problem("prompt", f"question #{same.id} of the team already has it")
                    )
            if problems:
                raise ValidationFailed(problems)
            before = question_fields(rec)
            after = question_fields(draft)
            changed = {k: [before[k], v] for k, v in after.items() if before[k] != v}
            if not changed:
                return rec
            values = {k: v for k, v in after.items() if k in changed}
            if "prompt" in changed:
                values["lang"] = detect_lang(draft.prompt)
            await u.curation.update_question(rec.id, values, self.clock())
            await self._record(u, team_id, actor, "edit", rec.id, {"changed": changed})
            found = await u.play.question(rec.id)
            assert found is not None
            return found

    async def edit_from_form(
        self,
        actor: PlayerRef,
        ref: int | str,
        *,
        prompt: str | None = None,
        choices_text: str | None = None,
        correct_text: str | None = None,
        explanation: str | None = None,
        topic: str | None = None,
    ) -> QuestionRec:
        """edit_question from form fields as typed (choices one per line, correct as 1-5/A-E)."""
        choices = parse_choices(choices_text) if choices_text is not None else None
        answer = None
        if correct_text is not None and correct_text.strip():
            n = len(choices) if choices is not None else MAX_CHOICES
            answer = parse_correct(correct_text, n)
        return await self.edit_question(
            actor,
            ref,
            prompt=prompt,
            choices=choices,
            answer=answer,
            explanation=explanation,
            topic=topic,
        )

    async def disable_question(self, actor: PlayerRef, ref: int | str) -> TeamQuestion:
        """Stop asking a question in this team. A shared one is disabled for this team only."""
        return await self._set_enabled(actor, ref, enabled=False)

    async def enable_question(self, actor: PlayerRef, ref: int | str) -> TeamQuestion:
        return await self._set_enabled(actor, ref, enabled=True)

    async def _set_enabled(
        self, actor: PlayerRef, ref: int | str, *, enabled: bool
    ) -> TeamQuestion:
        want = "active" if enabled else "disabled"
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            tq = await self._find(u, team_id, ref)
            if tq.status == want:
                return tq
            if tq.status not in ("active", "disabled"):
                verb = "enabled" if enabled else "disabled"
                hint = " Approve or reject it first." if tq.status == "pending" else ""
                raise QuizError(
                    f"#{tq.rec.id} is {tq.status}, so it cannot be {verb}.{hint}",
                    field="question",
                )
            now = self.clock()
            if tq.shared:
                await u.curation.set_team_question_status(
                    team_id, tq.rec.id, None if enabled else "disabled", now
                )
            else:
                await u.curation.set_question_status(tq.rec.id, want, now)
            action = "enable" if enabled else "disable"
            await self._record(u, team_id, actor, action, tq.rec.id, {"shared": tq.shared})
            found = await u.curation.team_question(team_id, tq.rec.id)
            assert found is not None
            return found

    # --- review queue --------------------------------------------------------------------------

    async def suggest_question(self, actor: PlayerRef, draft: QuestionDraft) -> QuestionRec:
        """A question waiting for review (status pending, never asked). Anyone may suggest when
        the team allows suggestions; admins always may."""
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(actor.team)
            if not may_suggest(actor, await u.teams.team_settings(team_id)):
                raise NotAllowed(SUGGESTIONS_OFF)
            return await self._insert_draft(u, team_id, actor, draft, "pending", "suggest")

    async def may_suggest(self, actor: PlayerRef) -> bool:
        """Whether the actor may suggest a question now (a form can say so before it opens)."""
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(actor.team)
            return may_suggest(actor, await u.teams.team_settings(team_id))

    async def require_suggester(self, actor: PlayerRef) -> None:
        if not await self.may_suggest(actor):
            raise NotAllowed(SUGGESTIONS_OFF)

    async def approve_question(self, actor: PlayerRef, ref: int | str) -> QuestionRec:
        return await self._review(actor, ref, "active", "approve", "")

    async def reject_question(
        self, actor: PlayerRef, ref: int | str, reason: str = ""
    ) -> QuestionRec:
        if len(reason) > MAX_REASON:
            raise ValidationFailed([Problem("reason", f"at most {MAX_REASON} characters")])
        return await self._review(actor, ref, "rejected", "reject", reason.strip())

    async def _review(
        self, actor: PlayerRef, ref: int | str, status: str, action: str, reason: str
    ) -> QuestionRec:
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            tq = await self._find(u, team_id, ref)
            if tq.shared or tq.status != "pending":
                raise QuizError(
                    f"#{tq.rec.id} is not waiting for review (it is {tq.status}).",
                    field="question",
                )
            await u.curation.set_question_status(tq.rec.id, status, self.clock())
            detail: dict[str, Any] = {"author": tq.author}
            if reason:
                detail["reason"] = reason
            await self._record(u, team_id, actor, action, tq.rec.id, detail)
            return replace(tq.rec, status=status)

    # --- import and export ---------------------------------------------------------------------

    async def import_questions(
        self,
        actor: PlayerRef,
        data: bytes | str,
        *,
        fmt: str | None = None,
        filename: str = "import",
    ) -> ImportReport:
        """Import a file (its bytes as uploaded, or pasted text) into the team's bank, all or
        nothing (admins only).

        Raises ImportRejected listing every problem (with line numbers) and changes nothing when
        the file cannot be read (questions.intake: size, encoding, control characters), any
        question is bad, or one duplicates a prompt the team already has. Questions keep the
        file's ids (or get content-derived ones), so importing the same file again adds nothing:
        a question already in the bank with the same content is "unchanged", one with the same
        id but new content is "updated". Ids are the team's own: the same id in another team or
        in the shared bank is another question. Unsupported question types are reported in
        `skipped`, not guessed at.
        """
        async with self.repo.unit() as u:
            await admin_team(u.teams, actor)  # a member's file is refused unread
        return await self.import_read(
            actor, await read_import_file(self.worker, data, fmt=fmt, filename=filename)
        )

    async def import_read(self, actor: PlayerRef, read: ReadImport) -> ImportReport:
        """Import a file `read_import_file` read (the CLI reads it before it opens the
        database): all or nothing, as `import_questions` says."""
        filename, fmt_name, parsed = read.filename, read.format, read.result
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            plan = await plan_import(
                parsed,
                await u.curation.own_questions(team_id),
                await u.curation.shared_questions_by_uid({q.id for q in parsed.questions}),
            )
            if plan.problems:
                raise ImportRejected(plan.problems)
            author = actor.display_name
            if plan.new:
                deck_id = await u.decks.custom_deck(team_id, self.clock())
                await u.curation.insert_questions(
                    team_id, deck_id, plan.new, author=author, status="active"
                )
            await u.curation.update_questions(plan.changed, self.clock())
            report = ImportReport(
                fmt_name, len(plan.new), len(plan.changed), plan.unchanged, tuple(parsed.skipped)
            )
            await self._record(
                u,
                team_id,
                actor,
                "import",
                None,
                {
                    "file": filename,
                    "format": fmt_name,
                    "added": report.added,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                    "skipped": len(report.skipped),
                },
            )
        return report

    async def export_questions(
        self, actor: PlayerRef, fmt: str, *, own_only: bool = False
    ) -> ExportFile:
        """The team's bank as a file's text (admins only).

        Exports what the team is asked: its own active questions plus the active shared ones
        it has not disabled (own_only: just its own). Disabled, pending, rejected and retired
        questions are left out, so importing the file elsewhere gives a playable bank.
        """
        if fmt.lower() not in FORMATS:
            raise ValidationFailed(
                [Problem("format", f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")]
            )
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            recs = await u.curation.usable_questions(team_id, own_only=own_only)
            await self._record(
                u, team_id, actor, "export", None, {"format": fmt.lower(), "count": len(recs)}
            )
        name = bank_name(actor.team)
        fmt = fmt.lower()
        text = await self._work("the export", export_file, recs, fmt, name)
        return ExportFile(text, len(recs), fmt, f"{name}{FORMATS[fmt].extensions[0]}")

    # --- history -------------------------------------------------------------------------------

    async def history(self, actor: PlayerRef, limit: int = 50) -> list[AdminActionRec]:
        """The team's recorded admin actions, newest first (admins only)."""
        if not 1 <= limit <= MAX_HISTORY:
            raise ValidationFailed([Problem("limit", f"must be 1 to {MAX_HISTORY}")])
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor)
            return await u.teams.admin_actions(team_id, limit)

    async def history_panel(self, actor: PlayerRef, limit: int = 20) -> Panel:
        return history_panel(await self.history(actor, limit))
