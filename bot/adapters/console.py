"""The terminal adapter: a real round against the core and the database, no token needed.

Interactive on a terminal; with stdin piped it reads one choice number per line, so
`printf '1\\n2\\n3\\n' | quizbot run console --questions 3` plays a whole round and exits.
The terminal is its own team (`console:local`) and one player, so a question closes as soon
as that player has answered.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO

from bot.core.due import DueLoop
from bot.core.errors import QuizError
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.core.play.service import QuizEngine
from bot.core.ports import Repository
from bot.core.render import render_text
from bot.core.study.daily_service import DailyService
from bot.core.study.service import StudyService
from bot.core.study.views import ReviewCard, step_text
from bot.core.view_ids import parse_review_answer_id
from bot.core.views import QuestionCard, Reveal, RoundSummary, View
from bot.core.weeks import utcnow

CONSOLE_TEAM = TeamRef("console", "local", "Terminal")
CONSOLE_CHANNEL = ChannelRef(CONSOLE_TEAM, "terminal", "terminal")


INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


@dataclass
class ConsoleMessenger:
    """Prints views; remembers the open question and whether the round has ended. While
    `muted`, prints nothing (a round stopped on the way in or out is not this game's news)."""

    out: TextIO
    player_name: str = ""
    current: QuestionCard | None = None
    summary: RoundSummary | None = None
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    muted: bool = False
    cards: list[QuestionCard] = field(default_factory=list)  # every card shown, in order
    # A terminal cannot edit what it printed: the reveal the chat platforms edit into the
    # question and post again (a question of the day's) is printed once.
    _revealed: set[int] = field(default_factory=set)
    _count: int = 0

    async def post(self, channel: ChannelRef, view: View) -> str | None:
        self._show(view)
        self._count += 1
        return f"console:{self._count}"

    async def update(self, channel: ChannelRef, message_ref: str, view: View) -> None:
        self._show(view)

    def _show(self, view: View) -> None:
        if self.muted:
            return
        if isinstance(view, QuestionCard):
            self.current = view
            self.cards.append(view)
            self.out.write("\n" + render_text(view) + "\n")
        elif isinstance(view, Reveal):
            if view.card.round_question_id in self._revealed:
                return
            self._revealed.add(view.card.round_question_id)
            if self.current and self.current.round_question_id == view.card.round_question_id:
                self.current = None
            mine = [w for w in view.winners if w.display_name == self.player_name]
            verdict = f"✓ Correct! +{mine[0].points} points" if mine else "✗ Not this time."
            self.out.write(f"{verdict}\n{render_text(view)}\n")
        elif isinstance(view, RoundSummary):
            self.summary = view
            self.current = None
            self.out.write("\n" + render_text(view) + "\n")
        else:
            self.out.write(render_text(view) + "\n")
        self.out.flush()
        self.changed.set()


# Lines read ahead of the round: enough for any paste, bounded for endless input.
LINES_AHEAD = 64


def _reader(
    loop: asyncio.AbstractEventLoop, stream: TextIO, queue: asyncio.Queue[str | None]
) -> None:
    """Read lines in a thread (stdin has no portable async reader); None marks end of input.
    Each line waits for room in the bounded queue: endless piped input (`yes 1 |`) would
    otherwise flood the loop with callbacks and grow without bound."""
    try:
        for line in stream:
            asyncio.run_coroutine_threadsafe(queue.put(line), loop).result()
        asyncio.run_coroutine_threadsafe(queue.put(None), loop).result()
    except (RuntimeError, concurrent.futures.CancelledError):
        return  # the loop closed or was stopping: the round is over


async def play(
    repo: Repository,
    *,
    player_name: str,
    questions: int | None,
    topic: str | None = None,
    seconds: int | None,
    deck: str | None = None,
    topics: Sequence[str] = (),
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
) -> int:
    """Play one round; returns the process exit code."""
    messenger = ConsoleMessenger(out, player_name)
    engine = QuizEngine(repo, messenger, platform="console")
    due = DueLoop(engine.run_due, poll_seconds=0.5)
    engine.on_schedule = due.poke
    player = PlayerRef(CONSOLE_TEAM, player_name.casefold(), player_name, is_platform_admin=True)

    if await _stop_quietly(engine, messenger, player):
        out.write("A round left running by an earlier run (killed?) was stopped.\n")
    due_task: asyncio.Task[None] | None = None
    ticker: asyncio.Task[None] | None = None
    try:
        try:
            started = await engine.start_round(
                CONSOLE_CHANNEL,
                player,
                questions=questions,
                topic=topic,
                seconds=seconds,
                close_after_answers=1,
                deck=deck,
                topics=topics,
            )
        except QuizError as exc:
            out.write(f"error: {exc.message}\n")
            return 2
        if started.message:
            out.write(started.message + "\n")
        interactive = stdin.isatty()
        if interactive:
            out.write("Type the number of your answer and press Enter.\n")

        queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=LINES_AHEAD)
        threading.Thread(
            target=_reader, args=(asyncio.get_running_loop(), stdin, queue), daemon=True
        ).start()
        due_task = asyncio.create_task(due.run())
        ticker = asyncio.create_task(_countdown(messenger, out)) if interactive else None
        await _answer_loop(engine, messenger, player, queue, out, interactive)
    except asyncio.CancelledError:
        # Ctrl-C: asyncio.run cancels this task. Stop the round this run started, so nothing
        # is left running for the next run to find, and end with one line.
        current = asyncio.current_task()
        if current is not None:
            current.uncancel()
        await _stop_quietly(engine, messenger, player)
        out.write("\nInterrupted: the round was stopped; points already won are kept.\n")
        out.flush()
        return INTERRUPTED
    finally:
        due.stop()
        if due_task is not None:
            await due_task
        if ticker is not None:
            ticker.cancel()
    # The round's summary already ends with this week's top 5; no second board.
    return 0


