"""The error boundary around every `quizbot` command (bot/cli/boundary.py): a bad setting, a
bad or unreachable database, a bad option or an unexpected bug each end as one line on stderr
and an exit code (2 usage or configuration, 1 at run time), never as a traceback.

In-process through bot.cli.main (its own event loop, as for a user), in a temp working
directory so a `.env` there is the one read."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import bot.cli
import bot.cli.boundary
import bot.cli.leaderboard
from bot.cli import main
from bot.config import get_settings
from tests.helpers import free_port

PASSWORD = "s3cret-Passw0rd"


@dataclass
class Ran:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


Quizbot = Callable[..., Ran]


@pytest.fixture
def quizbot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Quizbot]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(bot.cli.boundary, "CRASH_LOG", tmp_path / "data" / "errors.log")
    for name in ("DATABASE_URL", "LOG_LEVEL", "LOG_FORMAT", "DB_POOL_SIZE", "DB_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DB_TIMEOUT", "3")

    def run(*argv: str, **env: str) -> Ran:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        get_settings.cache_clear()
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse refused the command line
            code = int(exc.code or 0)
        finally:
            get_settings.cache_clear()
        out = capsys.readouterr()
        ran = Ran(code, out.out, out.err)
        assert "Traceback" not in ran.out + ran.err, ran
        assert PASSWORD not in ran.out + ran.err
        return ran

    yield run


COMMANDS = [
    ("leaderboard",),
    ("questions", "list"),
    ("questions", "stats", "--flagged"),
    ("weekly", "show", "--team", "console:local"),
    ("db", "upgrade"),
    ("run", "console"),
]
BAD_URLS = {
    "unparseable": ("not a database url", 2, "DATABASE_URL: not a database URL; use sqlite"),
    "unknown driver": (f"mysql://quiz:{PASSWORD}@db/quiz", 2, "cannot run on 'mysql'"),
    "sync driver": ("sqlite:///quiz.db", 2, "cannot run on 'sqlite'"),
    "unreachable": (
        f"postgresql+asyncpg://quiz:{PASSWORD}@127.0.0.1:1/quiz",
        1,
        "cannot reach the database at postgresql+asyncpg://quiz:***@127.0.0.1:1/quiz",
    ),
    "missing folder": (
        "sqlite+aiosqlite:///no/such/folder/quiz.db",
        2,
        "the folder no/such/folder does not exist",
    ),
}


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("case", sorted(BAD_URLS))
def test_a_bad_database_url_is_one_line_in_every_command(
    quizbot: Quizbot, command: tuple[str, ...], case: str, tmp_path: Path
) -> None:
    url, code, says = BAD_URLS[case]
    ran = quizbot(*command, DATABASE_URL=url)
    assert ran.code == code
    assert len(ran.lines) == 1 and ran.lines[0].startswith("error: ") and says in ran.lines[0]
    assert not (tmp_path / "no").exists()  # a mistyped folder is not made


@pytest.mark.parametrize("platform", ["discord", "slack"])
def test_a_bad_database_url_stops_a_bot_with_one_line(quizbot: Quizbot, platform: str) -> None:
    ran = quizbot(
        "run",
        platform,
        DATABASE_URL=f"mysql://quiz:{PASSWORD}@db/quiz",
        DISCORD_TOKEN="x" * 30,
        SLACK_BOT_TOKEN="xoxb-1-2-abc",
        SLACK_SIGNING_SECRET="signing-secret",
    )
    assert ran.code == 2 and len(ran.lines) == 1 and "cannot run on 'mysql'" in ran.err


@pytest.fixture
def discord_api_kept() -> Iterator[None]:
    """`quizbot run discord` points discord.py's REST base at DISCORD_API_URL; put it back."""
    from discord.http import Route

    base = Route.BASE
    yield
    Route.BASE = base


@pytest.mark.parametrize("http", [False, True], ids=["gateway", "http"])
@pytest.mark.usefixtures("discord_api_kept")
def test_an_unreachable_discord_stops_the_bot_with_one_line(
    quizbot: Quizbot, tmp_path: Path, http: bool
) -> None:
    """The real discord.py login against a local port nobody listens on: one error line
    naming Discord and the cause among the INFO lines of start-up, exit 1."""
    mode = ("--http", "--port", str(free_port())) if http else ()
    ran = quizbot(
        "run",
        "discord",
        *mode,
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/q.db",
        DISCORD_TOKEN="x" * 30,
        DISCORD_PUBLIC_KEY="ab" * 32,
        DISCORD_API_URL=f"http://127.0.0.1:{free_port()}/api/v10",
        LOG_LEVEL="INFO",
    )
    assert ran.code == 1
    [said] = [line for line in ran.lines if " INFO " not in line]
    assert said.startswith("error: could not connect to Discord: ClientConnectorError: "), said
    assert "127.0.0.1" in said


