// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
MATCH (n:Mandate)
RETURN properties(n) AS props,
       [(n)-[:ISSUED_BY]->(t:Organization) | t.id] AS issued_by,
       [(n)-[:RENEWS]->(t:Mandate) | t.id] AS renews,
       [(n)-[:AUTHORIZES]->(t:Mission) | t.id] AS authorizes,
       [(n)-[:SUPPORTS]->(t:Actor) | t.id] AS supports,
       [(n)-[:ASSIGNS]->(t:Task) | t.id] AS tasks,
       [(n)-[:APPLIES_TO]->(t:Place) | t.id] AS places,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
