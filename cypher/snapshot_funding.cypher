// The funding lines that bear on each country: lines that pay for coverage declared in its tree, and lines that
// fund an actor with coverage there or a mission deployed there.
UNWIND $countries AS cid
MATCH (c:Place {id: cid})
CALL (c) {
  MATCH (p:Place)-[:PART_OF*0..]->(c)
  CALL (p) {
    MATCH (p)<-[:IN]-(:Coverage)<-[:PAYS_FOR]-(f:FundingLine) RETURN f
    UNION
    MATCH (p)<-[:IN]-(:Coverage)-[:BY]->(:Actor)<-[:FUNDS]-(f:FundingLine) RETURN f
    UNION
    MATCH (p)<-[:DEPLOYED_IN]-(:Mission)<-[:FUNDS]-(f:FundingLine) RETURN f
  }
  RETURN collect(DISTINCT f) AS lines
}
UNWIND lines AS f
RETURN cid AS country, f.id AS id, f.name AS name, f.instrument AS instrument, f.amount AS amount,
       f.currency AS currency, toString(f.valid_from) AS valid_from, toString(f.valid_to) AS valid_to,
       f.status AS status,
       [(f)-[:FUNDED_BY]->(o:Organization) | o.id] AS funders,
       head([(f)-[:FUNDS]->(r:Actor) | r.id]) AS recipient,
       [(f)-[:PAYS_FOR]->(x:Coverage) | x.id] AS pays_for
