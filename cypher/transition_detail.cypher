// A recorded transition with its departing actor, successors, places and handovers.
MATCH (t:Transition {id: $id})
RETURN t.id AS id, t.kind AS kind, t.end AS end, t.start AS start, t.stage AS stage, t.status AS status,
       head([(t)-[:FROM]->(a:Actor) | a.id]) AS from_actor,
       [(t)-[:TO]->(a:Actor) | a.id] AS to_actors,
       [(t)-[:IN]->(p:Place) | {id: p.id, kind: p.kind,
          country: coalesce(head([(p)-[:PART_OF*1..4]->(c:Place {kind: 'country'}) | c.id]), p.id)}] AS places,
       [(t)-[:HANDS_OVER]->(h:Handover) | {
          task: head([(h)-[:OF_TASK]->(x:Task) | x.id]),
          to: head([(h)-[:TO]->(a:Actor) | a.id]),
          place: head([(h)-[:IN]->(p:Place) | p.id])}] AS handovers
