// The extractor's view of sources: to reuse the Source of a file already in the graph (same content or address).
MATCH (s:Source)
RETURN s.id AS id, s.path AS path, s.url AS url, s.kind AS kind, s.title AS title, s.content_hash AS content_hash
ORDER BY id
