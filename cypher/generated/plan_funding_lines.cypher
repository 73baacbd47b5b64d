// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
UNWIND $rows AS row
MATCH (old:FundingLine {id: row.id})
WITH row.id AS id, old._hash = row.hash AS same
RETURN collect(CASE WHEN same THEN id END) AS unchanged, collect(CASE WHEN NOT same THEN id END) AS updated
