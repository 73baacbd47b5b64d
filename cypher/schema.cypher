// Constraints and indexes, named and idempotent. Applied at every start (peacegraph db init, make run, tests).
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mission_id IF NOT EXISTS FOR (n:Mission) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mandate_id IF NOT EXISTS FOR (n:Mandate) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT coverage_id IF NOT EXISTS FOR (n:Coverage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT funding_line_id IF NOT EXISTS FOR (n:FundingLine) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT transition_id IF NOT EXISTS FOR (n:Transition) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT handover_id IF NOT EXISTS FOR (n:Handover) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.id IS UNIQUE;
CREATE INDEX coverage_valid_from IF NOT EXISTS FOR (n:Coverage) ON (n.valid_from);
CREATE INDEX mandate_adopted IF NOT EXISTS FOR (n:Mandate) ON (n.adopted);
CREATE INDEX api_key_hash IF NOT EXISTS FOR (n:ApiKey) ON (n.hash);
// Ids compared after NFKC normalisation and lower-casing (`_key`, set by the upsert statements): look-alike check.
CREATE INDEX source_key IF NOT EXISTS FOR (n:Source) ON (n._key);
CREATE INDEX actor_key IF NOT EXISTS FOR (n:Actor) ON (n._key);
CREATE INDEX place_key IF NOT EXISTS FOR (n:Place) ON (n._key);
CREATE INDEX task_key IF NOT EXISTS FOR (n:Task) ON (n._key);
CREATE INDEX mandate_key IF NOT EXISTS FOR (n:Mandate) ON (n._key);
CREATE INDEX coverage_key IF NOT EXISTS FOR (n:Coverage) ON (n._key);
CREATE INDEX funding_line_key IF NOT EXISTS FOR (n:FundingLine) ON (n._key);
CREATE INDEX transition_key IF NOT EXISTS FOR (n:Transition) ON (n._key);
CREATE INDEX agreement_key IF NOT EXISTS FOR (n:Agreement) ON (n._key);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
  FOR (n:Organization|Mission|Place|Mandate|Source|Task|Agreement)
  ON EACH [n.id, n.name, n.acronym, n.aliases_text, n.title, n.label];
