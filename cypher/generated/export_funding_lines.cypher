// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
MATCH (n:FundingLine)
RETURN properties(n) AS props,
       [(n)-[:FUNDED_BY]->(t:Organization) | t.id] AS funders,
       [(n)-[:FUNDS]->(t:Actor) | t.id] AS recipient,
       [(n)-[:PAYS_FOR]->(t:Coverage) | t.id] AS pays_for,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
