// Every coverage fact declared in each country's tree of places, all time and every status (the analyses apply
// graph/domain/rules.py to them), one row per country and actor with the facts as compact lists:
// [id, task, place, valid_from, valid_to, status, role, modality, mandate, verified_on, from_precision, to_precision,
//  citations as [source, title, kind, locator, quote]]
UNWIND $countries AS cid
MATCH (c:Place {id: cid})
MATCH (p:Place)-[:PART_OF*0..]->(c)
MATCH (p)<-[:IN]-(cv:Coverage)-[:BY]->(a:Actor)
MATCH (cv)-[:OF_TASK]->(t:Task)
WITH cid, a, collect([cv.id, t.id, p.id, toString(cv.valid_from), toString(cv.valid_to), cv.status, cv.role,
                      cv.modality, head([(cv)-[:UNDER]->(m:Mandate) | m.id]), toString(cv.verified_on),
                      cv.valid_from_precision, cv.valid_to_precision,
                      [(cv)-[r:CITES]->(s:Source) | [s.id, s.title, s.kind, r.locator, r.quote]]]) AS facts
RETURN cid AS country, a.id AS actor, facts
