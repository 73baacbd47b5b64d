"""peacegraph: cypher."""
