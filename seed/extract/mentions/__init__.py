"""Mention finders: each returns spans in the normalised text, with what they refer to."""
