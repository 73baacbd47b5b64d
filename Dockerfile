# The peacegraph image (docker-compose.yml runs it as the one-shot `seed` job and as the API replicas);
# Neo4j runs in its own container. The page is built from npm here, then the package is installed with it.
FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY api/web/package.json api/web/package-lock.json api/web/
RUN cd api/web && npm ci --no-audit --no-fund
COPY pyproject.toml README.md ./
COPY peacegraph peacegraph
COPY graph graph
COPY api api
COPY seed seed
COPY cypher cypher
COPY data data
RUN cd api/web && node copy-vendor.mjs && cd /app && pip install --no-cache-dir .
ENV PEACEGRAPH_API_HOST=0.0.0.0 PEACEGRAPH_STATE_DIR=/tmp/peacegraph-state
EXPOSE 8000
CMD ["peacegraph", "serve"]
