// Give every fact node its look-alike key (`_key`: the id after NFKC normalisation, lower-cased, as the generated
// upsert statements set it) where a load from before the key existed left it unset. Run by `peacegraph db init`.
MATCH (n)
WHERE n.id IS NOT NULL AND n._key IS NULL AND NOT n:ApiKey AND NOT n:_Staged
CALL (n) { SET n._key = toLower(normalize(n.id, NFKC)) } IN TRANSACTIONS OF 10000 ROWS
