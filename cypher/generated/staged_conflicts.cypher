// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
CALL () {
  MATCH (n:_Staged) WHERE n._load = $load AND n._kind = 'sources'
  MATCH (o:Source {id: n.id})
  RETURN 'sources' AS kind, n.id AS id
  UNION ALL
  MATCH (n:_Staged) WHERE n._load = $load AND n._kind = 'organizations'
  MATCH (o:Organization {id: n.id})
  RETURN 'organizations' AS kind, n.id AS id
  UNION ALL
  MATCH (n:_Staged) WHERE n._load = $load AND n._kind = 'places'
  MATCH (o:Place {id: n.id})
  RETURN 'places' AS kind, n.id AS id
  UNION ALL
  MATCH (n:_Staged) WHERE n._load = $load AND n._kind = 'tasks'
  MATCH (o:Task {id: n.id})
  RETURN 'tasks' AS kind, n.id AS id
  UNION ALL
  MATCH (n:_Staged) WHERE n._load = $load AND n._kind = 'missions'
  MATCH (o:Mission {id: n.id})
  RETURN 'missions' AS kind, n.id AS id
  UNION ALL
  MATCH (n:_Staged) WHERE n._load = $load AND n._kind = 'mandates'
  MATCH (o:Mandate {id: n.id})
  RETURN 'mandates' AS kind, n.id AS id
  UNION ALL
  MATCH (n:_Staged) WHERE n._load = $load AND n._kind = 'coverages'
  MATCH (o:Coverage {id: n.id})
  RETURN 'coverages' AS kind, n.id AS id
  UNION ALL
  MATCH (n:_Staged) WHERE n._load = $load AND n._kind = 'funding_lines'
  MATCH (o:FundingLine {id: n.id})
  RETURN 'funding_lines' AS kind, n.id AS id
  UNION ALL
  MATCH (n:_Staged) WHERE n._load = $load AND n._kind = 'agreements'
  MATCH (o:Agreement {id: n.id})
  RETURN 'agreements' AS kind, n.id AS id
}
RETURN kind, id LIMIT 20
