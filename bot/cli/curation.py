"""`quizbot questions add|list|show|disable|enable|edit|import|export|stats|history|suggest|
approve|reject --team PLATFORM:ID`: curate a team's questions without the chat UI.

The CLI is run by the server operator, so it acts as an admin of the team, recorded as actor
"cli". Every command goes through bot.core.curation.service.AdminService, the same code the chat adapters
call, so validation and history are the same on every path.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bot.cli._common import (
    EXPORT_FORMAT_HELP,
    add_out,
    operator,
    print_view,
    refusing_export,
    run,
    team_ref,
    whole_number,
    write_out,
)
from bot.config import Settings
from bot.core.curation.rules import MAX_HISTORY, MAX_PER_PAGE

Action = Callable[[Any, Any, argparse.Namespace], Awaitable[int]]


def _handler(action: Action) -> Callable[[argparse.Namespace, Settings], int]:
    """Open the runtime and run one AdminService action. A refusal (QuizError) ends as
    `error: ...` and exit code 1, a file that cannot be read or written as exit code 2: the
    CLI's error boundary (bot/cli/boundary.py) says so for every command."""

    def handle(args: argparse.Namespace, settings: Settings) -> int:
        from bot.core.curation.service import AdminService
        from bot.runtime import open_runtime
        from bot.workers import shared_pool

        actor = operator(team_ref(args.team))

        async def main() -> int:
            async with open_runtime(settings) as rt:
                return await action(AdminService(rt.repo, worker=shared_pool()), actor, args)

        return run(main())

    return handle


# --- actions -------------------------------------------------------------------------------------


def _draft(args: argparse.Namespace) -> Any:
    from bot.core.curation.drafts import draft_from_form

    return draft_from_form(
        args.prompt, "\n".join(args.choice), args.correct, args.explanation, args.topic
    )


