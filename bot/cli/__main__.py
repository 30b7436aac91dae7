"""`python -m bot.cli ...`, the same as `quizbot ...`."""

import sys

from bot.cli import main

sys.exit(main())
