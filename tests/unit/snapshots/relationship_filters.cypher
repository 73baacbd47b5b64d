RETURN {total: COUNT { MATCH (this:Coverage) WHERE EXISTS { MATCH (this)-[:BY]->(x1:Mission) WHERE EXISTS { MATCH (x1)-[:LED_BY]->(x2:Organization) WHERE x2.id = $p0 } } AND (this.valid_to IS NULL OR this.valid_to > date($p1)) AND NOT (EXISTS { MATCH (this)-[:OF_TASK]->(x3:Task) WHERE x3.group = $p2 }) }} AS value
// params: {"p0": "un", "p1": "2024-01-01", "p2": "military", "p3": 21}
