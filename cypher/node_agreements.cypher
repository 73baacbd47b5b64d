// Agreement nodes by id.
UNWIND $ids AS id
MATCH (n:Agreement {id: id})
RETURN n.id AS id, properties(n) AS props, [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites,
       [(n)-[:PARTY]->(a:Actor) | a.id] AS parties,
       [(n)-[:PARTY]->(a:Mission) | a.id] AS mission_parties
