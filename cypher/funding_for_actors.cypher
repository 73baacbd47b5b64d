// Funding lines in force on $on that fund the given actors, or pay for their coverage (found from the actors).
UNWIND $actors AS aid
MATCH (a:Actor {id: aid})
CALL (a) {
  MATCH (a)<-[:FUNDS]-(f:FundingLine)
  RETURN f
  UNION
  MATCH (a)<-[:BY]-(:Coverage)<-[:PAYS_FOR]-(f:FundingLine)
  RETURN f
}
WITH aid, f
WHERE (f.valid_from IS NULL OR f.valid_from <= $on) AND (f.valid_to IS NULL OR f.valid_to > $on)
RETURN aid AS actor, f.id AS id, f.name AS name, f.instrument AS instrument, f.amount AS amount,
       f.currency AS currency, f.valid_from AS valid_from, f.valid_to AS valid_to,
       [(f)-[:FUNDED_BY]->(o:Organization) | o.id] AS funders,
       [(f)-[:FUNDS]->(r:Actor) | r.id] AS recipient,
       [(f)-[:PAYS_FOR]->(c:Coverage) | c.id] AS pays_for
ORDER BY f.id
