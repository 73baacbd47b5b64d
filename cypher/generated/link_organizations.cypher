// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Organization: part_of, country, contributes_to.
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
CALL (n) { MATCH (n)-[old:CONTRIBUTES_TO|GOVERNS|PART_OF]->() DELETE old }
CALL (n, row) {
  UNWIND row.part_of AS ref
  OPTIONAL MATCH (t:Organization {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:PART_OF]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'part_of ' + x] AS missing_part_of
}
CALL (n, row) {
  UNWIND row.country AS ref
  OPTIONAL MATCH (t:Place {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:GOVERNS]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'country ' + x] AS missing_country
}
CALL (n, row) {
  UNWIND row.contributes_to AS ref
  OPTIONAL MATCH (t:Mission {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:CONTRIBUTES_TO]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'contributes_to ' + x] AS missing_contributes_to
}
WITH row, missing_part_of + missing_country + missing_contributes_to AS missing
WHERE size(missing) > 0
RETURN row.id AS id, missing
