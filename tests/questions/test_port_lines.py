"""A list of names and their ports ("**kube-apiserver** — `6443`" under "Control plane ports",
unseen review of session 37): too few words for a cloze, so none was asked. The port a name
uses is asked as such, the list's other ports its options."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Kubernetes

## Control plane ports

- **kube-apiserver** — `6443`
- **etcd** — `2379` client, `2380` peer
- **kube-scheduler** — `10259`
- **kube-controller-manager** — `10257`
- **kubelet** — `10250` (API)
"""


def test_the_port_of_a_name_is_asked() -> None:
    result = generate_document("k8s.md", NOTES)
    asked = {q.prompt: q for _, q in result.chosen}
    q = asked.get("Which port does kube-scheduler use?")
    assert q is not None, list(asked)
    assert q.choices[q.answer] == "10259"
    assert {"6443", "10257", "10250"} & (set(q.choices) - {"10259"})


def test_a_line_saying_more_than_one_port_is_not_asked_so() -> None:
    result = generate_document("k8s.md", NOTES)
    assert not [q for _, q in result.chosen if q.prompt == "Which port does etcd use?"]


def test_a_name_that_says_port_is_asked_as_the_port() -> None:
    text = "# Redis\n\n## Ports\n\n- Redis port: 6379\n- Redis TLS port: 6380\n- Sentinel port: 26379\n"
    asked = [q.prompt for _, q in generate_document("redis.md", text).chosen]
    assert "What is the Redis TLS port?" in asked, asked
    assert not [p for p in asked if "port use?" in p], asked
