"""`quizbot db upgrade` and `quizbot health`: the schema and whether the database answers."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from bot.cli._common import run
from bot.config import Settings, redact_url


def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from bot.db.connect import create_engine
    from bot.db.migrate import upgrade

    async def main() -> int:
        engine = create_engine(settings.database_url)
        try:
            await upgrade(engine, args.revision)
        finally:
            await engine.dispose()
        print(f"Database {redact_url(settings.database_url)} is at {args.revision}.")
        return 0

    return run(main())


def cmd_health(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when the database answers and has the latest schema, 1 otherwise (the image's
    HEALTHCHECK): one line on stdout either way, the cause logged."""
    from bot.db.problems import database_problem
    from bot.runtime import database_health

    where = redact_url(settings.database_url)

    async def main() -> int:
        try:
            problem = await database_health(settings)
        except Exception as exc:
            known = database_problem(exc, settings.database_url)
            problem = known.message if known else exc.__class__.__name__
            logging.getLogger("bot.health").error("database check failed: %r", exc.__cause__ or exc)
        if problem is not None:
            print(f"unhealthy: database {where}: {problem}")
            return 1
        print(f"ok: database {where} answers")
        return 0

    return run(main())


def register(sub: Any) -> None:
    db = sub.add_parser("db", help="database schema").add_subparsers(dest="db_cmd", required=True)
    up = db.add_parser("upgrade", help="migrate the database to the latest schema")
    up.add_argument("revision", nargs="?", default="head")
    up.set_defaults(handler=cmd_db_upgrade)

    sub.add_parser("health", help="check that the database answers").set_defaults(
        handler=cmd_health
    )
