"""`quizbot review` in the terminal, the issue's Done-when: after a console round with wrong
answers, a review asks exactly the missed questions; answered right, the next review says
nothing is due today and when the next one is. In-process on a real database; the player
answers by reading the screen, as a person would."""

from __future__ import annotations

import asyncio
import io
import re
import threading
from collections.abc import Iterator

from sqlalchemy import select

from bot.adapters.console import CONSOLE_TEAM, play, review
from bot.cli import main
from bot.core.models import PlayerRef
from bot.core.study.service import StudyService
from bot.db.tables import Answer, Player, Question, RoundQuestion
from tests.helpers import load_questions, sample_questions

ANA = PlayerRef(CONSOLE_TEAM, "ana", "ana")


class Screen(io.StringIO):
    """The terminal's output; a reader can wait for what it expects to appear."""

    def __init__(self) -> None:
        super().__init__()
        self.changed = threading.Condition()

    def write(self, s: str) -> int:
        with self.changed:
            n = super().write(s)
            self.changed.notify_all()
        return n

    def wait_for(self, pattern: str) -> None:
        with self.changed:
            self.changed.wait_for(lambda: re.search(pattern, self.getvalue()), timeout=10)


class Answers:
    """A piped stdin that reads the screen and answers each card right or wrong as `plan`
    says (right once the plan runs out), by the sample bank's "right ..." choices."""

    def __init__(self, screen: Screen, header: str, plan: tuple[bool, ...] = ()) -> None:
        self.screen, self.header, self.plan = screen, header, plan

    def isatty(self) -> bool:
        return False

    def __iter__(self) -> Iterator[str]:
        n = 1
        while True:
            mark = self.header.format(n=n)
            self.screen.wait_for(rf"{re.escape(mark)}|Review done|Nothing is due|Round over")
            text = self.screen.getvalue()
            if mark not in text:
                return
            card = text[text.rindex(mark) :]
            want = "right" if n > len(self.plan) or self.plan[n - 1] else "wrong"
            yield re.search(rf"^  (\d)\. {want}", card, re.M)[1] + "\n"
            n += 1


async def missed_prompts(repo) -> set[str]:
    async with repo.unit() as u:
        rows = await u.session.execute(
            select(Question.prompt)
            .join(RoundQuestion, RoundQuestion.question_id == Question.id)
            .join(Answer, Answer.round_question_id == RoundQuestion.id)
            .join(Player, Player.id == Answer.player_id)
            .where(Player.display_name == "ana", Answer.correct.is_(False))
        )
        return {r[0] for r in rows}


async def test_review_asks_the_missed_questions_then_says_nothing_is_due(
    cli_env, fresh_repo, monkeypatch, capsys
):
    await load_questions(fresh_repo, sample_questions(6))
    screen = Screen()
    answers = Answers(screen, "Question {n}/3", plan=(False, True, False))
    code = await play(
        fresh_repo, player_name="ana", questions=3, seconds=60, stdin=answers, out=screen
    )
    assert code == 0, screen.getvalue()
    missed = await missed_prompts(fresh_repo)
    assert len(missed) == 2

    screen = Screen()
    answers = Answers(screen, "Review {n}/10")
    assert await review(StudyService(fresh_repo), ANA, stdin=answers, out=screen) == 0
    shown = screen.getvalue()
    asked = set(re.findall(r"^Review \d+/10 · .*\n(.*)$", shown, re.M))
    assert asked == missed
    assert "Review done: 2/2 right." in shown
    # each verdict names the right choice as its card numbered it, as a round's reveal does
    for after_card in re.split(r"^Review \d+/10 · ", shown, flags=re.M)[1:]:
        choices = dict(re.findall(r"^  (\d)\. (.*)$", after_card, re.M))
        verdict = re.search(r"^✓ Right: (\d)\. (.*)$", after_card, re.M)
        assert verdict and choices[verdict[1]] == verdict[2], after_card

    # The command itself, as a user types it: nothing due today, and when the next is.
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    # main() runs its own event loop: in a thread, away from the test's loop.
    assert await asyncio.to_thread(main, ["review", "--player", "ana"]) == 0
    said = capsys.readouterr().out
    assert "Nothing is due for review today. Next review: " in said
    assert re.search(r"Next review: \w{3} \d\d \w{3} \d{4}\.", said)


def test_review_of_an_unknown_player_on_another_team_is_refused(cli_env, capsys):
    assert main(["review", "--player", "nobody", "--team", "slack:T1"]) == 2
    err = capsys.readouterr().err
    assert "error: --player: no single player 'nobody' in slack:T1" in err


def test_daily_set_show_off_and_bad_input(cli_env, capsys):
    team = ["--team", "console:local"]
    assert main(["daily", "set", *team, "--channel", "terminal", "--time", "7:45"]) == 0
    assert "Question of the day in terminal: 07:45 (UTC), open 8 h." in capsys.readouterr().out
    assert (
        main(["daily", "set", *team, "--channel", "terminal", "--time", "7", "--window", "0"]) == 2
    )
    assert "window must be 1 to 23 hours" in capsys.readouterr().err
    assert main(["daily", "show", *team]) == 0
    assert "07:45 (UTC)" in capsys.readouterr().out  # the bad set changed nothing
    assert main(["daily", "off", *team, "--channel", "terminal"]) == 0
    assert capsys.readouterr().out == "Stopped the question of the day in terminal.\n"
    assert main(["daily", "off", *team, "--channel", "terminal"]) == 0
    assert capsys.readouterr().out == (
        "There is no question of the day in terminal; nothing changed.\n"
    )
    assert main(["daily", "show", *team]) == 0
    assert capsys.readouterr().out.endswith("No question of the day is set.\n")
