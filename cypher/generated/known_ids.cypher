// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
CALL () {
  UNWIND coalesce($ids.sources, []) AS id MATCH (:Source {id: id}) RETURN 'sources' AS kind, id
  UNION ALL
  UNWIND coalesce($ids.organizations, []) AS id MATCH (:Organization {id: id}) RETURN 'organizations' AS kind, id
  UNION ALL
  UNWIND coalesce($ids.places, []) AS id MATCH (:Place {id: id}) RETURN 'places' AS kind, id
  UNION ALL
  UNWIND coalesce($ids.tasks, []) AS id MATCH (:Task {id: id}) RETURN 'tasks' AS kind, id
  UNION ALL
  UNWIND coalesce($ids.missions, []) AS id MATCH (:Mission {id: id}) RETURN 'missions' AS kind, id
  UNION ALL
  UNWIND coalesce($ids.mandates, []) AS id MATCH (:Mandate {id: id}) RETURN 'mandates' AS kind, id
  UNION ALL
  UNWIND coalesce($ids.coverages, []) AS id MATCH (:Coverage {id: id}) RETURN 'coverages' AS kind, id
  UNION ALL
  UNWIND coalesce($ids.funding_lines, []) AS id MATCH (:FundingLine {id: id}) RETURN 'funding_lines' AS kind, id
  UNION ALL
  UNWIND coalesce($ids.transitions, []) AS id MATCH (:Transition {id: id}) RETURN 'transitions' AS kind, id
  UNION ALL
  UNWIND coalesce($ids.agreements, []) AS id MATCH (:Agreement {id: id}) RETURN 'agreements' AS kind, id
  UNION ALL
  UNWIND coalesce($ids.actors, []) AS id MATCH (a:Actor {id: id})
  RETURN CASE WHEN a:Mission THEN 'actors:missions' ELSE 'actors:organizations' END AS kind, id
}
RETURN kind, collect(id) AS ids
