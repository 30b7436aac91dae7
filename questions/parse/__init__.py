"""Markdown notes -> a document of classified blocks (content or noise) with heading paths."""

from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document, Inline, Noise, Section, TableData

__all__ = ["Block", "Document", "Inline", "Noise", "Section", "TableData", "parse_document"]
