// Mandates that assign tasks to the given places and overlap the window [$from, $to).
// A mandate with no places of its own applies to the places its missions are deployed in.
MATCH (m:Mandate)-[:ASSIGNS]->(t:Task)
WHERE (m.valid_from IS NULL OR m.valid_from < $to) AND (m.valid_to IS NULL OR m.valid_to > $from)
WITH m, t, [(m)-[:APPLIES_TO]->(p:Place) | p.id] AS own
WITH m, t, CASE WHEN size(own) > 0 THEN own
                ELSE [(m)-[:AUTHORIZES]->(:Mission)-[:DEPLOYED_IN]->(p:Place) | p.id] END AS places
UNWIND places AS place
WITH m, t, place WHERE place IN $places
RETURN DISTINCT m.id AS mandate, m.valid_from AS valid_from, m.valid_to AS valid_to, m.status AS status,
       t.id AS task, t.label AS task_label, t.group AS task_group, place
