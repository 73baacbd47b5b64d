// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Mandate.renews links above $ids (the load checks that its own links close no cycle with them).
UNWIND $ids AS id
MATCH (:Mandate {id: id})-[:RENEWS*0..]->(a:Mandate)-[:RENEWS]->(b:Mandate)
RETURN DISTINCT a.id AS child, b.id AS parent
