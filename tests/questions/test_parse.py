"""The Markdown parser: real CommonMark structure, context for every block, noise classified."""

from questions.parse import parse_document
from questions.tables import analyse, is_matrix_column

NOTES = """# Study notes

an intro line before any section

## Table of contents
- [Pods](#pods)
- [Services](#services)

## Pods

- **Pod** = smallest unit
  - shares one `localhost`
- `restartPolicy`: Always (default), OnFailure, Never

three kinds:
- **liveness** – restarts the container

```bash
# not a heading
kubectl get pods   # lists pods
```

| # | Type | notes |
|---|---|---|
| 1 | ClusterIP | default type |
| 2 | NodePort | via `<NodeIP>:<nodePort>` |

B-tree supports =, <, <=, > and >= comparisons.

## Resources
- https://kubernetes.io/docs/

TODO: helm

![diagram](img/a.png)

Licensed CC BY-SA 4.0.
"""


def doc():
    return parse_document(NOTES, "n.md")


def test_title_and_headings_not_in_code() -> None:
    d = doc()
    assert d.title == "Study notes"
    assert [s.key for s in d.sections if s.level] == ["(no heading)", "Table of contents", "Pods",
                                                      "Resources"]  # fmt: skip
    assert all("not a heading" not in s.heading for s in d.sections)


def test_nested_items_keep_their_parent_and_lists_their_lead() -> None:
    d = doc()
    nested = next(b for b in d.blocks if b.text.startswith("shares one"))
    assert nested.parent is not None and nested.parent.text.startswith("Pod = smallest unit")
    assert nested.depth == 2
    liveness = next(b for b in d.blocks if b.text.startswith("liveness"))
    assert liveness.lead is not None and liveness.lead.text == "three kinds:"


def test_text_kept_intact() -> None:
    d = doc()
    texts = " ".join(b.text for b in d.blocks) + " ".join(
        c for b in d.blocks if b.table for row in b.table.rows for c in row
    )
    assert "<NodeIP>:<nodePort>" in texts
    assert "=, <, <=, > and >=" in texts
    assert "localhost" in texts


def test_noise_is_classified() -> None:
    d = doc()
    reasons = {n.reason for n in d.noise}
    assert {"intro", "table of contents", "link list", "TODO", "image", "licence"} <= reasons
    content = " ".join(b.text for b in d.content)
    assert "helm" not in content and "Licensed" not in content and "#pods" not in content


def test_code_is_content_read_only_for_its_commands() -> None:
    """A fence is not noise (its commented commands are asked), but its text is no statement."""
    from questions.facts.extract import extract

    d = doc()
    code = [b for b in d.content if b.kind == "code"]
    assert len(code) == 1 and code[0].text == "" and "kubectl get pods" in code[0].code
    assert all("not a heading" not in f.sentence for f in extract(d))


def test_index_column_dropped_and_key_found() -> None:
    d = doc()
    data = next(b.table for b in d.blocks if b.table is not None)
    t = analyse(data)
    assert t is not None
    assert t.key_header == "Type" and t.keys == ("ClusterIP", "NodePort")
    assert "#" not in t.headers


def test_comparison_table_is_transposed() -> None:
    text = "## X\n\n|  | ConfigMap | Secret |\n|---|---|---|\n| stored as | plain | base64 |\n| limit | 1 MiB | 1 MiB |\n"
    data = next(b.table for b in parse_document(text, "x").blocks if b.table is not None)
    t = analyse(data)
    assert t is not None and t.transposed and t.keys == ("ConfigMap", "Secret")
    assert t.headers == ("stored as", "limit")


def test_matrix_column() -> None:
    assert is_matrix_column(["✅", "✅", "❌", "❌"])
    assert not is_matrix_column(["ClusterIP", "NodePort", "LoadBalancer"])


def test_crlf_and_nul_never_raise() -> None:
    d = parse_document("## A\r\n- one\x00\r\n- two\r\n", "x")
    assert [b.text for b in d.blocks] == ["one", "two"]
    assert parse_document("|||\n|-|\n# \n**\n`\n- \n1.\n![x](y)\nhttp://a\n\\-\n", "g").file == "g"


def test_a_line_cut_mid_sentence_is_noise_but_a_stranded_preposition_is_not() -> None:
    d = parse_document(
        "# InnoDB\n\n## Buffers\n\n"
        "- `innodb_sort_buffer_size` (1MB) is what each index build sorts in\n"
        "- the redo log buffer is flushed to disk every second and\n"
        "- `innodb_log_buffer_size` (16MB) holds the redo that a commit waits for\n"
        "- the change buffer caches secondary index changes for\n",
        "innodb.md",
    )
    cut = {n.text for n in d.noise if n.reason == "truncated"}
    assert cut == {
        "the redo log buffer is flushed to disk every second and",
        "the change buffer caches secondary index changes for",
    }
    content = " ".join(b.text for b in d.content)
    assert "sorts in" in content and "a commit waits for" in content
