"""Kubernetes objects a note defines are asked among objects of their kind: a Job among the
workload resources, a LimitRange among the policy objects, never beside a term of another kind
(`vocabulary.NAMED_IN_CONTEXT`). Those names are common words elsewhere ("Deployment" in
CodeDeploy, "Job" in Nomad), so the kinds hold only in notes that write two of their names,
one of them a name no other field writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.bank import BankQuestion
from questions.facts.known import known_facts
from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.vocabulary import kind_in, kind_of

NOTES = Path(__file__).parent / "notes"


def chosen(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("t.md", text).chosen]


def keyed(questions: list[BankQuestion], answer: str) -> list[BankQuestion]:
    return [q for q in questions if q.choices[q.answer].strip("`") == answer]


WORKLOADS = """# Cluster workloads, my notes

## Batch work

A **Job** runs pods until a set number of them finish successfully, then stops.

## One pod per node

A **DaemonSet** keeps one copy of a pod on every node, for log collectors and node agents.

## Namespace limits

- `LimitRange` sets the default and maximum requests of each container in a namespace
- `ResourceQuota` caps the total CPU and memory all pods of a namespace may request

## Storage

A **PersistentVolumeClaim** asks the cluster for storage of a given size and access mode.
"""


def test_a_defined_workload_is_asked_among_workload_resources_only() -> None:
    (q,) = keyed(chosen(WORKLOADS), "Job")
    assert q.prompt.startswith("Which workload resource"), q.prompt
    assert len(q.choices) == 4, q.choices
    assert {kind_of(c.strip("`")) for c in q.choices} == {"workload resource"}, q.choices


@pytest.mark.parametrize("key", ["LimitRange", "ResourceQuota"])
def test_a_namespace_limit_is_asked_among_policy_objects_only(key: str) -> None:
    (q,) = keyed(chosen(WORKLOADS), key)
    assert len(q.choices) == 4, q.choices
    assert {kind_of(c.strip("`")) for c in q.choices} == {"policy object"}, q.choices


def test_a_kubernetes_object_of_a_known_kind_meets_its_kind_only_in_the_ckad_notes() -> None:
    # the ResourceQuota question shares its options with the LimitRange one; varying it must
    # not bring in ReplicaSet, which other questions offer beside policy objects
    questions = chosen((NOTES / "kubernetes-ckad.md").read_text(encoding="utf-8"))
    asked = 0
    for q in questions:
        kind = kind_of(q.choices[q.answer].strip("`"))
        if kind in ("workload resource", "policy object"):
            asked += 1
            assert {kind_of(c.strip("`")) for c in q.choices} == {kind}, (q.prompt, q.choices)
    assert asked >= 3


CODEDEPLOY = """# CodeDeploy notes

## Terms

- **Deployment**: the process of pushing a revision to the instances of a deployment group
- **Revision**: the application files and the appspec file, stored in S3 or GitHub
- **Deployment group**: the set of instances a deployment targets, picked by tags
"""

NOMAD = """# Nomad notes

## Objects

- **Job**: the specification of what to run, written in HCL
- **Deployment**: a rolling update of a job's task groups
- **Allocation**: a task group placed on one client node
"""


@pytest.mark.parametrize("notes", [CODEDEPLOY, NOMAD], ids=["codedeploy", "nomad"])
def test_notes_of_another_field_are_offered_no_kubernetes_objects(notes: str) -> None:
    k8s = {"workload resource", "policy object"}
    for q in chosen(notes):
        assert not {kind_of(c.strip("`")) for c in q.choices if c not in notes} & k8s, q.choices


@pytest.mark.parametrize(
    ("answer", "named", "kind"),
    [
        ("Job", {"cronjob"}, "workload resource"),
        ("LimitRange", {"resourcequota"}, "policy object"),
        ("Job", {"deployment"}, None),  # two common words: Nomad's, not Kubernetes'
        ("Job", set(), None),
        ("StatefulSet", set(), None),  # one name alone is no sign of the field
        ("global tables", set(), "DynamoDB feature"),  # other kinds need no context
    ],
)
def test_a_kubernetes_kind_holds_where_the_notes_write_two_of_its_names(
    answer: str, named: set[str], kind: str | None
) -> None:
    assert kind_in(answer, named) == kind


def test_a_kubernetes_object_named_in_passing_is_no_cloze() -> None:
    doc = parse_document(
        "# Ops\n\n## Upgrades\n\nScale the Deployment to three replicas and pause the CronJob "
        "before an upgrade.\n",
        "t.md",
    )
    assert known_facts(doc.content, set()) == []
