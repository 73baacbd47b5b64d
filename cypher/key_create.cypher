CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, created: $created, revoked: false})
RETURN k.id AS id
