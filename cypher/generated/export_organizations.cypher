// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
MATCH (n:Organization)
RETURN properties(n) AS props,
       [(n)-[:PART_OF]->(t:Organization) | t.id] AS part_of,
       [(n)-[:GOVERNS]->(t:Place) | t.id] AS country,
       [(n)-[:CONTRIBUTES_TO]->(t:Mission) | t.id] AS contributes_to,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
