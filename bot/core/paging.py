"""Pages of a list: how many there are, and the refusal of one past the end (a list shown as
empty, or as its last page, under the number asked for would hide the mistake)."""

from __future__ import annotations

from bot.core.errors import QuizError


def page_count(total: int, per_page: int) -> int:
    """Pages of `total` items, `per_page` a page; an empty list still has its one page."""
    return max(1, -(-total // per_page))


def check_page(page: int, total: int, per_page: int) -> None:
    """Refuse a page past the last: "Page 7 of 3 does not exist: the last page is 3." """
    pages = page_count(total, per_page)
    if page > pages:
        raise QuizError(
            f"Page {page} of {pages} does not exist: the last page is {pages}.", field="page"
        )
