"""Decks: named sets of questions a team plays (from notes or bank files, or the shared ones),
their rules, which decks and topics a round plays (resolution), and the service."""
