// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Bulk loads that have not finished (interrupted, or running now): markers and staged nodes.
CALL () {
  MATCH (m:_Load)
  RETURN m.id AS load, m.state AS state, m.files AS files, m.updates AS updates, 0 AS records
  UNION ALL
  MATCH (n:_Staged)
  RETURN n._load AS load, null AS state, null AS files, null AS updates, count(*) AS records
}
RETURN load, head(collect(state)) AS state, head(collect(files)) AS files, head(collect(updates)) AS updates,
       sum(records) AS records
ORDER BY load
