// Transition nodes by id, with the handovers.
UNWIND $ids AS id
MATCH (n:Transition {id: id})
RETURN n.id AS id, properties(n) AS props, [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites,
       [(n)-[:FROM]->(a:Actor) | a.id] AS from_actor,
       [(n)-[:FROM]->(a:Mission) | a.id] AS from_mission,
       [(n)-[:TO]->(a:Actor) | a.id] AS to_actors,
       [(n)-[:TO]->(a:Mission) | a.id] AS to_missions,
       [(n)-[:IN]->(p:Place) | p.id] AS places,
       [(n)-[:HANDS_OVER]->(h:Handover) | {
          task: head([(h)-[:OF_TASK]->(t:Task) | t.id]),
          to: head([(h)-[:TO]->(a:Actor) | a.id]),
          to_is_mission: EXISTS { (h)-[:TO]->(:Mission) },
          place: head([(h)-[:IN]->(p:Place) | p.id])}] AS handovers
