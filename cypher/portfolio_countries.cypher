// The countries with an operation in force on $on: a mission deployed in the country or one of its places (any
// depth) whose dates hold on $on and whose status is one of $statuses (graph/domain/rules.py's rule, in Cypher).
MATCH (m:Mission)-[:DEPLOYED_IN]->(p:Place)
WHERE (m.valid_from IS NULL OR m.valid_from <= $on) AND (m.valid_to IS NULL OR m.valid_to > $on)
  AND coalesce(m.status, 'actual') IN $statuses
WITH DISTINCT p
MATCH (p)-[:PART_OF*0..]->(c:Place)
WHERE NOT (c)-[:PART_OF]->()
RETURN DISTINCT c.id AS country
ORDER BY country
