"""Storage: the schema, the engine factory and the repository the core talks to. All SQL lives here."""
