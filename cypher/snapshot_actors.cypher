// The actors that bear on each country: those with coverage in its tree, the missions deployed there and its
// government; with dates, status, currency, organisations (top-level, any depth) and where each deploys.
UNWIND $countries AS cid
MATCH (c:Place {id: cid})
CALL (c) {
  MATCH (p:Place)-[:PART_OF*0..]->(c)
  CALL (p) {
    MATCH (p)<-[:IN]-(:Coverage)-[:BY]->(a:Actor) RETURN a
    UNION
    MATCH (p)<-[:DEPLOYED_IN]-(a:Mission) RETURN a
    UNION
    MATCH (p)<-[:GOVERNS]-(a:Organization) RETURN a
  }
  RETURN collect(DISTINCT a) AS actors
}
UNWIND actors AS a
WITH cid, a, CASE WHEN a:Mission THEN [(a)-[:LED_BY]->(o:Organization) | o] ELSE [a] END AS leads
RETURN cid AS country, a.id AS id, a.name AS name, a.acronym AS acronym,
       CASE WHEN a:Mission THEN 'mission' ELSE 'organization' END AS kind,
       CASE WHEN a:Mission THEN null ELSE a.kind END AS org_kind,
       [o IN leads | coalesce(head([(o)-[:PART_OF*1..]->(top:Organization) WHERE NOT (top)-[:PART_OF]->() | top.id]),
                              o.id)] AS organizations,
       CASE WHEN a:Mission THEN [o IN leads | o.id] ELSE [] END AS led_by,
       toString(a.valid_from) AS valid_from, toString(a.valid_to) AS valid_to, a.status AS status,
       toString(a.verified_on) AS verified_on,
       [(a)-[:DEPLOYED_IN]->(d:Place) | d.id] AS deployed_in,
       head([(a)-[:GOVERNS]->(g:Place) | g.id]) AS governs
