"""The ids our buttons and forms carry on every platform, made and parsed in this one place.

An answer button is `quiz:a:<round_question_id>:<display_index>`: the id itself carries the
click, so any process can take it after any restart. A form is `quiz:form:<kind>[:<subject>]`.
Adapters register ANSWER_ID_PATTERN with their library (Bolt's action matcher, discord.py's
dynamic item template) and read the parts with the parse functions below.
"""

from __future__ import annotations

import re
from typing import NamedTuple

ANSWER_PREFIX = "quiz:a:"
ANSWER_ID_PATTERN = r"quiz:a:[0-9]{1,20}:[0-9]{1,2}"
FORM_PREFIX = "quiz:form:"
_ANSWER_ID = re.compile(r"quiz:a:([0-9]{1,20}):([0-9]{1,2})")


class AnswerId(NamedTuple):
    round_question_id: int
    display_index: int


class FormId(NamedTuple):
    kind: str
    subject: str  # "" when the form is about nothing in particular


def answer_id(round_question_id: int, display_index: int) -> str:
    return f"{ANSWER_PREFIX}{round_question_id}:{display_index}"


def parse_answer_id(text: str) -> AnswerId | None:
    """The parts of an answer button's id, or None when it is not one of ours."""
    match = _ANSWER_ID.fullmatch(text)
    return AnswerId(int(match[1]), int(match[2])) if match else None


def form_id(kind: str, subject: int | None = None) -> str:
    return FORM_PREFIX + kind + (f":{subject}" if subject is not None else "")


def parse_form_id(text: str) -> FormId | None:
    """The parts of a form's id, or None when it is not one of ours."""
    if not text.startswith(FORM_PREFIX):
        return None
    kind, _, subject = text[len(FORM_PREFIX) :].partition(":")
    return FormId(kind, subject)


# A review answer button: `quiz:r:<question>:<version>:<choice>:<started>:<asked>:<right>`; the
# session travels in the id (see bot.core.study.views.ReviewSession). Starting a review (Slack
# App Home's "Review now") is REVIEW_START_ID.
REVIEW_PREFIX = "quiz:r:"
REVIEW_ID_PATTERN = r"quiz:r:[0-9]{1,20}:[0-9]{1,9}:[0-9]{1,2}:[0-9]{1,15}:[0-9]{1,2}:[0-9]{1,2}"
REVIEW_START_ID = "quiz:review"
_REVIEW_ID = re.compile(
    r"quiz:r:([0-9]{1,20}):([0-9]{1,9}):([0-9]{1,2}):([0-9]{1,15}):([0-9]{1,2}):([0-9]{1,2})"
)


class ReviewAnswerId(NamedTuple):
    question_id: int
    version: int
    choice: int  # the original index of the chosen choice
    started_at: int
    asked: int
    right: int


def review_answer_id(
    question_id: int, version: int, choice: int, started_at: int, asked: int, right: int
) -> str:
    return f"{REVIEW_PREFIX}{question_id}:{version}:{choice}:{started_at}:{asked}:{right}"


def parse_review_answer_id(text: str) -> ReviewAnswerId | None:
    """The parts of a review answer button's id, or None when it is not one."""
    match = _REVIEW_ID.fullmatch(text)
    return ReviewAnswerId(*(int(g) for g in match.groups())) if match else None
