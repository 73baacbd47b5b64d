// Full-text search across names, acronyms, aliases, symbols and titles.
CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node, score
RETURN node.id AS id, [l IN labels(node) WHERE l IN ['Organization', 'Mission', 'Place', 'Mandate', 'Source', 'Task',
       'Agreement']][0] AS label,
       coalesce(node.acronym, node.name, node.title, node.label, node.id) AS name,
       coalesce(node.name, node.title, node.label) AS title, score
ORDER BY score DESC, id
LIMIT $limit
