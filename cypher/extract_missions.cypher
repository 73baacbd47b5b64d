// The extractor's view of missions: when each was active (valid_to exclusive), to resolve described operations.
MATCH (m:Mission)
RETURN m.id AS id, m.valid_from AS valid_from, m.valid_to AS valid_to, m.kind AS kind
ORDER BY id