async def _add(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    rec = await admin.add_question(actor, _draft(args))
    print(f"Added #{rec.id} ({rec.uid}) to {actor.team.key}.")
    return 0


async def _suggest(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    rec = await admin.suggest_question(actor, _draft(args))
    print(f"Suggested #{rec.id} ({rec.uid}); it waits for review (quizbot questions approve).")
    return 0


async def _list(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    print_view(
        await admin.list_panel(
            actor,
            topic=args.topic,
            text=args.search,
            status=args.status,
            own_only=args.own,
            page=args.page,
            per_page=args.per_page,
        )
    )
    return 0


async def _show(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    print_view(await admin.show_panel(actor, args.question))
    return 0


async def _disable(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    from bot.core.curation.views import status_notice

    print_view(status_notice(await admin.disable_question(actor, args.question)))
    return 0


async def _enable(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    from bot.core.curation.views import status_notice

    print_view(status_notice(await admin.enable_question(actor, args.question)))
    return 0


async def _edit(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    rec = await admin.edit_from_form(
        actor,
        args.question,
        prompt=args.prompt,
        choices_text="\n".join(args.choice) if args.choice else None,
        correct_text=args.correct,
        explanation=args.explanation,
        topic=args.topic,
    )
    print(f"#{rec.id} is now: {rec.prompt}")
    return 0


def _import(args: argparse.Namespace, settings: Settings) -> int:
    """Read and check the file first, the database only then: a bad file is refused with its
    own error and exit code (OSError: 2 at the boundary; a refused file: 1) even when the
    database is away, and a database nothing will be written to is never opened."""
    from bot.core.curation.service import AdminService, read_import_file
    from bot.core.errors import ImportRejected
    from bot.runtime import open_runtime
    from bot.workers import shared_pool
    from questions.bank import BankError
    from questions.intake import read_bytes

    actor = operator(team_ref(args.team))
    path = Path(args.file)

    async def main() -> int:
        try:
            data = read_bytes(path)
            read = await read_import_file(shared_pool(), data, fmt=args.format, filename=path.name)
            async with open_runtime(settings) as rt:
                admin = AdminService(rt.repo, worker=shared_pool())
                report = await admin.import_read(actor, read)
        except (ImportRejected, BankError) as exc:
            print(f"error: {path} was not imported; nothing changed.", file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            return 1
        print(f"{path}: {report.summary()}.")
        for problem in report.skipped:
            print(f"  skipped {problem}")
        return 0

    return run(main())


async def _export(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    from questions.formats import export_format

    fmt = export_format(args.out, args.format)
    export = await admin.export_questions(actor, fmt, own_only=args.own)
    write_out(args.out, export.text)
    print(f"Wrote {export.count} question(s) to {args.out} ({export.format}).")
    return 0


async def _stats(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    print_view(await admin.report_panel(actor, own_only=args.own, flagged_only=args.flagged))
    return 0


async def _history(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    print_view(await admin.history_panel(actor, args.limit))
    return 0


async def _approve(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    rec = await admin.approve_question(actor, args.question)
    print(f"Approved #{rec.id}: it can now be asked.")
    return 0


async def _reject(admin: Any, actor: Any, args: argparse.Namespace) -> int:
    rec = await admin.reject_question(actor, args.question, args.reason)
    print(f"Rejected #{rec.id}.")
    return 0


# --- parser --------------------------------------------------------------------------------------


def _team(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--team",
        default="console:local",
        help="PLATFORM:ID, e.g. discord:81384788765712384, slack:T0123ABC (default console:local)",
    )


def _question_fields(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument("--prompt", required=required, help="the question (1-1000 characters)")
    p.add_argument(
        "--choice",
        action="append",
        required=required,
        help="a choice; repeat 2-5 times (each at most 80 characters)",
    )
    p.add_argument("--correct", required=required, help="the correct choice: 1-5 or A-E")
    blank = "" if required else None  # an edit leaves a field alone unless it is given
    p.add_argument("--explanation", default=blank, help="at most 1000 characters")
    p.add_argument("--topic", default=blank, help="at most 80 characters")


def _command(
    sub: Any, name: str, help_text: str, action: Action, *, question: bool = False
) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
    _team(p)
    if question:
        p.add_argument("question", help="question number (#12 or 12) or its id")
    p.set_defaults(handler=_handler(action))
    return p


def register(questions_subparsers: Any) -> None:
    # The formats and extensions are the registry's, so no help or choice goes stale.
    from questions.formats import EXTENSIONS, FORMATS

    """Add the curation commands to `quizbot questions`."""
    q = questions_subparsers
    _question_fields(_command(q, "add", "add a question to the team's bank", _add), required=True)
    _question_fields(
        _command(q, "suggest", "suggest a question (waits for review)", _suggest), required=True
    )

    ls = _command(q, "list", "list/search the team's questions", _list)
    ls.add_argument("--topic", default=None)
    ls.add_argument("--search", default=None, help="text in the prompt or id")
    ls.add_argument(
        "--status",
        default=None,
        help="active|disabled|pending|rejected|retired|all (default: active, disabled, pending)",
    )
    ls.add_argument("--own", action="store_true", help="only the team's own questions")
    ls.add_argument("--page", type=whole_number(1, 10_000), default=1)
    ls.add_argument("--per-page", type=whole_number(1, MAX_PER_PAGE), default=20)

    _command(q, "show", "show a question with its statistics", _show, question=True)
    _command(q, "disable", "stop asking a question in this team", _disable, question=True)
    _command(q, "enable", "ask a disabled question again", _enable, question=True)
    _question_fields(
        _command(q, "edit", "change a team question", _edit, question=True), required=False
    )

    imp = q.add_parser("import", help="import a file into the team's bank (all or nothing)")
    _team(imp)
    imp.set_defaults(handler=_import)  # its own handler: the file is read before the database
    imp.add_argument(
        "file", help=f"a question file ({', '.join(EXTENSIONS)}), or any with --format"
    )
    imp.add_argument("--format", choices=FORMATS, default=None, help="default: from the extension")

    exp = _command(q, "export", "export the team's bank", _export)
    exp.add_argument("--format", choices=FORMATS, default=None, help=EXPORT_FORMAT_HELP)
    add_out(exp)
    exp.add_argument("--own", action="store_true", help="only the team's own questions")
    exp.set_defaults(handler=refusing_export(_handler(_export)))

    st = _command(q, "stats", "per-question statistics, looks-broken ones first", _stats)
    st.add_argument("--own", action="store_true", help="only the team's own questions")
    st.add_argument("--flagged", action="store_true", help="only questions that look broken")

    hist = _command(q, "history", "recorded admin actions, newest first", _history)
    hist.add_argument("--limit", type=whole_number(1, MAX_HISTORY), default=50)

    _command(q, "approve", "approve a suggested question", _approve, question=True)
    rej = _command(q, "reject", "reject a suggested question", _reject, question=True)
    rej.add_argument("--reason", default="")
