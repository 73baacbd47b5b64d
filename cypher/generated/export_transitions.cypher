// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
MATCH (n:Transition)
RETURN properties(n) AS props,
       [(n)-[:FROM]->(t:Actor) | t.id] AS from_actor,
       [(n)-[:TO]->(t:Actor) | t.id] AS to_actors,
       [(n)-[:IN]->(t:Place) | t.id] AS places,
       [(n)-[:HANDS_OVER]->(h:Handover) | {task: head([(h)-[:OF_TASK]->(t:Task) | t.id]), to: head([(h)-[:TO]->(t:Actor) | t.id]), place: head([(h)-[:IN]->(t:Place) | t.id])}] AS handovers,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
