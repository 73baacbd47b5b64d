MATCH (t:Task) RETURN t.id AS id, t.label AS label, t.group AS group ORDER BY t.group, t.id
