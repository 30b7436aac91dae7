"""A column of limits in several units gives each row its own kind: "What is the limit of
GITHUB_TOKEN?" offered "10 GB per repo" and "3 levels max" beside "expires … (max 24h)"
(review of GitHub Actions notes, session 27). A value is offered beside values of what its
first number measures only. The notes are written for this test (GitLab CI)."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.tables import _first_unit

GITLAB = """# GitLab CI

## Limits

| Thing | Limit |
|---|---|
| job timeout | 60 min default |
| pipeline schedule | every 5 min at most |
| artifacts expiry | 30 days default |
| artifact size | 100 MB per job |
| CI/CD variables | 8000 per project |
| include depth | 100 levels of nesting |
| job token | valid until the job ends (max 24 h) |
"""


def test_what_a_cells_first_number_measures() -> None:
    assert _first_unit("expires when job finishes (max 24h)") == "duration"
    assert _first_unit("10 GB per repo (default)") == "size"
    assert _first_unit("3 levels max") == "count:level"
    assert _first_unit("no limit") == ""


def test_a_limit_is_offered_beside_limits_of_its_kind() -> None:
    r = generate_document("g.md", GITLAB)
    forward = [c for c in r.candidates if c.style == "forward"]
    assert forward, [c.prompt for c in r.candidates]
    for c in forward:
        kinds = {_first_unit(o) for o in c.options}
        assert len(kinds) == 1, (c.prompt, c.options)
