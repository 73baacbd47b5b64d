MATCH (n:Transition)
RETURN properties(n) AS props,
       [(n)-[:FROM]->(a:Actor) | a.id] AS from_actor,
       [(n)-[:TO]->(a:Actor) | a.id] AS to_actors,
       [(n)-[:IN]->(p:Place) | p.id] AS places,
       [(n)-[:HANDS_OVER]->(h:Handover) | {
          task: head([(h)-[:OF_TASK]->(t:Task) | t.id]),
          to: head([(h)-[:TO]->(a:Actor) | a.id]),
          place: head([(h)-[:IN]->(p:Place) | p.id])}] AS handovers,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
