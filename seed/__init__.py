"""peacegraph: seed."""
