// Delete every node of the graph in batches (used by `peacegraph db wipe` and the test fixture).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
