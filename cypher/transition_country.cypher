// The country (root of the place tree) of a recorded transition's places.
MATCH (t:Transition {id: $id})-[:IN]->(p:Place)
OPTIONAL MATCH (p)-[:PART_OF*]->(root:Place)
WHERE NOT (root)-[:PART_OF]->()
WITH t, p, collect(root.id) AS roots
RETURN t.id AS id, coalesce(head(roots), p.id) AS country
ORDER BY country
LIMIT 1
