"""The deploy files, checked by parsing (no Docker engine needed): compose services and their
order of start, the database healthcheck and volume, and that no secret is written down."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config import Settings

ROOT = Path(__file__).resolve().parents[2]
SECRET_WORDS = ("TOKEN", "SECRET", "PASSWORD")
REFERENCE = re.compile(r"^\$\{[A-Z_][A-Z0-9_]*(:?[-?][^}]*)?\}$")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert isinstance(data, dict)
    return data


def _env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):  # ["KEY=value", ...] form
        env = dict(item.partition("=")[::2] for item in env)
    return {str(k): str(v) for k, v in env.items()}


def _depends(service: dict[str, Any]) -> dict[str, str]:
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {name: "service_started" for name in deps}
    return {name: spec.get("condition", "service_started") for name, spec in deps.items()}


def test_services_exist(compose: dict[str, Any]) -> None:
    assert {"postgres", "migrate", "discord", "slack"} <= set(compose["services"])


def test_postgres_uses_official_image_volume_and_healthcheck(compose: dict[str, Any]) -> None:
    pg = compose["services"]["postgres"]
    assert re.fullmatch(r"postgres:\d+(\.\d+)?(-\w+)?", pg["image"])
    mounts = [str(v).split(":") for v in pg["volumes"]]
    named = [m[0] for m in mounts if m[1] == "/var/lib/postgresql/data"]
    assert named and named[0] in (compose.get("volumes") or {}), "data must be a named volume"
    test = pg["healthcheck"]["test"]
    assert "pg_isready" in (test if isinstance(test, str) else " ".join(test))
    assert _env(pg)["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD")


def test_migrate_runs_once_after_postgres_is_healthy(compose: dict[str, Any]) -> None:
    migrate = compose["services"]["migrate"]
    assert migrate["command"] == ["db", "upgrade"]
    assert _depends(migrate) == {"postgres": "service_healthy"}
    assert migrate.get("restart", "no") == "no"


@pytest.mark.parametrize("name", ["discord", "slack"])
def test_bots_wait_for_database_and_migration(compose: dict[str, Any], name: str) -> None:
    bot = compose["services"][name]
    assert _depends(bot) == {
        "postgres": "service_healthy",
        "migrate": "service_completed_successfully",
    }
    assert bot["command"][:2] == ["run", name]
    assert bot["restart"] == "unless-stopped"
    url = _env(bot)["DATABASE_URL"]
    assert url.startswith("postgresql+asyncpg://quizbot:${POSTGRES_PASSWORD")
    assert url.endswith("@postgres:5432/quizbot")


# Which secrets each service may hold: its own, and nothing of another platform's.
OWN_SECRETS = {
    "postgres": {"POSTGRES_PASSWORD"},
    "migrate": {"DATABASE_URL"},
    "discord": {"DATABASE_URL", "DISCORD_TOKEN"},
    "slack": {
        "DATABASE_URL",
        "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_CLIENT_SECRET",
    },
}


def _is_secret(name: str) -> bool:
    return name == "DATABASE_URL" or any(w in name for w in SECRET_WORDS)


@pytest.mark.parametrize("name", sorted(OWN_SECRETS))
def test_each_service_gets_only_its_own_secrets(compose: dict[str, Any], name: str) -> None:
    service = compose["services"][name]
    assert "env_file" not in service, "an env_file hands every secret in .env to the service"
    secrets = {k for k in _env(service) if _is_secret(k)}
    assert secrets == OWN_SECRETS[name]


@pytest.mark.parametrize("name", ["discord", "slack"])
def test_each_bot_gets_every_setting_of_its_platform(compose: dict[str, Any], name: str) -> None:
    env = _env(compose["services"][name])
    platform = {f.upper() for f in Settings.model_fields if f.startswith(name + "_")}
    shared = {f.upper() for f in Settings.model_fields if not f.startswith(("discord_", "slack_"))}
    assert platform | shared <= set(env)
    for key in platform | shared - {"DATABASE_URL"}:
        assert env[key] == f"${{{key}:-}}", "unset in .env means the bot's default"


@pytest.mark.parametrize("name", ["discord", "slack"])
def test_a_bot_starts_with_up_only_when_its_profile_is_enabled(
    compose: dict[str, Any], name: str
) -> None:
    """`docker compose up -d` with no COMPOSE_PROFILES starts postgres and migrate only, so an
    unconfigured bot is not started (and restarted) over and over."""
    assert compose["services"][name]["profiles"] == [name]
    assert "profiles" not in compose["services"]["postgres"]
    assert "profiles" not in compose["services"]["migrate"]
    example = (ROOT / ".env.example").read_text()
    assert re.search(r"^#? ?COMPOSE_PROFILES=", example, re.M)


def _secret_values(node: Any, path: str = "") -> list[tuple[str, str]]:
    """Every (path, value) whose key looks like a secret, anywhere in the file."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}"
            if any(w in str(key).upper() for w in SECRET_WORDS) and not isinstance(
                value, dict | list
            ):
                found.append((where, str(value)))
            found += _secret_values(value, where)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            if isinstance(item, str) and "=" in item:
                key, _, value = item.partition("=")
                if any(w in key.upper() for w in SECRET_WORDS):
                    found.append((f"{path}[{i}]", value))
            else:
                found += _secret_values(item, f"{path}[{i}]")
    return found


