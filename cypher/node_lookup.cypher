// Which kinds of node carry this id (a resolution is both a Mandate and a Source), most specific first.
CALL () {
  MATCH (:Mission {id: $id}) RETURN 'Mission' AS label
  UNION ALL
  MATCH (:Organization {id: $id}) RETURN 'Organization' AS label
  UNION ALL
  MATCH (:Place {id: $id}) RETURN 'Place' AS label
  UNION ALL
  MATCH (:Mandate {id: $id}) RETURN 'Mandate' AS label
  UNION ALL
  MATCH (:Coverage {id: $id}) RETURN 'Coverage' AS label
  UNION ALL
  MATCH (:FundingLine {id: $id}) RETURN 'FundingLine' AS label
  UNION ALL
  MATCH (:Transition {id: $id}) RETURN 'Transition' AS label
  UNION ALL
  MATCH (:Agreement {id: $id}) RETURN 'Agreement' AS label
  UNION ALL
  MATCH (:Task {id: $id}) RETURN 'Task' AS label
  UNION ALL
  MATCH (:Source {id: $id}) RETURN 'Source' AS label
}
RETURN collect(label) AS labels
