"""A number a server "listens on" is a port, asked among ports: "the controller quorum listens
on 9093" offered 4546, 6000 and 7500 (halves and round values of a quantity) beside it."""

from __future__ import annotations

from questions.generate import generate_document
from questions.values import number_role, numbers_in
from questions.vocabulary import PORTS

PROXY = """# Edge proxy notes

## Listeners

- the public listener is bound to 8443 and redirects plain HTTP to it
- the admin API listens on 9901, never expose it outside the cluster
- metrics are scraped every 15 s by the collector

## Timeouts

- idle connections are closed after 300 s
- upstream connect timeout 5 s, retried twice
"""


def test_what_a_server_listens_on_is_a_port() -> None:
    for sentence, port in (
        ("the controller quorum listens on 9093", "9093"),
        ("the public listener is bound to 8443", "8443"),
        ("管理接口监听 9901，不要暴露到集群外", "9901"),
    ):
        (n,) = [n for n in numbers_in(sentence) if n.text == port]
        assert number_role(sentence, n) == "port", sentence
    s = "metrics are scraped every 15 s"
    assert [number_role(s, n) for n in numbers_in(s)] == ["quantity"]


def test_a_listening_port_is_offered_beside_ports_only() -> None:
    chosen = generate_document("proxy.md", PROXY).chosen
    asked = [q for _, q in chosen if q.choices[q.answer] in ("8443", "9901")]
    assert asked, [q.prompt for _, q in chosen]
    for q in asked:
        key = int(q.choices[q.answer])
        wrong = [c for i, c in enumerate(q.choices) if i != q.answer]
        notes = ("8443", "9901")  # the notes' own ports
        assert all(c in PORTS or c in notes or abs(int(c) - key) <= 10 for c in wrong), q.choices


def test_a_duration_is_not_offered_as_a_power_of_two_less_one() -> None:
    """ "every 15 s" beside 7 s, 31 s and 63 s: the 2^n - 1 slips of a byte count."""
    chosen = generate_document("proxy.md", PROXY).chosen
    (q,) = [q for _, q in chosen if q.choices[q.answer] == "15 s"]
    assert not {"7 s", "31 s", "63 s"} & set(q.choices), q.choices
