// The transitions declared for a place of each country's tree, with their handovers [task, to, place].
UNWIND $countries AS cid
MATCH (c:Place {id: cid})
CALL (c) {
  MATCH (p:Place)-[:PART_OF*0..]->(c)
  MATCH (p)<-[:IN]-(t:Transition)
  RETURN collect(DISTINCT t) AS transitions
}
UNWIND transitions AS t
RETURN cid AS country, t.id AS id, t.kind AS kind, head([(t)-[:FROM]->(a:Actor) | a.id]) AS from_actor,
       [(t)-[:TO]->(a:Actor) | a.id] AS to_actors, [(t)-[:IN]->(p:Place) | p.id] AS places,
       toString(t.announced) AS announced, toString(t.start) AS start, toString(t.end) AS end,
       t.stage AS stage, t.status AS status,
       [(t)-[:HANDS_OVER]->(h:Handover) | [head([(h)-[:OF_TASK]->(x:Task) | x.id]),
                                           head([(h)-[:TO]->(x:Actor) | x.id]),
                                           head([(h)-[:IN]->(x:Place) | x.id])]] AS handovers