async def _stop_quietly(engine: QuizEngine, messenger: ConsoleMessenger, player: PlayerRef) -> bool:
    """Stop the terminal's running round, if any, without printing its reveal and summary."""
    messenger.muted = True
    try:
        await engine.stop_round(CONSOLE_CHANNEL, player)
    except QuizError:
        return False
    finally:
        messenger.muted = False
        messenger.summary = None
        messenger.current = None
    return True


COUNTDOWN_MARKS = (10, 5, 3, 2, 1)


async def _countdown(messenger: ConsoleMessenger, out: TextIO) -> None:
    """On a terminal, call out the seconds left on the open question (10, 5, 3, 2, 1)."""
    announced: set[tuple[int, int]] = set()
    while True:
        await asyncio.sleep(0.2)
        card = messenger.current
        if card is None:
            continue
        left = (card.closes_at - utcnow()).total_seconds()
        for mark in COUNTDOWN_MARKS:
            key = (card.round_question_id, mark)
            if left <= mark and key not in announced and mark < card.seconds:
                announced.update((card.round_question_id, m) for m in COUNTDOWN_MARKS if m >= mark)
                out.write(f"⏳ {mark}s left\n")
                out.flush()
                break


async def _answer_loop(
    engine: QuizEngine,
    messenger: ConsoleMessenger,
    player: PlayerRef,
    queue: asyncio.Queue[str | None],
    out: TextIO,
    interactive: bool,
) -> None:
    """Piped input is one line per question: a line that is not a choice skips that question;
    on a terminal the player is asked again instead."""
    while messenger.summary is None:
        card = messenger.current
        if card is None:  # between questions: wait for the next card or the summary
            messenger.changed.clear()
            await messenger.changed.wait()
            continue
        line = await _next_line(queue, messenger)
        if line == "":
            continue  # the question changed under us (time ran out); show the new one
        if line is None:
            out.write("End of input: stopping the round.\n")
            with contextlib.suppress(QuizError):
                await engine.stop_round(CONSOLE_CHANNEL, player)
            break
        text = line.strip()
        if not text.isdigit() or not 1 <= int(text) <= len(card.choices):
            if interactive:
                out.write(f"Type a number from 1 to {len(card.choices)}.\n")
            else:
                out.write(f"{text!r} is not a choice from 1 to {len(card.choices)}: skipped.\n")
                await engine.close_question(card.round_question_id)
            continue
        receipt = await engine.answer(card.round_question_id, player, int(text) - 1)
        if not receipt.accepted:
            out.write(receipt.text + "\n")


