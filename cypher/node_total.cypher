// How many nodes the database holds (an initial load goes into an empty database only).
MATCH (n) RETURN count(n) AS nodes
