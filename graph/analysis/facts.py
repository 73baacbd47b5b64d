"""The in-force and status rules, re-exported for code that still imports them from here (the node layer until it
moves to graph/domain/rules.py, their one home)."""

from peacegraph.graph.domain.rules import counts, in_force

__all__ = ["counts", "in_force"]
