// Every coverage fact flattened for a 3W-style (HXL) table.
MATCH (c:Coverage)-[:BY]->(a:Actor), (c)-[:OF_TASK]->(t:Task), (c)-[:IN]->(p:Place)
OPTIONAL MATCH (p)-[:PART_OF]->(parent:Place)
OPTIONAL MATCH (c)-[:UNDER]->(m:Mandate)
RETURN a.name AS actor_name, a.id AS actor, t.group AS group, t.id AS task, t.label AS task_label,
       coalesce(parent.id, p.id) AS country, p.id AS place, c.role AS role, c.status AS status,
       c.valid_from AS valid_from, c.valid_to AS valid_to, m.id AS mandate,
       [(c)-[:CITES]->(s:Source) | s.id] AS sources
ORDER BY country, task, actor, valid_from
