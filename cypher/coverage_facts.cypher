// Coverage facts in the given places that overlap the window [$from, $to), with actor, organisations, task,
// mandate and sources. Status and the exact in-force test are applied in Python (graph/facts.py), one rule for all.
UNWIND $places AS pid
MATCH (place:Place {id: pid})<-[:IN]-(c:Coverage)
WHERE (c.valid_from IS NULL OR c.valid_from < $to) AND (c.valid_to IS NULL OR c.valid_to > $from)
  AND ($task IS NULL OR EXISTS { (c)-[:OF_TASK]->(:Task {id: $task}) })
MATCH (c)-[:BY]->(a:Actor)
MATCH (c)-[:OF_TASK]->(t:Task)
OPTIONAL MATCH (c)-[:UNDER]->(m:Mandate)
RETURN c.id AS id, c.valid_from AS valid_from, c.valid_to AS valid_to, c.status AS status,
       c.role AS role, c.modality AS modality,
       a.id AS actor, a.name AS actor_name, a.acronym AS actor_acronym,
       CASE WHEN a:Mission THEN 'mission' ELSE 'organization' END AS actor_kind,
       CASE WHEN a:Mission
         THEN [(a)-[:LED_BY]->(o:Organization) |
               coalesce(head([(o)-[:PART_OF*1..3]->(top:Organization) WHERE NOT (top)-[:PART_OF]->() | top.id]), o.id)]
         ELSE [coalesce(head([(a)-[:PART_OF*1..3]->(top:Organization) WHERE NOT (top)-[:PART_OF]->() | top.id]), a.id)]
       END AS orgs,
       t.id AS task, t.label AS task_label, t.group AS task_group,
       place.id AS place, place.name AS place_name,
       m.id AS mandate,
       [(c)-[r:CITES]->(s:Source) | {source: s.id, title: s.title, kind: s.kind, locator: r.locator, quote: r.quote}]
         AS sources
