"""Who counts as an admin: the platform's say plus the team's own list of users and roles."""

from __future__ import annotations

from bot.core.models import PlayerRef, TeamSettings


def is_admin(player: PlayerRef, settings: TeamSettings) -> bool:
    if player.is_platform_admin:
        return True
    if player.external_id in settings.admin_user_ids:
        return True
    wanted = {r.casefold() for r in settings.admin_roles}
    return any(role.casefold() in wanted for role in player.roles)
