"""What a question's explanation says: its own part of the notes line, where the whole line
would answer another question of the bank.

An explanation is shown when a question closes, before the round's next question. A line
that holds several facts ("joins: Nested Loop (small outer side), Hash Join (equality joins,
needs work_mem), …", "autovacuum_naptime = 1 min, at most 3 workers by default") quoted
whole tells the players the answers of its siblings' questions. Such an explanation is cut to
the sentence, then the clause or list member, that holds its own question's answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from questions.bank import BankQuestion
from questions.text import clauses_of, folded, split_sentences

#: a quoted part of a stem: what the question identifies its fact by
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
#: a cloze stem's template before its sentence
_CLOZE_LEAD = re.compile(r"^(Fill in the blank:\s*|填空：)")
#: how many characters of a cloze's sentence either side of the blank must stand around the
#: key in another explanation for it to give the blank away
_AROUND = 12
#: how near the key a question's subject must stand in a text that states its value
_NEAR = 40
#: where a clause ends, for the words beside a blank
_CLAUSE_BREAK = re.compile(r"[,，;；。]|\.(?:\s|$)")
#: a clause that leans on the one before it
_LEANS = re.compile(
    r"^(which|and|or|but|so|then|also|that|it|this|thus|hence|所以|但是?|而且|并且)\b", re.I
)
#: a sentence's opening clause that sets where or when the rest holds
_SETTING = re.compile(
    r"^(in|on|at|for|with|within|when|if|after|before|by|since|during|once|在|如果|当|对于)\b", re.I
)
#: a lead-in naming what a line lists ("joins: …", "storage strategies: …"), kept before a cut
_LEAD = re.compile(r"^([^:：()（）]{2,40}[:：])\s*")


def _holds(text: str, needs: Sequence[str]) -> bool:
    f = folded(text)
    return all(folded(n) in f for n in needs)


def _tidy(text: str) -> str:
    return text.strip().rstrip(",，;；、/").strip()


def own_part(
    text: str,
    needs: Sequence[str],
    clauses: bool = True,
    fine: Callable[[str], bool] = lambda _: True,
) -> str | None:
    """The part of `text` that holds every one of `needs`: the shortest run of sentences that
    does; where that is one sentence that is not `fine` (it tells another question's answer)
    and `clauses` allows, the shortest run of its clauses, with the clause before when the cut
    leans on it ("so …") or the sentence opens by saying where it holds ("In …, ") and the
    two stay fine, and the line's lead-in before a member cut from its list. None when only
    the whole text will do."""
    needs = [n for n in needs if n and _holds(text, [n])]  # a blank's words as the text has them
    if not needs:
        return None
    sentences = list(split_sentences(text))
    run = _shortest(sentences, needs, " ")
    if run is None:
        return None
    if run[1] - run[0] == 1 and clauses and not fine(sentences[run[0]]):
        parts = clauses_of(sentences[run[0]])
        cut = _shortest(parts, needs) if len(parts) > 1 else None
        if (
            cut is not None
            and cut[0] > 0
            and _LEANS.match(parts[cut[0]].strip())
            and fine("".join(parts[cut[0] - 1 : cut[1]]))
        ):
            cut = (cut[0] - 1, cut[1])
        if cut is not None:
            i, j = cut
            if i == 1 and _SETTING.match(parts[0].strip()) and fine("".join(parts[:j])):
                i = 0  # "In Amazon API Gateway, …": where the rest holds
            if j - i < len(parts):
                part = _tidy("".join(parts[i:j]))
                lead = _LEAD.match(parts[0].strip())
                if lead and i > 0:
                    part = f"{lead.group(1)} … {part}"
                return part
    i, j = run
    return " ".join(sentences[i:j]) if j - i < len(sentences) else None


def _shortest(parts: list[str], needs: Sequence[str], joiner: str = "") -> tuple[int, int] | None:
    """The shortest run of parts [i, j) whose text holds every need, the first of its length."""
    best: tuple[int, int] | None = None
    for i in range(len(parts)):
        for j in range(i + 1, len(parts) + 1):
            if best is not None and j - i >= best[1] - best[0]:
                break
            if _holds(joiner.join(parts[i:j]), needs):
                best = (i, j)
                break
    return best


def identity(q: BankQuestion, subject: str, query: str = "") -> tuple[list[str], bool]:
    """What a question's own explanation must keep: its key (a choice question's) and what
    the stem identifies its fact by (the blank's words beside the key, a quoted description,
    the description it asks by, `query`, the subject it names); and whether that is more than
    the key, so that a clause holding it is the question's own (a key alone may stand in
    another clause of its sentence)."""
    prompt = _CLOZE_LEAD.sub("", q.prompt)
    needs: list[str] = []
    if q.kind == "choice" and "___" in prompt:
        left, _, right = prompt.partition("___")
        before = _CLAUSE_BREAK.split(left[-_AROUND:])[-1].lstrip()
        after = _CLAUSE_BREAK.split(right[:_AROUND])[0].rstrip()
        beside = [before + q.answer_text, q.answer_text + after]
        needs = [b for b in beside if b.strip() != q.answer_text.strip()]
        return needs or [q.answer_text], bool(needs)
    needs = _QUOTED.findall(prompt)
    if not needs and query and folded(query) in folded(prompt):
        needs.append(query)  # "which of these reads the previous row?"
    if subject and folded(subject) in folded(prompt) and folded(subject) != folded(q.answer_text):
        needs.append(subject)
    strong = bool(needs)
    if q.kind == "choice":
        needs.append(q.answer_text)
    return needs, strong


def answers(explanation: str, q: BankQuestion, subject: str, query: str = "") -> bool:
    """Whether the explanation tells a choice question's answer: it states the key with what
    the stem identifies the fact by (the blank's sentence around the key, the quoted
    description, the description the stem asks by, `query`, or the subject the stem names
    near the key)."""
    if q.kind != "choice":
        return False
    text = folded(explanation)
    key = folded(q.answer_text)
    if not key or key not in text:
        return False
    prompt = _CLOZE_LEAD.sub("", q.prompt)
    if "___" in prompt:
        left, _, right = prompt.partition("___")
        if folded(left[-_AROUND:] + q.answer_text + right[:_AROUND]) in text:
            return True
        # one side of the blank with the key is enough when it says more than a word or two
        # (the stem may put the line's subject before a clause that does not name it:
        # "TLS 1.3：___ 的数据可能被重放" from "… 但是 0-RTT 的数据可能被重放")
        beside, _ = identity(q, subject)
        return any(len(folded(b)) >= len(key) + _AROUND // 2 and folded(b) in text for b in beside)
    quoted = _QUOTED.findall(prompt)
    if quoted:
        return all(folded(x) in text for x in quoted)
    if query and folded(query) in text:
        return True  # "Which of these simplifies …?" under a paragraph that says it of AppSync
    s = folded(subject)
    if not s or s not in folded(prompt):
        return False
    at = text.find(s)
    while at >= 0:
        near = text[max(0, at - _NEAR) : at + len(s) + _NEAR]
        if key in near:
            return True
        at = text.find(s, at + 1)
    return False
