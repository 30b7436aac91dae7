"""Who and where a Slack request comes from, as core refs.

A workspace is `TeamRef("slack", team_id)`; Slack ids are only unique inside a platform, so the
platform prefix keeps a workspace apart from a Discord guild sharing the database. Workspace
admins and owners (users.info) count as platform admins; the core adds the team's own admin list.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.models import ChannelRef, PlayerRef, TeamRef

log = logging.getLogger(__name__)

PLATFORM = "slack"


def _get(body: Mapping[str, Any], *path: str) -> Any:
    cur: Any = body
    for key in path:
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(key)
    return cur


def team_id_of(body: Mapping[str, Any]) -> str:
    """The workspace of a slash command, an interaction payload or an event callback."""
    found = (
        body.get("team_id")
        or _get(body, "team", "id")
        or _get(body, "user", "team_id")
        or _get(body, "view", "team_id")
    )
    if not found:
        raise ValueError("the request names no Slack workspace (team id)")
    return str(found)


def team_from(body: Mapping[str, Any]) -> TeamRef:
    name = body.get("team_domain") or _get(body, "team", "domain")
    return TeamRef(PLATFORM, team_id_of(body), name)


def channel_from(body: Mapping[str, Any], channel_id: str | None = None) -> ChannelRef | None:
    cid = (
        channel_id
        or body.get("channel_id")
        or _get(body, "channel", "id")
        or _get(body, "container", "channel_id")
        or _get(body, "event", "channel")
    )
    if not cid or not isinstance(cid, str):
        return None
    name = body.get("channel_name") or _get(body, "channel", "name")
    return ChannelRef(team_from(body), str(cid), name)


def user_id_of(body: Mapping[str, Any]) -> str:
    found = body.get("user_id") or _get(body, "user", "id") or _get(body, "event", "user")
    if not found:
        raise ValueError("the request names no Slack user")
    return str(found)


def player_from(
    body: Mapping[str, Any], *, is_admin: bool = False, display_name: str | None = None
) -> PlayerRef:
    uid = user_id_of(body)
    name = (
        display_name
        or body.get("user_name")
        or _get(body, "user", "username")
        or _get(body, "user", "name")
        or uid
    )
    return PlayerRef(team_from(body), uid, str(name), is_platform_admin=is_admin)


@dataclass(frozen=True)
class SlackUser:
    is_admin: bool
    display_name: str | None

    @classmethod
    def of(cls, member: Mapping[str, Any]) -> SlackUser:
        """From a user object as users.info and users.list give it."""
        profile = member.get("profile") or {}
        return cls(
            is_admin=bool(
                member.get("is_admin") or member.get("is_owner") or member.get("is_primary_owner")
            ),
            display_name=profile.get("display_name") or profile.get("real_name") or None,
        )


# Members per users.list call (Slack advises at most 200).
LIST_PAGE = 200


class UserDirectory:
    """users.info, cached for a short while: admin flags change rarely and a click or a command
    should not cost a Web API round trip every time."""

    def __init__(self, ttl_seconds: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.ttl = ttl_seconds
        self.clock = clock
        self._cache: dict[tuple[str, str], tuple[float, SlackUser]] = {}
        self._name_asked: dict[tuple[str, str], float] = {}  # when a click last asked
        self._list_cursors: dict[str, str] = {}  # team -> where its users.list goes on

    async def lookup(
        self,
        client: AsyncWebClient,
        team_id: str,
        user_id: str,
        auth: Mapping[str, Any] | None = None,
    ) -> SlackUser:
        """`auth`: the workspace's token where the client has none of its own (OAuth installs)."""
        key = (team_id, user_id)
        hit = self._cache.get(key)
        now = self.clock()
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        try:
            resp = await client.users_info(user=user_id, **(auth or {}))
            user = resp.get("user") or {}
        except SlackApiError as exc:
            # Not knowing is not being an admin; the team's own admin list still applies.
            log.warning("users.info failed for %s: %s", user_id, exc.response.get("error"))
            return SlackUser(False, None)
        found = SlackUser.of(user)
        self._cache[key] = (now, found)
        return found

    async def list_page(
        self, client: AsyncWebClient, team_id: str, auth: Mapping[str, Any] | None = None
    ) -> bool:
        """The workspace's next page of users.list into the cache (a page of members for one
        call, where users.info gives one), going on where the last page of this workspace
        ended; whether more pages follow (after the last, the next listing starts over)."""
        cursor = self._list_cursors.pop(team_id, None)
        resp = await client.users_list(limit=LIST_PAGE, cursor=cursor, **(auth or {}))
        now = self.clock()
        for member in resp.get("members") or []:
            if isinstance(member, dict) and isinstance(member.get("id"), str):
                self._cache[(team_id, member["id"])] = (now, SlackUser.of(member))
        following = (resp.get("response_metadata") or {}).get("next_cursor")
        if following:
            self._list_cursors[team_id] = str(following)
        return bool(following)

    def knows(self, team_id: str, user_id: str) -> bool:
        """Whether users.info or users.list told of this user (named or not)."""
        return (team_id, user_id) in self._cache

    def name_of(self, team_id: str, user_id: str) -> str | None:
        """The display name users.info gave for this user, however long ago (names change
        rarely, unlike admin flags): what a click uses, which may not wait for users.info."""
        hit = self._cache.get((team_id, user_id))
        return hit[1].display_name if hit is not None else None

    def should_fetch_name(self, team_id: str, user_id: str) -> bool:
        """Whether a click should fetch this user's display name after its ack: only while no
        name is known and no click asked within `ttl` (so a burst of clicks, or a users.info
        that failed or is rate limited, costs one call, not one per click). Asking counts."""
        key = (team_id, user_id)
        if self.name_of(team_id, user_id):
            return False
        now = self.clock()
        asked = self._name_asked.get(key)
        if asked is not None and now - asked < self.ttl:
            return False
        self._name_asked[key] = now
        return True

    async def player(self, client: AsyncWebClient, body: Mapping[str, Any]) -> PlayerRef:
        """The acting user with the workspace admin flag, for commands that may need it."""
        user = await self.lookup(client, team_id_of(body), user_id_of(body))
        return player_from(body, is_admin=user.is_admin, display_name=user.display_name)
