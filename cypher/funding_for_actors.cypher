// Funding lines in force on $on that fund the given actors, or pay for their coverage.
UNWIND $actors AS aid
MATCH (a:Actor {id: aid})
MATCH (f:FundingLine)
WHERE ((f)-[:FUNDS]->(a) OR EXISTS { (f)-[:PAYS_FOR]->(:Coverage)-[:BY]->(a) })
  AND (f.valid_from IS NULL OR f.valid_from <= $on) AND (f.valid_to IS NULL OR f.valid_to > $on)
RETURN aid AS actor, f.id AS id, f.name AS name, f.instrument AS instrument, f.amount AS amount,
       f.currency AS currency, f.valid_from AS valid_from, f.valid_to AS valid_to,
       [(f)-[:FUNDED_BY]->(o:Organization) | o.id] AS funders,
       [(f)-[:FUNDS]->(r:Actor) | r.id] AS recipient,
       [(f)-[:PAYS_FOR]->(c:Coverage) | c.id] AS pays_for
ORDER BY f.id
