"""`quizbot decks list|show|create|preview|publish|archive|regenerate|default|export --team
PLATFORM:ID`: a team's decks from the shell, through the same DeckService the chat commands
call (the shell acts as the team's admin, recorded as actor "cli"). Generation runs in the
worker process with the same bounds as in the bot."""

from __future__ import annotations

import argparse
import os
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
from bot.core.decks.rules import NOTES_SUFFIXES

Action = Callable[[Any, Any, argparse.Namespace], Awaitable[int]]


def _handler(action: Action) -> Callable[[argparse.Namespace, Settings], int]:
    """Open the runtime and run one DeckService action. A refusal (QuizError) ends as
    `error: ...` and exit code 1 through the CLI's error boundary; a file that cannot be read
    as exit code 2."""

    def handle(args: argparse.Namespace, settings: Settings) -> int:
        from bot.runtime import open_runtime

        actor = operator(team_ref(args.team))

        async def main() -> int:
            async with open_runtime(settings) as rt:
                return await action(_service(rt.repo, settings), actor, args)

        return run(main())

    return handle


def _service(repo: Any, settings: Settings) -> Any:
    from bot.core.decks.service import DeckService
    from bot.core.surfaces import Surface
    from bot.service import deck_limits
    from bot.workers import generation_pool

    return DeckService(
        repo, worker=generation_pool(), limits=deck_limits(settings), surface=Surface.TERMINAL
    )


def _file(path: str, kind: str) -> bytes:
    """The file's bytes, refused by its size on disk when too big, so the refusal says its
    true size (at most the intake limit + 1 bytes are read either way)."""
    from bot.core.decks.rules import check_file
    from questions.intake import MAX_FILE_BYTES

    with Path(path).open("rb") as f:
        check_file(kind, Path(path).name, os.fstat(f.fileno()).st_size)
        return f.read(MAX_FILE_BYTES + 1)


def _source(args: argparse.Namespace) -> tuple[str, str]:
    """(kind, path) from --from-notes or --from-bank."""
    if args.from_notes:
        return "notes", args.from_notes
    return "bank", args.from_bank


