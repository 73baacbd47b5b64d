// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
CALL () {
  UNWIND coalesce($ids.sources, []) AS id
  MATCH (o:Source {_key: toLower(normalize(id, NFKC))}) WHERE o.id <> id
  RETURN 'sources' AS kind, id, o.id AS existing
  UNION ALL
  UNWIND coalesce($ids.organizations, []) AS id
  MATCH (o:Actor {_key: toLower(normalize(id, NFKC))}) WHERE o.id <> id
  RETURN 'organizations' AS kind, id, o.id AS existing
  UNION ALL
  UNWIND coalesce($ids.places, []) AS id
  MATCH (o:Place {_key: toLower(normalize(id, NFKC))}) WHERE o.id <> id
  RETURN 'places' AS kind, id, o.id AS existing
  UNION ALL
  UNWIND coalesce($ids.tasks, []) AS id
  MATCH (o:Task {_key: toLower(normalize(id, NFKC))}) WHERE o.id <> id
  RETURN 'tasks' AS kind, id, o.id AS existing
  UNION ALL
  UNWIND coalesce($ids.missions, []) AS id
  MATCH (o:Actor {_key: toLower(normalize(id, NFKC))}) WHERE o.id <> id
  RETURN 'missions' AS kind, id, o.id AS existing
  UNION ALL
  UNWIND coalesce($ids.mandates, []) AS id
  MATCH (o:Mandate {_key: toLower(normalize(id, NFKC))}) WHERE o.id <> id
  RETURN 'mandates' AS kind, id, o.id AS existing
  UNION ALL
  UNWIND coalesce($ids.coverages, []) AS id
  MATCH (o:Coverage {_key: toLower(normalize(id, NFKC))}) WHERE o.id <> id
  RETURN 'coverages' AS kind, id, o.id AS existing
  UNION ALL
  UNWIND coalesce($ids.funding_lines, []) AS id
  MATCH (o:FundingLine {_key: toLower(normalize(id, NFKC))}) WHERE o.id <> id
  RETURN 'funding_lines' AS kind, id, o.id AS existing
  UNION ALL
  UNWIND coalesce($ids.transitions, []) AS id
  MATCH (o:Transition {_key: toLower(normalize(id, NFKC))}) WHERE o.id <> id
  RETURN 'transitions' AS kind, id, o.id AS existing
  UNION ALL
  UNWIND coalesce($ids.agreements, []) AS id
  MATCH (o:Agreement {_key: toLower(normalize(id, NFKC))}) WHERE o.id <> id
  RETURN 'agreements' AS kind, id, o.id AS existing
}
RETURN kind, id, existing
