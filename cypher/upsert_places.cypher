// Places: countries and areas. A country also gets the Country label, an area the Area label.
UNWIND $rows AS row
MERGE (n:Place {id: row.id})
SET n = row.props, n.id = row.id
REMOVE n:Country, n:Area
FOREACH (_ IN CASE WHEN row.props.kind = 'country' THEN [1] ELSE [] END | SET n:Country)
FOREACH (_ IN CASE WHEN row.props.kind <> 'country' THEN [1] ELSE [] END | SET n:Area)
WITH n, row
CALL (n, row) {
  UNWIND row.cites AS c
  MATCH (s:Source {id: c.source})
  MERGE (n)-[r:CITES {locator: c.locator}]->(s)
  SET r.quote = c.quote
}
