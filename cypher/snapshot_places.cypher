// Each country's tree of places (any depth) as [id, name, kind, parent], and the governments that govern it.
UNWIND $countries AS cid
MATCH (c:Place {id: cid})
CALL (c) {
  MATCH (p:Place)-[:PART_OF*0..]->(c)
  RETURN collect(DISTINCT [p.id, p.name, p.kind, head([(p)-[:PART_OF]->(q:Place) | q.id])]) AS places
}
RETURN cid AS country, places, [(g:Organization)-[:GOVERNS]->(c) | g.id] AS governments
