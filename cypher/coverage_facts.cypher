// Coverage facts in the scope of $place (the place, the places above it and those inside it) that overlap the window [$from, $to), grouped by actor (one row per actor,
// its facts as compact lists: decoding few records is much cheaper than many). Organisations are the actor's
// top-level ones. Status and the exact in-force test are applied in Python (graph/facts.py), one rule for all.
// Fact list: [id, valid_from, valid_to, status, role, modality, task, task_label, task_group, place, place_name,
//             mandate, sources (only if $with_sources)]
MATCH (root:Place {id: $place})
OPTIONAL MATCH (root)-[:PART_OF*1..4]->(up:Place)
OPTIONAL MATCH (down:Place)-[:PART_OF*1..4]->(root)
WITH root, collect(DISTINCT up) AS ups, collect(DISTINCT down) AS downs
WITH [root] + ups + downs AS scope
UNWIND scope AS place
MATCH (place)<-[:IN]-(c:Coverage)
WHERE (c.valid_from IS NULL OR c.valid_from < $to) AND (c.valid_to IS NULL OR c.valid_to > $from)
MATCH (c)-[:OF_TASK]->(t:Task)
WHERE $task IS NULL OR t.id = $task
MATCH (c)-[:BY]->(a:Actor)
WITH a, collect([c.id, toString(c.valid_from), toString(c.valid_to), c.status, c.role, c.modality, t.id, t.label, t.group,
                 place.id, place.name, head([(c)-[:UNDER]->(m:Mandate) | m.id]),
                 CASE WHEN $with_sources
                   THEN [(c)-[r:CITES]->(s:Source) | [s.id, s.title, s.kind, r.locator, r.quote]]
                   ELSE [] END]) AS facts
RETURN a.id AS actor, a.name AS actor_name, a.acronym AS actor_acronym,
       CASE WHEN a:Mission THEN 'mission' ELSE 'organization' END AS actor_kind,
       CASE WHEN a:Mission
         THEN [(a)-[:LED_BY]->(o:Organization) |
               coalesce(head([(o)-[:PART_OF*1..3]->(top:Organization) WHERE NOT (top)-[:PART_OF]->() | top.id]), o.id)]
         ELSE [coalesce(head([(a)-[:PART_OF*1..3]->(top:Organization) WHERE NOT (top)-[:PART_OF]->() | top.id]), a.id)]
       END AS orgs,
       facts
