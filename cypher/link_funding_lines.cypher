// Funding lines: funders, the recipient actor and the coverage facts they pay for.
UNWIND $rows AS row
MATCH (n:FundingLine {id: row.id})
CALL (n) { MATCH (n)-[old:FUNDED_BY|FUNDS|PAYS_FOR]->() DELETE old }
CALL (n, row) { UNWIND row.funders AS ref MATCH (o:Organization {id: ref}) MERGE (n)-[:FUNDED_BY]->(o) }
CALL (n, row) { UNWIND row.recipient AS ref MATCH (a:Actor {id: ref}) MERGE (n)-[:FUNDS]->(a) }
CALL (n, row) { UNWIND row.pays_for AS ref MATCH (c:Coverage {id: ref}) MERGE (n)-[:PAYS_FOR]->(c) }
