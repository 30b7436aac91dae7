"""Files attached through a modal's `file_input`: reading them from a view_submission and
fetching their text from Slack's files host with the workspace's bot token.

The token is only ever sent over HTTPS to Slack's own hosts (or to the host of the configured
Web API URL, a proxy or the test fake), so a crafted URL cannot collect it. The size is checked
before anything is fetched and again while reading, since a payload's `size` is only a claim."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp

from bot.core.errors import QuizError

# Bigger banks are imported with `quizbot questions import`; a chat form has no use for more.
MAX_UPLOAD_BYTES = 1_000_000
MAX_REDIRECTS = 3
DOWNLOAD_SECONDS = 30.0
SLACK_FILE_DOMAINS = ("slack.com", "slack-edge.com", "slack-files.com", "slack-gov.com")


@dataclass(frozen=True)
class Upload:
    """One file object of a file_input's value (only what importing needs)."""

    id: str
    name: str
    size: int | None
    url: str

    @classmethod
    def of(cls, raw: dict[str, Any]) -> Upload:
        size = raw.get("size")
        return cls(
            id=str(raw.get("id") or ""),
            name=str(raw.get("name") or raw.get("title") or "upload"),
            size=size if isinstance(size, int) else None,
            url=str(raw.get("url_private_download") or raw.get("url_private") or ""),
        )


def uploads(view: dict[str, Any], block_id: str) -> list[Upload]:
    """The files attached in a file_input block (state.values.<block>.<action>.files)."""
    block = ((view.get("state") or {}).get("values") or {}).get(block_id) or {}
    for element in block.values():
        files = element.get("files") if isinstance(element, dict) else None
        return [Upload.of(f) for f in files or [] if isinstance(f, dict)]
    return []


class UploadRefused(QuizError):
    """The attached file cannot be imported; the message says why and what to do."""


def size_problem(upload: Upload, limit: int = MAX_UPLOAD_BYTES) -> str | None:
    """Why the file is refused before fetching it (None when its stated size is fine)."""
    if upload.size is not None and upload.size > limit:
        return (
            f"{upload.name} is {upload.size:,} bytes, at most {limit:,}; import bigger files "
            "with `quizbot questions import`."
        )
    return None


def trusted(url: str, api_url: str | None) -> bool:
    """May the bot token go to this URL? Slack's hosts over HTTPS, or the Web API's own host."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if api_url:
        api = urlsplit(api_url)
        if (parts.scheme, host, parts.port) == (api.scheme, (api.hostname or "").lower(), api.port):
            return True
    if parts.scheme != "https":
        return False
    return any(host == d or host.endswith("." + d) for d in SLACK_FILE_DOMAINS)


async def fetch_bytes(
    upload: Upload,
    token: str,
    *,
    api_url: str | None = None,
    limit: int = MAX_UPLOAD_BYTES,
    timeout: float = DOWNLOAD_SECONDS,
) -> bytes:
    """The file's bytes (the import decodes them, as it does every file). Raises UploadRefused
    (field "file") when it cannot be fetched or is bigger than `limit`."""
    url = upload.url
    if not url:
        raise UploadRefused(f"Slack sent no download link for {upload.name}.", field="file")
    headers = {"Authorization": f"Bearer {token}"}
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as http:
        for _ in range(MAX_REDIRECTS + 1):
            if not trusted(url, api_url):
                raise UploadRefused(
                    f"{upload.name} is not on Slack's file host; attach it again.", field="file"
                )
            try:
                async with http.get(url, headers=headers, allow_redirects=False) as resp:
                    if resp.status in (301, 302, 303, 307, 308) and "Location" in resp.headers:
                        url = urljoin(url, resp.headers["Location"])
                        continue
                    data = await _read(resp, upload, limit)
            except (aiohttp.ClientError, TimeoutError) as exc:
                raise UploadRefused(
                    f"Downloading {upload.name} from Slack failed ({exc.__class__.__name__}); "
                    "please try again.",
                    field="file",
                ) from None
            break
        else:
            raise UploadRefused(f"Slack redirected {upload.name} too often.", field="file")
    return data


async def _read(resp: aiohttp.ClientResponse, upload: Upload, limit: int) -> bytes:
    if resp.status != 200:
        raise UploadRefused(
            f"Slack answered {resp.status} for {upload.name}; nothing was imported.", field="file"
        )
    if resp.content_type == "text/html":  # Slack's sign-in page: the token may not read files
        raise UploadRefused(
            f"Slack would not hand over {upload.name}: the app needs the files:read scope "
            "(reinstall it from the current manifest).",
            field="file",
        )
    body = bytearray()
    async for chunk in resp.content.iter_chunked(64 * 1024):
        body += chunk
        if len(body) > limit:
            raise UploadRefused(
                f"{upload.name} is over {limit:,} bytes; import bigger files with "
                "`quizbot questions import`.",
                field="file",
            )
    return bytes(body)