def test_a_slack_bot_without_a_token_says_what_to_set_as_the_cli_does(
    quizbot: Quizbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    ran = quizbot("run", "slack", DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/q.db")
    assert ran.code == 2
    assert len(ran.lines) == 1 and ran.lines[0].startswith("error: SLACK_BOT_TOKEN is not set")


def test_a_refused_login_names_the_user(quizbot: Quizbot, pg_url: str) -> None:
    url = pg_url.replace("postgresql+asyncpg://postgres", f"postgresql+asyncpg://nobody:{PASSWORD}")
    ran = quizbot("leaderboard", DATABASE_URL=url)
    assert ran.code == 2 and len(ran.lines) == 1
    assert "refused the login of user 'nobody'" in ran.err


def test_a_missing_database_is_named(quizbot: Quizbot, pg_url: str) -> None:
    url = pg_url.rsplit("/", 1)[0] + "/no_such_quiz_db"
    ran = quizbot("questions", "list", DATABASE_URL=url)
    assert ran.code == 2 and "there is no database 'no_such_quiz_db'" in ran.err


def test_an_unmigrated_postgresql_says_to_upgrade(quizbot: Quizbot, pg_url: str) -> None:
    ran = quizbot("leaderboard", DATABASE_URL=pg_url)  # the server's own, never migrated
    assert ran.code == 1 and len(ran.lines) == 1 and "quizbot db upgrade" in ran.err


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("DB_POOL_SIZE=lots", "DB_POOL_SIZE='lots': Input should be a valid integer"),
        ("LOG_LEVEL=verbose", "'DEBUG', 'INFO', 'WARNING', 'ERROR' or 'CRITICAL'"),
        ("LOG_FORMAT=xml", "LOG_FORMAT='xml': Input should be 'text' or 'json'"),
        ("DISCORD_GUILD_IDS=general", "DISCORD_GUILD_IDS='general': must be numbers"),
        ("DUE_POLL_SECONDS=-1", "DUE_POLL_SECONDS='-1': Input should be greater than 0"),
    ],
)
def test_a_bad_value_in_dotenv_is_named_with_what_it_accepts(
    quizbot: Quizbot, tmp_path: Path, line: str, says: str
) -> None:
    (tmp_path / ".env").write_text(f"# settings\n{line}\n")
    ran = quizbot("leaderboard")
    assert ran.code == 2 and len(ran.lines) == 1 and says in ran.err


def test_a_secret_in_a_bad_dotenv_is_not_echoed(quizbot: Quizbot, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"DB_POOL_SIZE=never\nDATABASE_URL=mysql://q:{PASSWORD}@h/q\n")
    ran = quizbot("health")
    assert ran.code == 2 and "DB_POOL_SIZE" in ran.err and "mysql://q:***@h/q" in ran.err


def test_a_dotenv_that_is_not_utf8_is_refused(quizbot: Quizbot, tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"LOG_LEVEL=\xff\xfe\n")
    ran = quizbot("leaderboard")
    assert ran.code == 2 and ran.lines == [ran.lines[0]] and ".env is not UTF-8" in ran.err


