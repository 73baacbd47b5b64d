# The peacegraph API image (used by docker-compose.yml); Neo4j runs in its own container.
FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY peacegraph peacegraph
COPY graph graph
COPY api api
COPY seed seed
COPY cypher cypher
COPY data data
COPY docs docs
RUN pip install --no-cache-dir -e . && cd api/web && npm ci --no-audit --no-fund && node copy-vendor.mjs
ENV PEACEGRAPH_API_HOST=0.0.0.0
EXPOSE 8000
CMD ["peacegraph", "serve", "--load", "data"]
