CALL () {
  MATCH (this:Mission {id: $p0}) RETURN this, 0 AS rank
  UNION ALL
  MATCH (this:Organization {id: $p0}) RETURN this, 1 AS rank
  UNION ALL
  MATCH (this:Place {id: $p0}) RETURN this, 2 AS rank
  UNION ALL
  MATCH (this:Mandate {id: $p0}) RETURN this, 3 AS rank
  UNION ALL
  MATCH (this:Coverage {id: $p0}) RETURN this, 4 AS rank
  UNION ALL
  MATCH (this:FundingLine {id: $p0}) RETURN this, 5 AS rank
  UNION ALL
  MATCH (this:Transition {id: $p0}) RETURN this, 6 AS rank
  UNION ALL
  MATCH (this:Agreement {id: $p0}) RETURN this, 7 AS rank
  UNION ALL
  MATCH (this:Task {id: $p0}) RETURN this, 8 AS rank
  UNION ALL
  MATCH (this:Source {id: $p0}) RETURN this, 9 AS rank
}
WITH this ORDER BY rank LIMIT 1
RETURN CASE WHEN this:Mission THEN ['Mission', this.id, this.name, COLLECT { MATCH (this)-[:DEPLOYED_IN]->(t1:Place) WITH t1 ORDER BY t1.id RETURN [t1.id] }] WHEN this:Organization THEN ['Organization'] WHEN this:Place THEN ['Place'] WHEN this:Mandate THEN ['Mandate', this.id, this.action] WHEN this:Coverage THEN ['Coverage'] WHEN this:FundingLine THEN ['FundingLine'] WHEN this:Transition THEN ['Transition'] WHEN this:Agreement THEN ['Agreement'] WHEN this:Task THEN ['Task'] WHEN this:Source THEN ['Source'] END AS value
// params: {"p0": "minusma"}
