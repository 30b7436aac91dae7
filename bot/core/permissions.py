"""Who counts as an admin: the platform's say plus the team's own list of users and roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.errors import NotAllowed
from bot.core.models import PlayerRef, TeamSettings

if TYPE_CHECKING:
    from bot.core.ports import TeamStore


def is_admin(player: PlayerRef, settings: TeamSettings) -> bool:
    if player.is_platform_admin:
        return True
    if player.external_id in settings.admin_user_ids:
        return True
    wanted = {r.casefold() for r in settings.admin_roles}
    if any(role.casefold() in wanted for role in player.roles):
        return True
    # A name never matches an id-shaped entry: a role *named* like the admin role's id
    # would otherwise make its holders admins.
    by_name = {r for r in wanted if not r.isdigit()}
    return any(name.casefold() in by_name for name in player.role_names)


async def admin_team(
    teams: TeamStore, actor: PlayerRef, refusal: str = "Only admins can do that."
) -> int:
    """The actor's team id when the actor is one of its admins; NotAllowed(`refusal`) if not."""
    team_id = await teams.ensure_team(actor.team)
    if not is_admin(actor, await teams.team_settings(team_id)):
        raise NotAllowed(refusal)
    return team_id
