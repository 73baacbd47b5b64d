// FundingLine nodes by id.
UNWIND $ids AS id
MATCH (n:FundingLine {id: id})
RETURN n.id AS id, properties(n) AS props, [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites,
       [(n)-[:FUNDED_BY]->(o:Organization) | o.id] AS funders,
       [(n)-[:FUNDS]->(a:Actor) | a.id] AS recipient,
       [(n)-[:FUNDS]->(a:Mission) | a.id] AS recipient_mission,
       [(n)-[:PAYS_FOR]->(c:Coverage) | c.id] AS pays_for
