// Candidate ids for "did you mean" on kinds the full-text index does not hold (the closest are picked in Python):
// every transition, or the coverage facts whose id starts with $prefix (index-backed). Error path only.
CALL (*) {
  WITH * WHERE $kind = 'transition'
  MATCH (t:Transition)
  RETURN t.id AS id
  UNION
  WITH * WHERE $kind = 'coverage'
  MATCH (c:Coverage)
  WHERE c.id STARTS WITH $prefix
  RETURN c.id AS id
}
RETURN id LIMIT $limit
