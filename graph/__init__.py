"""peacegraph: graph."""
