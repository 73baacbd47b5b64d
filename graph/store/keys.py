"""API keys: random secrets shown once, stored as SHA-256 hashes with a role (reader, editor, admin)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from peacegraph.graph.store.database import Database

ROLES = ("reader", "editor", "admin")


@dataclass(frozen=True)
class ApiKey:
    id: str
    name: str
    role: str
    revoked: bool


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def at_least(role: str, needed: str) -> bool:
    """True when `role` is `needed` or stronger."""
    return ROLES.index(role) >= ROLES.index(needed)


async def create_key(graph: Database, name: str, role: str) -> tuple[ApiKey, str]:
    """A new key; returns it and the token to give its holder (`pg_<id>_<secret>`, shown only now)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    await graph.write("key_create", id=key_id, name=name, role=role, hash=_hash(secret),
                      created=dt.datetime.now(dt.UTC).isoformat())
    return ApiKey(key_id, name, role, False), f"pg_{key_id}_{secret}"


async def revoke_key(graph: Database, key_id: str) -> bool:
    rows = await graph.write("key_revoke", id=key_id)
    return bool(rows)


async def list_keys(graph: Database) -> list[ApiKey]:
    return [ApiKey(r["id"], r["name"], r["role"], r["revoked"]) for r in await graph.read("key_list")]


async def check_token(graph: Database, token: str) -> ApiKey | None:
    """The key a token belongs to, if it exists, matches and is not revoked."""
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != "pg":
        return None
    rows = await graph.read("key_get", id=parts[1])
    if not rows or rows[0]["revoked"]:
        return None
    if not hmac.compare_digest(rows[0]["hash"], _hash(parts[2])):
        return None
    r = rows[0]
    return ApiKey(r["id"], r["name"], r["role"], False)
