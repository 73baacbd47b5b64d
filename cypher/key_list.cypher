MATCH (k:ApiKey) RETURN k.id AS id, k.name AS name, k.role AS role, k.revoked AS revoked ORDER BY k.created
