// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
MATCH (n:Source)
RETURN properties(n) AS props
ORDER BY n.id
