// A mission with every mandate that authorises it (what each does, what it renews, the tasks it assigns, whom it
// supports, its sources) and the transitions that lead into it (predecessors) and out of it (successors).
MATCH (m:Mission {id: $id})
RETURN m.id AS id, m.name AS name, m.acronym AS acronym, m.kind AS kind,
       m.valid_from AS valid_from, m.valid_to AS valid_to,
       [(m)-[:LED_BY]->(o:Organization) | o.id] AS led_by,
       [(m)-[:DEPLOYED_IN]->(p:Place) | p.id] AS deployed_in,
       [(md:Mandate)-[:AUTHORIZES]->(m) | {
          id: md.id, title: md.title, adopted: md.adopted, valid_from: md.valid_from, valid_to: md.valid_to,
          kind: md.kind, action: md.action, status: md.status,
          renews: head([(md)-[:RENEWS]->(r:Mandate) | r.id]),
          tasks: [(md)-[:ASSIGNS]->(t:Task) | t.id],
          supports: [(md)-[:SUPPORTS]->(x:Actor) | x.id],
          sources: [(md)-[c:CITES]->(s:Source) | {source: s.id, locator: c.locator, quote: c.quote}]}] AS mandates,
       [(t:Transition)-[:TO]->(m) | {
          id: t.id, kind: t.kind, end: t.end, stage: t.stage,
          other: head([(t)-[:FROM]->(a:Actor) | a.id]),
          other_name: head([(t)-[:FROM]->(a:Actor) | a.name])}] AS predecessors,
       [(t:Transition)-[:FROM]->(m) | {
          id: t.id, kind: t.kind, end: t.end, stage: t.stage,
          others: [(t)-[:TO]->(a:Actor) | {id: a.id, name: a.name}]}] AS successors
