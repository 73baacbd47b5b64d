// The extractor's view of mandates: what each authorises and when, to link a new decision to the one it renews.
MATCH (md:Mandate)
OPTIONAL MATCH (md)-[:AUTHORIZES]->(m:Mission)
RETURN md.id AS id, md.adopted AS adopted, md.valid_from AS valid_from, md.valid_to AS valid_to,
       md.action AS action, collect(DISTINCT m.id) AS authorizes
ORDER BY id
