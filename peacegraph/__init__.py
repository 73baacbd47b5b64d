"""peacegraph: a Neo4j knowledge graph of peace operations, served over GraphQL.

Subpackages: `graph` (domain, store, analyses), `seed` (ingestion), `api` (GraphQL and the planners' page),
`cypher` (every Cypher statement), `cli` (the command line), `devserver` (the local Neo4j for development).
"""

__version__ = "0.2.0"
