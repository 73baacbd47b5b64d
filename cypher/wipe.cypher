// Delete every fact of the graph in batches (used by `peacegraph db wipe` and the test fixture); API keys stay.
MATCH (n)
WHERE NOT n:ApiKey
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
