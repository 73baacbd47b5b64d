// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
CALL () {
  MATCH (n:Source) RETURN 'sources' AS kind, count(n) AS n
  UNION ALL
  MATCH (n:Actor) RETURN 'organizations' AS kind, count(n) AS n
  UNION ALL
  MATCH (n:Place) RETURN 'places' AS kind, count(n) AS n
  UNION ALL
  MATCH (n:Task) RETURN 'tasks' AS kind, count(n) AS n
  UNION ALL
  MATCH (n:Actor) RETURN 'missions' AS kind, count(n) AS n
  UNION ALL
  MATCH (n:Mandate) RETURN 'mandates' AS kind, count(n) AS n
  UNION ALL
  MATCH (n:Coverage) RETURN 'coverages' AS kind, count(n) AS n
  UNION ALL
  MATCH (n:FundingLine) RETURN 'funding_lines' AS kind, count(n) AS n
  UNION ALL
  MATCH (n:Transition) RETURN 'transitions' AS kind, count(n) AS n
  UNION ALL
  MATCH (n:Agreement) RETURN 'agreements' AS kind, count(n) AS n
}
RETURN kind, n
