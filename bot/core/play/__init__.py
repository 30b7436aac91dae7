"""Playing a round: rules (scoring, selection, limits), the answer path and the engine."""
