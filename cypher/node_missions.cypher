// Mission nodes by id, with their links and the facts that point at them.
UNWIND $ids AS id
MATCH (n:Mission {id: id})
RETURN n.id AS id, properties(n) AS props, [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites,
       [(n)-[:LED_BY]->(o:Organization) | o.id] AS led_by,
       [(n)-[:DEPLOYED_IN]->(p:Place) | p.id] AS deployed_in,
       [(m:Mandate)-[:AUTHORIZES]->(n) | m.id] AS mandates,
       [(c:Coverage)-[:BY]->(n) | c.id] AS coverages,
       [(f:FundingLine)-[:FUNDS]->(n) | f.id] AS funded_by,
       [(t:Transition)-[:FROM]->(n) | t.id] AS transitions_out,
       [(t:Transition)-[:TO]->(n) | t.id] AS transitions_in,
       [(a:Agreement)-[:PARTY]->(n) | a.id] AS agreements
