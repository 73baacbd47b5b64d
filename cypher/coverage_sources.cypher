// The citations of the given coverage facts: [source, title, kind, locator, quote] per fact.
UNWIND $ids AS cid
MATCH (c:Coverage {id: cid})
RETURN c.id AS id, [(c)-[r:CITES]->(s:Source) | [s.id, s.title, s.kind, r.locator, r.quote]] AS sources
