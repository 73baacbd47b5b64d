// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
MATCH (n:Agreement)
RETURN properties(n) AS props,
       [(n)-[:PARTY]->(t:Actor) | t.id] AS parties,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
