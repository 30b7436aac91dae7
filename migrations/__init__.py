"""Alembic migrations, shipped inside the package so `quizbot db upgrade` works from any install."""
