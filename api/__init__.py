"""peacegraph: api."""
