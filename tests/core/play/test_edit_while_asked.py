"""An admin edits a question while a round is asking it (the issue's repro: 5 choices cut to 2
while the question is open). The round asks its own copy, so clicks, the close, the reveal and
the summary all work on what players saw; the edit applies from the next round on."""

from __future__ import annotations

import random

from bot.core.curation.drafts import QuestionDraft
from bot.core.curation.service import AdminService
from bot.core.play.service import QuizEngine
from bot.core.views import QuestionCard, Reveal, RoundSummary
from bot.workers import shared_pool
from tests.helpers import CHANNEL, FixedClock, RecordingMessenger, player

BOSS = player("boss", admin=True)
FIVE = ("Standard", "FIFO", "Delay queue", "Dead-letter queue", "Priority queue")


async def test_cutting_five_choices_to_two_while_open_keeps_the_round_whole(repo):
    clock = FixedClock()
    messenger = RecordingMessenger()
    engine = QuizEngine(repo, messenger, platform="discord", clock=clock, rng=random.Random(1))
    admin = AdminService(repo, clock, worker=shared_pool())
    rec = await admin.add_question(
        BOSS, QuestionDraft("Which queue type keeps order?", FIVE, 1, topic="Queues")
    )
    await engine.start_round(CHANNEL, player("ann"), questions=1, topic="Queues", seconds=30)
    [card] = messenger.of(QuestionCard)
    assert card.choices != FIVE and sorted(card.choices) == sorted(FIVE)

    await admin.edit_question(BOSS, rec.id, choices=("Standard", "FIFO"), answer=1)

    right = card.choices.index("FIFO")
    last = len(card.choices) - 1 if right != len(card.choices) - 1 else 0  # a choice now gone
    ann = await engine.answer(card.round_question_id, player("ann"), right)
    bob = await engine.answer(card.round_question_id, player("bob"), last)
    assert ann.accepted and ann.text.startswith("Locked in: FIFO.")
    assert bob.accepted and bob.text.startswith(f"Locked in: {card.choices[last]}.")

    clock.advance(31)
    assert await engine.run_due() == 1
    [reveal] = [v for _, _, v in messenger.updates if isinstance(v, Reveal)]
    assert reveal.card.choices == card.choices and reveal.card.prompt == card.prompt
    assert reveal.correct_index == right
    assert reveal.picks[right] == 1 and reveal.picks[last] == 1 and reveal.answered == 2
    assert [w.display_name for w in reveal.winners] == ["ann"]
    [summary] = messenger.of(RoundSummary)
    assert summary.status == "finished" and summary.questions_asked == 1

    await engine.start_round(CHANNEL, player("ann"), questions=1, topic="Queues")
    assert sorted(messenger.of(QuestionCard)[-1].choices) == ["FIFO", "Standard"]


async def test_an_edit_before_a_pending_question_opens_does_not_reach_it(repo):
    clock = FixedClock()
    messenger = RecordingMessenger()
    engine = QuizEngine(repo, messenger, platform="discord", clock=clock, rng=random.Random(2))
    admin = AdminService(repo, clock, worker=shared_pool())
    first = await admin.add_question(BOSS, QuestionDraft("First?", FIVE, 0, topic="Queues"))
    second = await admin.add_question(BOSS, QuestionDraft("Second?", FIVE, 2, topic="Queues"))
    await engine.start_round(CHANNEL, player("ann"), questions=2, topic="Queues", seconds=30)
    opened = messenger.of(QuestionCard)[0].prompt
    pending = second if opened == first.prompt else first

    await admin.edit_question(
        BOSS, pending.id, prompt="Edited?", choices=("Standard", "FIFO"), answer=0
    )
    clock.advance(31)
    await engine.run_due()

    nxt = messenger.of(QuestionCard)[-1]
    assert nxt.prompt == pending.prompt and sorted(nxt.choices) == sorted(FIVE)
    receipt = await engine.answer(nxt.round_question_id, player("bob"), 4)
    assert receipt.accepted
    clock.advance(31)
    await engine.run_due()
    assert messenger.of(RoundSummary)[0].questions_asked == 2
