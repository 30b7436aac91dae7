"""When one question gives another's answer away: a round shows each question's prompt and, once it
closes, its explanation; a question whose right answer another one says there (two questions of
one table row, a term asked by its meaning and then named in a cloze) is no question in that round."""

from __future__ import annotations

import re

from bot.core.models import QuestionRec


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def telling_answer(q: QuestionRec) -> str | None:
    """The right answer's text when seeing it elsewhere would tell it: not True/False, not a letter
    standing for an option in the prompt, not a lone character or digit that any text holds."""
    if q.kind == "truefalse" or not 0 <= q.answer < len(q.choices):
        return None
    answer = _folded(q.choices[q.answer])
    if len(answer) < 2:
        return None
    return answer


def said_in(answer: str, text: str) -> bool:
    """Whether the answer stands in the text as a whole: "30 seconds" is in "is 30 seconds.", "2000"
    is not in "20000", "IAM" is not in "IAMs"; Chinese text has no word boundary to hold."""
    return re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", _folded(text)) is not None or (
        not answer.isascii() and answer in _folded(text)
    )


def gives_away(shown: QuestionRec, other: QuestionRec) -> bool:
    """Whether `shown`'s prompt or explanation says `other`'s right answer."""
    answer = telling_answer(other)
    return answer is not None and said_in(answer, f"{shown.prompt}\n{shown.explanation}")


def reveal_each_other(a: QuestionRec, b: QuestionRec) -> bool:
    """Either order: a round may ask them either way round."""
    return gives_away(a, b) or gives_away(b, a)
