// The countries (roots of the place tree) of the given places: the snapshot an analysis of each place reads.
// Any depth of PART_OF; a place in a cycle (refused at load) answers with itself.
UNWIND $places AS pid
MATCH (p:Place {id: pid})
OPTIONAL MATCH (p)-[:PART_OF*]->(root:Place)
WHERE NOT (root)-[:PART_OF]->()
WITH p, collect(root.id) AS roots
RETURN p.id AS place, coalesce(head(roots), p.id) AS country
