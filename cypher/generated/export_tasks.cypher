// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
MATCH (n:Task)
RETURN properties(n) AS props,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
