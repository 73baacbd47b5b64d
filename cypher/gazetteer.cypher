// The extractor's gazetteer: every organisation, mission, place, mandate and task with the names that refer to it.
CALL () {
  MATCH (o:Organization)
  OPTIONAL MATCH (o)-[:PART_OF]->(p:Organization)
  RETURN 'organization' AS kind, o.id AS id, o.name AS name, o.acronym AS acronym,
         coalesce(o.aliases, []) AS aliases, [] AS adjectives, o.kind AS subkind,
         collect(DISTINCT p.id) AS parents, [] AS led_by, [] AS deployed_in
  UNION ALL
  MATCH (m:Mission)
  OPTIONAL MATCH (m)-[:LED_BY]->(o:Organization)
  OPTIONAL MATCH (m)-[:DEPLOYED_IN]->(p:Place)
  RETURN 'mission' AS kind, m.id AS id, m.name AS name, m.acronym AS acronym,
         coalesce(m.aliases, []) AS aliases, [] AS adjectives, m.kind AS subkind,
         [] AS parents, collect(DISTINCT o.id) AS led_by, collect(DISTINCT p.id) AS deployed_in
  UNION ALL
  MATCH (pl:Place)
  OPTIONAL MATCH (pl)-[:PART_OF]->(parent:Place)
  RETURN 'place' AS kind, pl.id AS id, pl.name AS name, pl.iso3 AS acronym,
         coalesce(pl.aliases, []) AS aliases, coalesce(pl.adjectives, []) AS adjectives, pl.kind AS subkind,
         collect(DISTINCT parent.id) AS parents, [] AS led_by, [] AS deployed_in
  UNION ALL
  MATCH (md:Mandate)
  RETURN 'mandate' AS kind, md.id AS id, coalesce(md.title, md.id) AS name, null AS acronym,
         [] AS aliases, [] AS adjectives, md.kind AS subkind, [] AS parents, [] AS led_by, [] AS deployed_in
  UNION ALL
  MATCH (t:Task)
  RETURN 'task' AS kind, t.id AS id, t.label AS name, null AS acronym,
         coalesce(t.phrases, []) AS aliases, [] AS adjectives, t.group AS subkind,
         [] AS parents, [] AS led_by, [] AS deployed_in
}
RETURN kind, id, name, acronym, aliases, adjectives, subkind, parents, led_by, deployed_in
ORDER BY kind, id
