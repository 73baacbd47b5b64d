// Place nodes by id, with parent, areas, missions deployed there, coverage there and the host government.
UNWIND $ids AS id
MATCH (n:Place {id: id})
RETURN n.id AS id, properties(n) AS props, [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites,
       [(n)-[:PART_OF]->(p:Place) | p.id] AS parent,
       [(a:Place)-[:PART_OF]->(n) | a.id] AS areas,
       [(m:Mission)-[:DEPLOYED_IN]->(n) | m.id] AS missions,
       [(c:Coverage)-[:IN]->(n) | c.id] AS coverages,
       [(g:Organization)-[:GOVERNS]->(n) | g.id] AS governments
