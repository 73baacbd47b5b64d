// Every agreement with its parties, and for each party where it is active: the countries (roots of the place
// tree) where it, an organisation inside it, or a mission any of them leads deploys or covers, with the period.
// Rows of kind 'agreement' and kind 'party'.
MATCH (ag:Agreement)
WITH collect(ag) AS agreements
CALL (agreements) {
  UNWIND agreements AS ag
  RETURN 'agreement' AS kind, ag.id AS id, ag.name AS name, [(ag)-[:PARTY]->(x:Actor) | x.id] AS parties,
         toString(ag.valid_from) AS valid_from, toString(ag.valid_to) AS valid_to, ag.status AS status,
         null AS acronym, null AS org_kind, null AS top, [] AS presence
  UNION ALL
  UNWIND agreements AS ag
  MATCH (ag)-[:PARTY]->(party:Actor)
  WITH DISTINCT party
  CALL (party) {
    OPTIONAL MATCH (inner:Actor)-[:PART_OF*0..]->(party)
    WITH collect(DISTINCT inner) AS selves
    UNWIND selves AS s
    CALL (s) {
      MATCH (s)<-[:LED_BY]-(m:Mission)-[:DEPLOYED_IN]->(p:Place)
      RETURN m AS fact, p
      UNION
      MATCH (s)<-[:BY]-(cv:Coverage)-[:IN]->(p:Place)
      RETURN cv AS fact, p
      UNION
      MATCH (s:Mission)-[:DEPLOYED_IN]->(p:Place)
      RETURN s AS fact, p
    }
    WITH fact, coalesce(head([(p)-[:PART_OF*]->(r:Place) WHERE NOT (r)-[:PART_OF]->() | r.id]), p.id) AS country
    RETURN collect(DISTINCT [country, toString(fact.valid_from), toString(fact.valid_to), fact.status]) AS presence
  }
  RETURN 'party' AS kind, party.id AS id, party.name AS name, [] AS parties, null AS valid_from, null AS valid_to,
         party.status AS status, party.acronym AS acronym,
         CASE WHEN party:Organization THEN party.kind ELSE 'mission' END AS org_kind,
         coalesce(head([(party)-[:PART_OF*1..]->(top:Organization) WHERE NOT (top)-[:PART_OF]->() | top.id]),
                  party.id) AS top,
         presence
}
RETURN kind, id, name, parties, valid_from, valid_to, status, acronym, org_kind, top, presence
