// A place, the places above it (parent chain) and below it (areas): the scope of a coverage question.
MATCH (p:Place {id: $place})
OPTIONAL MATCH (p)-[:PART_OF*1..4]->(up:Place)
OPTIONAL MATCH (down:Place)-[:PART_OF*1..4]->(p)
WITH p, collect(DISTINCT up) AS ups, collect(DISTINCT down) AS downs
RETURN p.id AS id, p.name AS name, p.kind AS kind,
       [u IN ups | u.id] AS ancestors,
       [d IN downs | {id: d.id, parent: head([(d)-[:PART_OF]->(dp:Place) | dp.id])}] AS descendants,
       coalesce(head([u IN ups WHERE u.kind = 'country' | u.id]), p.id) AS country
