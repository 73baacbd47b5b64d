// Mandates in force on $on that authorise the given missions, newest first.
UNWIND $actors AS aid
MATCH (m:Mandate)-[:AUTHORIZES]->(:Mission {id: aid})
WHERE (m.valid_from IS NULL OR m.valid_from <= $on) AND (m.valid_to IS NULL OR m.valid_to > $on)
RETURN aid AS actor, m.id AS mandate
ORDER BY coalesce(m.adopted, m.valid_from) DESC