async def _next_line(queue: asyncio.Queue[str | None], messenger: ConsoleMessenger) -> str | None:
    """The next input line, or "" when the shown question closed first."""
    messenger.changed.clear()
    get = asyncio.ensure_future(queue.get())
    changed = asyncio.ensure_future(messenger.changed.wait())
    done, _ = await asyncio.wait({get, changed}, return_when=asyncio.FIRST_COMPLETED)
    if get in done:
        changed.cancel()
        return get.result()
    get.cancel()
    return ""


async def play_daily(
    repo: Repository,
    *,
    player_name: str,
    now: datetime | None = None,
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
) -> int:
    """The terminal's question of the day, once: reveal the ones whose window ended, post
    (print) any that is due through the same daily service as the bots, and take one choice
    number per line for each as the player's answer. An unanswered one stays open."""
    moment = now or utcnow()
    messenger = ConsoleMessenger(out, player_name)
    engine = QuizEngine(repo, messenger, platform="console", clock=lambda: moment)
    daily = DailyService(repo, engine, lambda: moment, platform="console")
    player = PlayerRef(CONSOLE_TEAM, player_name.casefold(), player_name, is_platform_admin=True)
    await engine.run_due(moment)
    await daily.run_due(moment)
    cards = [c for c in messenger.cards if c.daily]
    if not cards:
        out.write(f"No question of the day is due for {CONSOLE_TEAM.key} now.\n")
        return 0
    queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=LINES_AHEAD)
    threading.Thread(
        target=_reader, args=(asyncio.get_running_loop(), stdin, queue), daemon=True
    ).start()
    for card in cards:
        out.write(f"Type the number of your answer (1 to {len(card.choices)}) and press Enter.\n")
        out.flush()
        line = await queue.get()
        text = (line or "").strip()
        if not (text.isdigit() and 1 <= int(text) <= len(card.choices)):
            closes = card.closes_at.strftime("%H:%M UTC")
            out.write(f"No answer taken; the question stays open until {closes}.\n")
            continue
        receipt = await engine.answer(card.round_question_id, player, int(text) - 1)
        out.write(receipt.text + "\n")
    out.flush()
    return 0


async def review(
    study: StudyService,
    player: PlayerRef,
    *,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
) -> int:
    """A private review session in the terminal, one choice number per line like a round; a
    line that is not a choice asks again on a terminal and ends the session when piped."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    step = await study.start_review(player)
    interactive = stdin.isatty()
    queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=LINES_AHEAD)
    if step.card is not None:
        threading.Thread(
            target=_reader, args=(asyncio.get_running_loop(), stdin, queue), daemon=True
        ).start()
    answered: ReviewCard | None = None  # the card the step's feedback is about
    while True:
        out.write(step_text(step, answered) + "\n")
        out.flush()
        card = step.card
        if card is None:
            return 0
        while True:
            line = await queue.get()
            if line is None:
                out.write("End of input: review stopped; answers so far are kept.\n")
                return 0
            text = line.strip()
            if text.isdigit() and 1 <= int(text) <= len(card.choices):
                break
            out.write(f"Type a number from 1 to {len(card.choices)}.\n")
            if not interactive:
                out.write("Review stopped; answers so far are kept.\n")
                return 2
        click = parse_review_answer_id(card.action_id(int(text) - 1))
        assert click is not None
        out.write("\n")
        step = await study.answer_review(player, click)
        answered = card
