// Who is present in a country on $on besides coverage facts: missions deployed there, and its host government.
MATCH (p:Place {id: $country})
CALL (p) {
  MATCH (m:Mission)-[:DEPLOYED_IN]->(p)
  WHERE (m.valid_from IS NULL OR m.valid_from <= $on) AND (m.valid_to IS NULL OR m.valid_to > $on)
  RETURN collect({id: m.id, name: m.name, acronym: m.acronym, kind: 'mission'}) AS missions
}
CALL (p) {
  MATCH (g:Organization)-[:GOVERNS]->(p)
  RETURN collect({id: g.id, name: g.name, acronym: g.acronym, kind: 'organization'}) AS governments
}
RETURN p.name AS name, missions, governments
