"""Errors whose message is meant for the user who caused them."""


class QuizError(Exception):
    """A refusal with a short, user-facing reason (e.g. "a round is already running here")."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(QuizError):
    """The actor lacks the permission an action needs."""


class Unavailable(QuizError):
    """The database (or another dependency) is away for a moment; the user may retry."""

    def __init__(
        self, message: str = "The quiz is catching its breath, try again in a moment."
    ) -> None:
        super().__init__(message)
