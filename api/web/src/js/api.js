// The page's only way to the data: POST GraphQL to the public endpoint (schema.graphql). No private endpoints.

const meta = document.querySelector('meta[name="graphql-endpoint"]');
export const ENDPOINT = new URL(meta?.content || "/graphql", location.href).href;

/** An error that says what happened: kind is "down" (no answer), "http" or "query" (the API refused). */
export class ApiError extends Error {
  constructor(message, kind) {
    super(message);
    this.kind = kind;
  }
}

export { Q } from "./queries.js";

export async function gql(query, variables = {}) {
  let reply;
  try {
    reply = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch (err) {
    throw new ApiError(`Cannot reach the API at ${ENDPOINT}: the server is down or the network failed (${err.message}).`, "down");
  }
  let body = null;
  try {
    body = await reply.json();
  } catch {
    const what = reply.status >= 500 ? "the server is failing or down" : "unexpected answer";
    throw new ApiError(`The API at ${ENDPOINT} answered HTTP ${reply.status} without GraphQL (${what}).`, reply.status >= 500 ? "down" : "http");
  }
  if (body?.errors?.length) {
    const msgs = body.errors.map((e) => e.message).join("; ");
    throw new ApiError(`The API refused the request: ${msgs}`, "query");
  }
  if (!reply.ok) throw new ApiError(`The API answered HTTP ${reply.status}.`, "http");
  return body.data;
}


/** Run `query` once per slice of `ids` (the API pages at 200) and gather the connection's nodes. */
export async function byIds(query, field, ids) {
  const unique = [...new Set(ids)].filter(Boolean);
  const slices = [];
  for (let i = 0; i < unique.length; i += 200) slices.push(unique.slice(i, i + 200));
  const replies = await Promise.all(slices.map((s) => gql(query, { ids: s })));
  return replies.flatMap((d) => edges(d[field]));
}

export const edges = (conn) => (conn?.edges || []).map((e) => e.node);
