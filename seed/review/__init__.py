"""The review workflow: the review file beside an extracted bundle, and `peacegraph seed review`."""