def test_no_secret_has_a_literal_value(compose: dict[str, Any]) -> None:
    secrets = _secret_values(compose)
    assert secrets, "the walk must see POSTGRES_PASSWORD at least"
    literal = [(where, value) for where, value in secrets if not REFERENCE.match(value)]
    assert literal == []
    # A URL carries its password only as a reference, too.
    for service in compose["services"].values():
        for key, value in _env(service).items():
            creds = re.match(r"^\w[\w+]*://[^:/@]+:([^@]*)@", value)
            if creds:
                assert REFERENCE.match(creds.group(1)), f"{key} has a literal password"


def test_the_secret_check_catches_a_literal() -> None:
    doc = {"services": {"x": {"environment": ["DISCORD_TOKEN=abc"]}}}
    assert [v for _, v in _secret_values(doc) if not REFERENCE.match(v)] == ["abc"]


def test_env_example_lists_every_setting_with_empty_secrets() -> None:
    text = (ROOT / ".env.example").read_text()
    assigned: dict[str, str] = {}
    for line in text.splitlines():
        m = re.match(r"^#?\s*([A-Z][A-Z0-9_]*)=(.*)$", line.strip())
        if m:
            assigned.setdefault(m.group(1), m.group(2).strip())
    missing = [f.upper() for f in Settings.model_fields if f.upper() not in assigned]
    assert missing == [], f".env.example lacks {missing}"
    assert "POSTGRES_PASSWORD" in assigned
    filled = {k: v for k, v in assigned.items() if any(w in k for w in SECRET_WORDS) and v}
    assert filled == {}


def _dockerfile() -> list[str]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    return [
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    ]


def test_dockerfile_runs_as_non_root_without_baked_secrets() -> None:
    lines = _dockerfile()
    assert lines[0].startswith("FROM python:3.11-slim")
    users = [ln.split()[1] for ln in lines if ln.upper().startswith("USER ")]
    assert users and users[-1] not in ("root", "0"), "the last USER must not be root"
    for ln in lines:
        if ln.upper().startswith(("ENV ", "ARG ")):
            assert not any(w in ln.upper() for w in SECRET_WORDS), ln
    assert any("pip install ." in ln for ln in lines)
    assert any(ln.startswith("HEALTHCHECK") and "quizbot" in ln and "health" in ln for ln in lines)
    assert 'ENTRYPOINT ["quizbot"]' in lines


def test_dockerignore_keeps_env_out_of_the_image() -> None:
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    assert ".env" in ignored
