"""A true/false made false by saying another row's description of a term is false at a glance
when that description names the term's own word ("terraform init is described as '… (needs
init, …)'", review of Terraform notes, session 27): such a description is never swapped in
for the term it names (`_named_by_its_own_word`, read by both true/false makers)."""

from __future__ import annotations

from questions.generators.true_false import _named_by_its_own_word


def test_what_names_a_term_by_its_own_word() -> None:
    kin = ["helm install", "helm lint", "helm template"]
    assert _named_by_its_own_word("needs no cluster, unlike install", "helm install", kin)
    assert not _named_by_its_own_word("needs no cluster", "helm install", kin)
    assert not _named_by_its_own_word("a helm chart", "helm install", kin)  # a shared word
