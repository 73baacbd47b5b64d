// The path behind one coverage fact: actor → (mission → lead organisations), its mandate → issuer, and the funding
// lines that pay for this fact or fund its actor without naming other coverage; with the sources of each step.
MATCH (c:Coverage {id: $id})-[:BY]->(a:Actor)
MATCH (c)-[:OF_TASK]->(t:Task)
MATCH (c)-[:IN]->(p:Place)
OPTIONAL MATCH (c)-[:UNDER]->(m:Mandate)
RETURN c.id AS id, c.valid_from AS valid_from, c.valid_to AS valid_to, c.status AS status, c.role AS role,
       t.id AS task, t.label AS task_label, p.id AS place, p.name AS place_name,
       [(c)-[r:CITES]->(s:Source) | {source: s.id, title: s.title, locator: r.locator, quote: r.quote}] AS sources,
       {id: a.id, name: a.name, kind: CASE WHEN a:Mission THEN 'mission' ELSE 'organization' END,
        sources: [(a)-[r:CITES]->(s:Source) | {source: s.id, title: s.title, locator: r.locator, quote: r.quote}]}
         AS actor,
       [(a)-[:LED_BY]->(o:Organization) | {id: o.id, name: o.name,
          sources: [(o)-[r:CITES]->(s:Source) | {source: s.id, title: s.title, locator: r.locator, quote: r.quote}]}]
         AS organizations,
       CASE WHEN m IS NULL THEN NULL ELSE {id: m.id, title: m.title, adopted: m.adopted, valid_from: m.valid_from,
          valid_to: m.valid_to, action: m.action,
          issued_by: head([(m)-[:ISSUED_BY]->(o:Organization) | o.id]),
          sources: [(m)-[r:CITES]->(s:Source) | {source: s.id, title: s.title, locator: r.locator, quote: r.quote}]}
       END AS mandate,
       [(f:FundingLine)-[:PAYS_FOR]->(c) | {pays_for_this: true, id: f.id, name: f.name, amount: f.amount, currency: f.currency, instrument: f.instrument,
          valid_from: f.valid_from, valid_to: f.valid_to, status: f.status, funders: [(f)-[:FUNDED_BY]->(o:Organization) | o.id],
          sources: [(f)-[r:CITES]->(s:Source) | {source: s.id, title: s.title, locator: r.locator, quote: r.quote}]}] +
       [(f:FundingLine)-[:FUNDS]->(a) WHERE NOT (f)-[:PAYS_FOR]->() | {pays_for_this: false, id: f.id, name: f.name, amount: f.amount, currency: f.currency, instrument: f.instrument,
          valid_from: f.valid_from, valid_to: f.valid_to, status: f.status, funders: [(f)-[:FUNDED_BY]->(o:Organization) | o.id],
          sources: [(f)-[r:CITES]->(s:Source) | {source: s.id, title: s.title, locator: r.locator, quote: r.quote}]}] AS funding
