// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
UNWIND $rows AS row
OPTIONAL MATCH (old:Mandate {id: row.id})
RETURN row.id AS id,
       CASE WHEN old IS NULL THEN 'new' WHEN old._hash = row.hash THEN 'unchanged' ELSE 'updated' END AS change
