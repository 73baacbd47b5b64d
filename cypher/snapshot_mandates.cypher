// The mandates that bear on each country: those assigning tasks to a place of its tree, those authorising a
// mission deployed there, and those its coverage facts rest on; with what each does, to whom, what and where.
UNWIND $countries AS cid
MATCH (c:Place {id: cid})
CALL (c) {
  MATCH (p:Place)-[:PART_OF*0..]->(c)
  CALL (p) {
    MATCH (p)<-[:APPLIES_TO]-(m:Mandate) RETURN m
    UNION
    MATCH (p)<-[:DEPLOYED_IN]-(:Mission)<-[:AUTHORIZES]-(m:Mandate) RETURN m
    UNION
    MATCH (p)<-[:IN]-(:Coverage)-[:UNDER]->(m:Mandate) RETURN m
  }
  RETURN collect(DISTINCT m) AS mandates
}
UNWIND mandates AS m
RETURN cid AS country, m.id AS id, m.title AS title, m.kind AS kind,
       head([(m)-[:ISSUED_BY]->(o:Organization) | o.id]) AS issued_by,
       toString(m.adopted) AS adopted, toString(m.valid_from) AS valid_from, toString(m.valid_to) AS valid_to,
       m.status AS status, m.action AS action, toString(m.verified_on) AS verified_on,
       head([(m)-[:RENEWS]->(r:Mandate) | r.id]) AS renews,
       [(m)-[:AUTHORIZES]->(x:Mission) | x.id] AS authorizes,
       [(m)-[:SUPPORTS]->(x:Actor) | x.id] AS supports,
       [(m)-[:ASSIGNS]->(t:Task) | t.id] AS tasks,
       [(m)-[:APPLIES_TO]->(x:Place) | x.id] AS places
