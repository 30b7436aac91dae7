"""Study habits: each player's memory of each question (FSRS, `memory.py`), the private review
session that asks what is due (`service.py`), the study-day streak (`streaks.py`) and mastery per
topic. Every answer a player gives, in a round or a review, updates their memory of that
question; reviews never touch the team's scores."""
