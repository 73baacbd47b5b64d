// The ids an analysis was given that name something, by kind ($ids: {places, tasks, actors, missions, transitions,
// coverages}), with the country (root of the place tree, any depth) of each place: an analysis's first read.
CALL () {
  UNWIND coalesce($ids.places, []) AS id
  MATCH (p:Place {id: id})
  OPTIONAL MATCH (p)-[:PART_OF*]->(root:Place)
  WHERE NOT (root)-[:PART_OF]->()
  WITH id, p, collect(root.id) AS roots
  RETURN 'places' AS kind, id, coalesce(head(roots), p.id) AS country
  UNION ALL
  UNWIND coalesce($ids.tasks, []) AS id MATCH (:Task {id: id}) RETURN 'tasks' AS kind, id, null AS country
  UNION ALL
  UNWIND coalesce($ids.actors, []) AS id MATCH (:Actor {id: id}) RETURN 'actors' AS kind, id, null AS country
  UNION ALL
  UNWIND coalesce($ids.missions, []) AS id MATCH (:Mission {id: id}) RETURN 'missions' AS kind, id, null AS country
  UNION ALL
  UNWIND coalesce($ids.transitions, []) AS id MATCH (:Transition {id: id})
  RETURN 'transitions' AS kind, id, null AS country
  UNION ALL
  UNWIND coalesce($ids.coverages, []) AS id MATCH (:Coverage {id: id}) RETURN 'coverages' AS kind, id, null AS country
}
RETURN kind, id, country
