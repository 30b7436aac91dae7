"""Curating questions: admin rules, imports and exports, drafts, statistics views."""
