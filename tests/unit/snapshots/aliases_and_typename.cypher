OPTIONAL MATCH (this:Mission {id: $p0})
RETURN CASE WHEN this IS NULL THEN null ELSE ['Mission', this.name, COLLECT { MATCH (this)-[:LED_BY]->(t1:Organization) WITH t1 ORDER BY t1.id RETURN [t1.id] }] END AS value
// params: {"p0": "minusma"}

RETURN {rows: COLLECT { MATCH (this:Mission) WHERE true WITH this WHERE true WITH this ORDER BY this.id ASC LIMIT $p1 RETURN [null, [this.id]] }} AS value
// params: {"p0": "minusma", "p1": 2}