def _made(args: argparse.Namespace, settings: Settings, *, create: bool) -> int:
    """Read and check the file first, the database only then: a bad or missing file is
    refused with its own error and exit code (2 unreadable, 1 refused) even when the database
    is away, and a database nothing will be written to is never opened (nor a new SQLite file
    made)."""
    from bot.core.decks.rules import deck_name
    from bot.core.decks.service import read_deck_file
    from bot.core.decks.views import report_notice
    from bot.core.errors import ImportRejected
    from bot.runtime import open_runtime
    from bot.service import deck_limits
    from bot.workers import generation_pool

    actor = operator(team_ref(args.team))
    # A new deck's name is checked before its file is read: a typo costs no generation.
    name = deck_name(args.name) if create else args.name
    kind, path = _source(args)

    async def main() -> int:
        try:
            data = _file(path, kind)
            read = await read_deck_file(
                generation_pool(), data, path, kind=kind, deck=name, limits=deck_limits(settings)
            )
        except OSError as exc:
            print(f"error: {path}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        except ImportRejected as exc:
            return _not_made(path, exc)
        async with open_runtime(settings) as rt:
            service = _service(rt.repo, settings)
            if create:
                report = await service.create_read(actor, name, read)
            else:
                report = await service.regenerate_read(actor, name, read)
        print_view(report_notice(report, service.commands(actor.team)))
        return 0

    return run(main())


def _not_made(path: str, exc: Any) -> int:
    """An ImportRejected `exc` for the file at `path`: its problems, exit 1."""
    print(f"error: nothing was made from {path}:", file=sys.stderr)
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


def _create(args: argparse.Namespace, settings: Settings) -> int:
    return _made(args, settings, create=True)


def _regenerate(args: argparse.Namespace, settings: Settings) -> int:
    return _made(args, settings, create=False)


async def _list(service: Any, actor: Any, args: argparse.Namespace) -> int:
    print_view(await service.decks_panel(actor.team, args.page, archived=args.all))
    return 0


async def _show(service: Any, actor: Any, args: argparse.Namespace) -> int:
    print_view(await service.topics_panel(actor.team, args.name, args.page))
    return 0


async def _preview(service: Any, actor: Any, args: argparse.Namespace) -> int:
    print_view(await service.preview(actor, args.name, args.page, args.per_page))
    return 0


async def _publish(service: Any, actor: Any, args: argparse.Namespace) -> int:
    from bot.core.decks.views import status_notice

    print_view(status_notice(await service.publish(actor, args.name), service.commands(actor.team)))
    return 0


async def _archive(service: Any, actor: Any, args: argparse.Namespace) -> int:
    from bot.core.decks.views import status_notice

    print_view(status_notice(await service.archive(actor, args.name), service.commands(actor.team)))
    return 0


async def _default(service: Any, actor: Any, args: argparse.Namespace) -> int:
    deck = await service.set_default(actor, args.name)
    print(f"{actor.team.key} plays {deck.name} by default." if deck else "No default deck.")
    return 0


async def _export(service: Any, actor: Any, args: argparse.Namespace) -> int:
    from questions.formats import export_format

    export = await service.export(actor, args.name, export_format(args.out, args.format))
    write_out(args.out, export.text)
    print(f"Wrote {export.count} question(s) of {args.name} to {args.out} ({export.format}).")
    return 0


def _command(sub: Any, name: str, help_text: str, action: Action) -> argparse.ArgumentParser:
    p = _parser(sub, name, help_text)
    p.set_defaults(handler=_handler(action))
    return p


def _parser(sub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
    p.add_argument(
        "--team",
        default="console:local",
        help="PLATFORM:ID, e.g. discord:81384788765712384, slack:T0123ABC (default console:local)",
    )
    return p


def _file_source(p: argparse.ArgumentParser) -> None:
    from questions.formats import EXTENSIONS  # the registry's: no help goes stale

    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--from-notes", metavar="FILE", help=f"a Markdown notes file ({', '.join(NOTES_SUFFIXES)})"
    )
    source.add_argument(
        "--from-bank", metavar="FILE", help=f"a bank or import file ({', '.join(EXTENSIONS)})"
    )


def register(sub: Any) -> None:
    from questions.formats import FORMATS  # the registry's formats: no choice goes stale

    d = sub.add_parser("decks", help="a team's decks of questions").add_subparsers(
        dest="d_cmd", required=True, metavar="COMMAND"
    )
    ls = _command(d, "list", "the decks the team sees, with their question counts", _list)
    ls.add_argument("--all", action="store_true", help="archived decks too")
    ls.add_argument("--page", type=whole_number(1, 10_000), default=1)

    show = _command(d, "show", "decks (or one deck) with their topics and counts", _show)
    show.add_argument("name", nargs="?", default=None)
    show.add_argument("--page", type=whole_number(1, 10_000), default=1)

    # create and regenerate have their own handlers: the file is read before the database
    create = _parser(d, "create", "make a draft deck from notes or a bank file")
    create.set_defaults(handler=_create)
    create.add_argument("name")
    _file_source(create)

    regen = _parser(d, "regenerate", "new notes for a deck: unchanged questions keep their ids")
    regen.set_defaults(handler=_regenerate)
    regen.add_argument("name")
    _file_source(regen)

    preview = _command(d, "preview", "a page of a deck's questions with sources", _preview)
    preview.add_argument("name")
    preview.add_argument("--page", type=whole_number(1, 10_000), default=1)
    preview.add_argument("--per-page", type=whole_number(1, 25), default=10)

    _command(d, "publish", "make a deck playable", _publish).add_argument("name")
    _command(d, "archive", "hide a deck from play and lists", _archive).add_argument("name")
    _command(d, "default", "the deck the team plays by default (none: the rule)", _default)
    d.choices["default"].add_argument("name", help="a published deck, or none")

    exp = _command(d, "export", "write a deck's questions to a file", _export)
    exp.add_argument("name")
    exp.add_argument("--format", choices=FORMATS, default=None, help=EXPORT_FORMAT_HELP)
    add_out(exp)
    exp.set_defaults(handler=refusing_export(_handler(_export)))
