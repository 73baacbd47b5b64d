// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Place.parent links above $ids (the load checks that its own links close no cycle with them).
UNWIND $ids AS id
MATCH (:Place {id: id})-[:PART_OF*0..]->(a:Place)-[:PART_OF]->(b:Place)
RETURN DISTINCT a.id AS child, b.id AS parent
