# quizbot: one image for every role (discord, slack, migrate, health).
# Secrets never enter the image: they come from the environment at run time (compose: .env).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md alembic.ini ./
COPY bot ./bot
COPY questions ./questions
COPY migrations ./migrations
# A regular (non-editable) install: the package data (banks, migrations) travels with it.
RUN pip install . && rm -rf /src

RUN useradd --system --create-home --home-dir /home/quizbot --uid 10001 quizbot
USER quizbot
WORKDIR /home/quizbot

# Checks that the database answers; compose and orchestrators use it to mark a bot unhealthy.
HEALTHCHECK --interval=30s --timeout=15s --start-period=20s --retries=3 \
    CMD ["quizbot", "health"]

ENTRYPOINT ["quizbot"]
CMD ["--help"]
