// Every actor with its id, acronym, name and aliases, to resolve names found in tables and text.
MATCH (a:Actor)
RETURN a.id AS id, a.acronym AS acronym, a.name AS name, coalesce(a.aliases, []) AS aliases
