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

const ACTOR = `__typename ... on Mission { id acronym name } ... on Organization { id acronym name }`;

export const Q = {
  bootstrap: `query Bootstrap {
    places(where: {kind: {eq: "country"}}, sort: [{name: ASC}], first: 200) { edges { node { id name } } }
    tasks(first: 200, sort: [{group: ASC}, {label: ASC}]) { edges { node { id label group } } }
  }`,

  country: `query Country($id: ID!, $sid: String!) {
    place(id: $id) {
      id name kind
      government { id name acronym }
      areas(first: 200) { edges { node { id name kind } } }
      missions(asOf: null, first: 200) { edges { node {
        id acronym name kind validFrom validTo status
        ledBy { id name acronym }
        mandates(asOf: null, first: 200) { edges { node { id symbol kind adopted validFrom validTo } } }
      } } }
    }
    transitions(where: {places: {some: {id: {eq: $sid}}}}, sort: [{end: ASC}], first: 200) { edges { node {
      id kind announced start end stage status
      from { ${ACTOR} }
      to { ${ACTOR} }
      handovers { taskId toId placeId }
      places { id name }
    } } }
  }`,

  matrix: `query Matrix($place: ID!, $asOf: Date, $planned: Boolean!) {
    coverageMatrix(place: $place, asOf: $asOf, includePlanned: $planned) {
      placeId placeName country asOf includePlanned
      tasks { task label group demand actors organizations state }
      actors { id name acronym kind organizations }
      cells { task actor coverageIds roles modalities places }
      counts { covered thin overlap gap }
    }
  }`,

  organizations: `query Orgs($ids: [String!]) {
    organizations(where: {id: {in: $ids}}, first: 200) { edges { node { id name acronym kind } } }
  }`,

  coverages: `query Coverages($ids: [String!]) {
    coverages(where: {id: {in: $ids}}, first: 200) { edges { node {
      id role modality validFrom validTo status place { id kind parent { id } }
    } } }
  }`,

  timeline: `query Timeline($place: ID!, $from: Date!, $to: Date!, $planned: Boolean!) {
    coverageTimeline(place: $place, from: $from, to: $to, includePlanned: $planned) { month task state actors }
  }`,

  whoCovers: `query WhoCovers($task: ID!, $place: ID!, $asOf: Date, $planned: Boolean!) {
    whoCovers(task: $task, place: $place, asOf: $asOf, includePlanned: $planned) {
      coverageId actorId actorName role modality status placeId placeName validFrom validTo
      mandates { id symbol title issuedBy { id name acronym } }
      payments { paysForThisCoverage fundingLine { id name instrument amount currency funders { id name acronym } } }
      sources { locator quote sourceId source { id title kind date symbol url } }
    }
  }`,

  whatIf: `query WhatIf($input: WhatIfInput!) { drawdownWhatIf(input: $input) { ...Drawdown } }`,
  drawdown: `query Drawdown($id: ID!, $planned: Boolean!) { drawdown(transition: $id, includePlanned: $planned) { ...Drawdown } }`,

  mission: `query MissionGraph($id: ID!) {
    mission(id: $id) {
      id acronym name kind validFrom validTo
      ledBy { id name acronym kind }
      transitionsIn { id kind end from { ${ACTOR} } to { ${ACTOR} } }
      transitionsOut { id kind end from { ${ACTOR} } to { ${ACTOR} } }
      fundingLines(asOf: null, first: 100) { edges { node { id name instrument funders { id name acronym kind } } } }
    }
    missionHistory(mission: $id) {
      predecessors { transition kind date mission name }
      successors { transition kind date mission name }
    }
  }`,

  organization: `query OrgGraph($id: ID!, $sid: String!, $country: String!) {
    organization(id: $id) {
      id acronym name kind
      partOf { id name acronym kind }
      funds(asOf: null, first: 100) { edges { node { id name instrument recipient { ${ACTOR} } } } }
      agreements(asOf: null, first: 100) { edges { node { id name kind signed parties { ${ACTOR} } } } }
    }
    missions(where: {ledBy: {some: {id: {eq: $sid}}}, deployedIn: {some: {id: {eq: $country}}}}, first: 100) {
      edges { node { id acronym name kind } }
    }
  }`,
};

const DRAWDOWN_FRAGMENT = `fragment Drawdown on Drawdown {
  placeId placeName before after transitionId
  departures { actor date places }
  lost { ...Cell } thinned { ...Cell } saved { ...Cell }
  fundingEnding { id name recipient funders instrument amount currency tasks }
}
fragment Cell on CellChange {
  task taskLabel taskGroup place placeName before after stateBefore stateAfter outcome savedBy
  candidates { actor name basis rank reason }
}`;
Q.whatIf += DRAWDOWN_FRAGMENT;
Q.drawdown += DRAWDOWN_FRAGMENT;

export const edges = (conn) => (conn?.edges || []).map((e) => e.node);
