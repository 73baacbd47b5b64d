// The task taxonomy with each task's marker of primary responsibility (a principle, never coverage).
MATCH (t:Task)
RETURN t.id AS id, t.label AS label, t.group AS group, t.primary_responsibility AS primary_responsibility
ORDER BY t.group, t.id
