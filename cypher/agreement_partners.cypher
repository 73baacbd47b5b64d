// Organisations that share an agreement in force on $on with any of the given organisations.
UNWIND $orgs AS oid
MATCH (o:Actor {id: oid})<-[:PARTY]-(ag:Agreement)-[:PARTY]->(partner:Actor)
WHERE partner.id <> oid AND NOT partner.id IN $orgs
  AND (ag.valid_from IS NULL OR ag.valid_from <= $on) AND (ag.valid_to IS NULL OR ag.valid_to > $on)
RETURN DISTINCT partner.id AS id, partner.name AS name, partner.acronym AS acronym, partner.kind AS kind,
       oid AS partner_of,
       ag.id AS agreement, ag.name AS agreement_name
ORDER BY id, agreement
