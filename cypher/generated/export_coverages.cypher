// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
MATCH (n:Coverage)
RETURN properties(n) AS props,
       [(n)-[:BY]->(t:Actor) | t.id] AS actor,
       [(n)-[:OF_TASK]->(t:Task) | t.id] AS task,
       [(n)-[:IN]->(t:Place) | t.id] AS place,
       [(n)-[:UNDER]->(t:Mandate) | t.id] AS mandate,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
