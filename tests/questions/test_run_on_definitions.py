"""Two terms defined on one line ("RADIUS: UDP, encrypts only the password. TACACS+: TCP,
encrypts the whole payload"): the first term's description ran on into the second's, and a
question quoted both as RADIUS's ("Which of these is described here: “UDP, … TACACS+: TCP,
…”?"), which TACACS+ answers as well."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Security+ notes

## AAA protocols

- RADIUS: UDP, encrypts only the password. TACACS+: TCP, encrypts the whole payload
- Kerberos: tickets from a KDC, needs clocks within 5 minutes
- LDAP: directory queries, 389 plain or 636 over TLS
- SAML: XML assertions for web single sign-on between an IdP and an SP
"""


def test_a_description_stops_where_another_term_starts() -> None:
    r = generate_document("sec.md", NOTES)
    radius = [q for _, q in r.chosen if q.choices[q.answer] == "RADIUS" or "RADIUS" in q.prompt]
    for q in radius:
        assert "TACACS+" not in q.prompt and not any("TACACS+" in c for c in q.choices), q
    described = [f.value for f in r.facts if f.kind == "definition" and f.subject == "RADIUS"]
    assert described and all("TACACS" not in v for v in described)


def test_a_bracketed_remark_defines_no_term() -> None:
    notes = """# 民法

## 诉讼时效

- 普通诉讼时效：3年
- 最长保护期：20年，自权利受到损害之日起算
- 起算：自权利人知道或者应当知道权利受到损害之日起
- （注：当事人约定的时效期间无效，时效是法定的，不能约定！）
"""
    r = generate_document("law.md", notes)
    assert not any(f.subject.startswith("（") for f in r.facts if f.kind == "definition")
    assert not any("（注" in q.prompt or "（注" in "".join(q.choices) for _, q in r.chosen)
