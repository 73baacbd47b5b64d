// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
MATCH (n:Mission)
RETURN properties(n) AS props,
       [(n)-[:LED_BY]->(t:Organization) | t.id] AS led_by,
       [(n)-[:DEPLOYED_IN]->(t:Place) | t.id] AS deployed_in,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
