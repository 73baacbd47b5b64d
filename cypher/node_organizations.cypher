// Organization nodes by id, with their links and the facts that point at them.
UNWIND $ids AS id
MATCH (n:Organization {id: id})
RETURN n.id AS id, properties(n) AS props, [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites,
       [(n)-[:PART_OF]->(o:Organization) | o.id] AS part_of,
       [(n)-[:GOVERNS]->(p:Place) | p.id] AS country,
       [(o:Organization)-[:PART_OF]->(n) | o.id] AS parts,
       [(m:Mission)-[:LED_BY]->(n) | m.id] AS missions,
       [(c:Coverage)-[:BY]->(n) | c.id] AS coverages,
       [(f:FundingLine)-[:FUNDED_BY]->(n) | f.id] AS funds,
       [(f:FundingLine)-[:FUNDS]->(n) | f.id] AS funded_by,
       [(a:Agreement)-[:PARTY]->(n) | a.id] AS agreements,
       [(m:Mandate)-[:ISSUED_BY]->(n) | m.id] AS mandates_issued