def test_an_unexpected_error_is_one_line_with_a_reference_and_logged_once(
    quizbot: Quizbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(args: object, settings: object) -> int:
        raise RuntimeError("a bug deep inside")

    monkeypatch.setattr(bot.cli.leaderboard, "cmd_leaderboard", broken)
    ran = quizbot("leaderboard", DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/q.db")
    assert ran.code == 1 and len(ran.lines) == 1
    crash_log = tmp_path / "data" / "errors.log"
    reference = ran.lines[0].split("reference ")[1].split(";")[0]
    assert ran.lines[0] == (
        f"error: unexpected error, reference {reference}; the details are in {crash_log}"
    )
    logged = crash_log.read_text()
    assert logged.count(f"reference {reference}") == 1
    assert "Traceback" in logged and "RuntimeError: a bug deep inside" in logged


@pytest.mark.parametrize("name", ["", "   ", "\t"])
def test_an_empty_player_name_is_refused(quizbot: Quizbot, name: str) -> None:
    ran = quizbot("run", "console", "--player", name)
    assert ran.code == 2 and "argument --player: must not be empty" in ran.err


@pytest.mark.parametrize("limit", ["0", "-3", "101", "ten"])
def test_a_leaderboard_limit_out_of_range_is_refused(quizbot: Quizbot, limit: str) -> None:
    ran = quizbot("leaderboard", "--limit", limit)
    assert ran.code == 2 and "argument --limit: must be" in ran.err and "1 to 100" in ran.err


def test_an_empty_leaderboard_in_a_terminal_names_where_a_round_is_started(
    quizbot: Quizbot, fresh_db: str
) -> None:
    ran = quizbot("leaderboard", DATABASE_URL=fresh_db)
    assert ran.code == 0
    assert "No scores yet. Start a round with quizbot run console." in ran.out
    assert "/quiz" not in ran.out
    # a chat team's rounds are played in its chat, never in this terminal
    other = quizbot("leaderboard", "--team", "slack:T0001", DATABASE_URL=fresh_db)
    assert "No scores yet. Start a round with /quiz start in Slack." in other.out


def test_health_reports_a_mistyped_sqlite_path_and_creates_nothing(
    quizbot: Quizbot, tmp_path: Path
) -> None:
    typo = tmp_path / "quizbto.db"
    ran = quizbot("health", DATABASE_URL=f"sqlite+aiosqlite:///{typo}")
    assert ran.code == 1 and "there is no database file at" in ran.out
    assert not typo.exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    ran = quizbot("health", DATABASE_URL=f"sqlite+aiosqlite:///{empty}")
    assert ran.code == 1 and "run `quizbot db upgrade`" in ran.out


def test_the_default_database_folder_is_still_made(
    quizbot: Quizbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.db.connect

    default = tmp_path / "home" / ".local/share/quizbot/quizbot.db"
    monkeypatch.setattr(bot.db.connect, "DEFAULT_SQLITE_PATH", default)
    ran = quizbot("leaderboard", DATABASE_URL=f"sqlite+aiosqlite:///{default}")
    assert ran.code == 0 and default.is_file()


@pytest.mark.slow
def test_output_into_a_closed_pipe_ends_quietly(fresh_db: str, tmp_path: Path) -> None:
    """`quizbot questions stats | head`: the reader is gone before the output is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `head` after its lines: every write now fails with EPIPE
    try:
        run = subprocess.run(
            [sys.executable, "-m", "bot.cli", "questions", "stats"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env={
                **{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},  # buffered
                "DATABASE_URL": fresh_db,
                "HOME": str(tmp_path),
                "LOG_LEVEL": "WARNING",
            },
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert run.returncode == 141, run.stderr
    assert run.stderr == ""  # no traceback, no "Exception ignored ... BrokenPipeError"


def _leaf_commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[str, ...]]:
    """Every runnable `quizbot ...` command, from the parser itself (a new one is covered)."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [path]
    return [
        leaf for name, sub in subs[0].choices.items() for leaf in _leaf_commands(sub, (*path, name))
    ]


# What each command needs besides the database (files it reads, ids, tokens).
REQUIRED = {
    ("questions", "load"): ["{bank}"],
    ("questions", "add"): ["--prompt", "Q?", "--choice", "a", "--choice", "b", "--correct", "1"],
    ("questions", "suggest"): [
        "--prompt",
        "Q?",
        "--choice",
        "a",
        "--choice",
        "b",
        "--correct",
        "1",
    ],
    ("questions", "show"): ["#1"],
    ("questions", "disable"): ["#1"],
    ("questions", "enable"): ["#1"],
    ("questions", "edit"): ["#1", "--prompt", "Q?"],
    ("questions", "approve"): ["#1"],
    ("questions", "reject"): ["#1"],
    ("questions", "import"): ["{bank}"],
    ("questions", "export"): ["--format", "yaml", "--out", "{out}"],
    ("weekly", "set"): ["--team", "console:local", "--channel", "terminal"],
    ("weekly", "off"): ["--team", "console:local"],
    ("weekly", "show"): ["--team", "console:local"],
    ("daily", "set"): ["--team", "console:local", "--channel", "terminal", "--time", "9"],
    ("daily", "off"): ["--team", "console:local", "--channel", "terminal"],
    ("daily", "show"): ["--team", "console:local"],
    ("decks", "create"): ["k8s", "--from-bank", "{bank}"],
    ("decks", "regenerate"): ["k8s", "--from-bank", "{bank}"],
    ("decks", "preview"): ["k8s"],
    ("decks", "publish"): ["k8s"],
    ("decks", "archive"): ["k8s"],
    ("decks", "default"): ["k8s"],
    ("decks", "export"): ["k8s", "--out", "{out}"],
}
NO_DATABASE = {("questions", "generate"), ("questions", "check")}  # files only


def test_every_command_that_opens_the_database_says_a_bad_url_in_one_line(
    quizbot: Quizbot, tmp_path: Path
) -> None:
    """The issue's repro, over every command the parser knows (health reports it as its
    verdict on stdout instead, exit 1)."""
    bank = Path(__file__).parents[2] / "questions/bank/aws-developer-associate.yaml"
    commands = [c for c in _leaf_commands(bot.cli.build_parser()) if c not in NO_DATABASE]
    assert len(commands) > 20
    for command in commands:
        extra = [a.format(bank=bank, out=tmp_path / "out.yaml") for a in REQUIRED.get(command, [])]
        ran = quizbot(
            *command,
            *extra,
            DATABASE_URL=f"postgresql+asyncpg://quiz:{PASSWORD}@127.0.0.1:1/quiz",
            DISCORD_TOKEN="x" * 30,
            SLACK_BOT_TOKEN="xoxb-1-2-abc",
            SLACK_SIGNING_SECRET="signing-secret",
        )
        assert ran.code == 1, (command, ran)
        said = ran.out if command == ("health",) else ran.err
        assert "cannot reach the database at postgresql+asyncpg://quiz:***@127.0.0.1:1" in said
        assert len([line for line in ran.err.splitlines() if line.strip()]) <= 1, (command, ran)
