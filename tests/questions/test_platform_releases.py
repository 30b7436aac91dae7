"""A number after a platform's name is its release (review of container-security notes,
session 27): "since Docker 20.10 the daemon …" was a quantity, offered beside 20.00, 20.20
and 40.20; "Prometheus 2 replicas" still counts replicas. So is an x.y "up to" which a
default held, and one said by what it switched (Python notes: 3.03 and 3.08 beside 3.13)."""

from __future__ import annotations

import pytest

from questions.values import number_role, numbers_in


@pytest.mark.parametrize(
    ("sentence", "number", "role"),
    [
        ("since Docker 20.10 the daemon sets the sysctl inside the netns", "20.10", "version"),
        ("Ubuntu 22.04 ships cgroup v2 by default", "22.04", "version"),
        ("Helm 3 dropped Tiller entirely", "3", "version"),
        ("run Prometheus 2 replicas that scrape the same targets", "2", "quantity"),
        # the last release of a span, and one said by what it switched (Python notes review)
        ("fork is the default on Linux (up to 3.13; 3.14 switched it)", "3.13", "version"),
        ("fork is the default on Linux (up to 3.13; 3.14 switched it)", "3.14", "version"),
        ("the cache holds up to 2.5 of them, then evicts", "2.5", "quantity"),
        ("Docker keeps 3 log files of 10 MB each", "3", "quantity"),
    ],
)
def test_a_number_after_a_platform_is_its_release(sentence: str, number: str, role: str) -> None:
    n = next(n for n in numbers_in(sentence) if n.text == number)
    assert number_role(sentence, n) == role
