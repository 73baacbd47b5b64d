// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Organization.part_of links above $ids (the load checks that its own links close no cycle with them).
UNWIND $ids AS id
MATCH (:Organization {id: id})-[:PART_OF*0..]->(a:Organization)-[:PART_OF]->(b:Organization)
RETURN DISTINCT a.id AS child, b.id AS parent
