// Mandates that assign tasks to the places in the scope of $place and overlap the window [$from, $to), found from the places:
// mandates that apply to a place, and mandates without places of their own that authorise a mission deployed
// there. One row per task; assignments as compact lists [mandate, valid_from, valid_to, status, place].
MATCH (root:Place {id: $place})
OPTIONAL MATCH (root)-[:PART_OF*1..4]->(up:Place)
OPTIONAL MATCH (down:Place)-[:PART_OF*1..4]->(root)
WITH root, collect(DISTINCT up) AS ups, collect(DISTINCT down) AS downs
WITH [root] + ups + downs AS scope
UNWIND scope AS p
CALL (p) {
  MATCH (p)<-[:APPLIES_TO]-(m:Mandate)
  RETURN m
  UNION
  MATCH (p)<-[:DEPLOYED_IN]-(:Mission)<-[:AUTHORIZES]-(m:Mandate)
  WHERE NOT (m)-[:APPLIES_TO]->()
  RETURN m
}
WITH p, m
WHERE (m.valid_from IS NULL OR m.valid_from < $to) AND (m.valid_to IS NULL OR m.valid_to > $from)
MATCH (m)-[:ASSIGNS]->(t:Task)
WITH t, collect(DISTINCT [m.id, toString(m.valid_from), toString(m.valid_to), m.status, p.id]) AS assignments
RETURN t.id AS task, t.label AS task_label, t.group AS task_group, assignments
