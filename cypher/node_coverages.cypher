// Coverage nodes by id, with actor, task, place, mandate and the funding lines that pay for them.
UNWIND $ids AS id
MATCH (n:Coverage {id: id})
RETURN n.id AS id, properties(n) AS props, [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites,
       [(n)-[:BY]->(a:Actor) | a.id] AS actor,
       [(n)-[:BY]->(a:Mission) | a.id] AS actor_mission,
       [(n)-[:OF_TASK]->(t:Task) | t.id] AS task,
       [(n)-[:IN]->(p:Place) | p.id] AS place,
       [(n)-[:UNDER]->(m:Mandate) | m.id] AS mandate,
       [(f:FundingLine)-[:PAYS_FOR]->(n) | f.id] AS funding_lines
