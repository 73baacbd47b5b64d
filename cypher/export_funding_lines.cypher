MATCH (n:FundingLine)
RETURN properties(n) AS props,
       [(n)-[:FUNDED_BY]->(o:Organization) | o.id] AS funders,
       [(n)-[:FUNDS]->(a:Actor) | a.id] AS recipient,
       [(n)-[:PAYS_FOR]->(c:Coverage) | c.id] AS pays_for,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
