// Delete every API key (used by `peacegraph db wipe --with-keys` and by the test fixture's full reset).
MATCH (k:ApiKey)
DETACH DELETE k
