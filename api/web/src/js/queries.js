// Every GraphQL document the page sends. No DOM here: `make web` also writes them to dist/queries.json, which the API
// runs once at start-up (warm-up) so the first planner's visit does not pay for planning them, and a test validates
// against the schema.

const ACTOR = `__typename ... on Mission { id acronym name } ... on Organization { id acronym name }`;
const CURRENCY = `currency { verifiedOn endUnknown stale mandateLapsed }`;

export const Q = {
  // Countries: every one (for links and names) and those hosting a mission, in the country or in one of its areas.
  bootstrap: `query Bootstrap {
    places(where: {kind: {eq: country}}, sort: [{name: ASC}], first: 200) { edges { node { id name } } }
    hosting: places(where: {kind: {eq: country}, missions: {some: {}}}, first: 200) { edges { node { id } } }
    hostingAreas: places(where: {NOT: {kind: {eq: country}}, missions: {some: {}}}, first: 200) { edges { node { id parent { id } } } }
    tasks(first: 200, sort: [{group: ASC}, {label: ASC}]) { edges { node { id label group primaryResponsibility } } }
  }`,

  portfolio: `query Portfolio($asOf: Date, $horizon: Int!, $planned: Boolean!) {
    portfolio(asOf: $asOf, horizonMonths: $horizon, includePlanned: $planned) {
      asOf horizonMonths includePlanned
      countries {
        country name counts { covered thin overlap gap } operations operationCount
        expiringMandates { mandateId title validTo missions renewedBy }
        transitions { transitionId kind fromActor end stage status places uncoveredTasks uncoveredCount }
        dataCurrentTo staleFacts factsInForce
      }
    }
  }`,

  // A country: its areas, and the missions, mandates and transitions whose place is the country or one of its areas.
  country: `query Country($id: ID!, $sid: String!) {
    place(id: $id) {
      id name kind
      government { id name acronym }
      areas(first: 200) { edges { node { id name kind } } }
    }
    missions(where: {deployedIn: {some: {OR: [{id: {eq: $sid}}, {parent: {some: {id: {eq: $sid}}}}]}}}, first: 200) {
      edges { node {
        id acronym name kind validFrom validTo validFromPrecision validToPrecision status verifiedOn
        ledBy { id name acronym }
      } }
    }
    mandates(where: {authorizes: {some: {deployedIn: {some: {OR: [{id: {eq: $sid}}, {parent: {some: {id: {eq: $sid}}}}]}}}}},
             first: 200) { totalCount edges { node {
      id symbol kind action title adopted validFrom validTo validFromPrecision validToPrecision
      authorizes { id }
    } } }
    transitions(where: {places: {some: {OR: [{id: {eq: $sid}}, {parent: {some: {id: {eq: $sid}}}}]}}},
                sort: [{end: ASC}], first: 200) { edges { node {
      id kind announced start end endPrecision stage status
      from { ${ACTOR} }
      to { ${ACTOR} }
      handovers { taskId toId placeId }
      places { id name kind }
    } } }
  }`,

  matrix: `query Matrix($place: ID!, $asOf: Date, $planned: Boolean!) {
    coverageMatrix(place: $place, asOf: $asOf, includePlanned: $planned) {
      placeId placeName country asOf includePlanned dataCurrentTo
      tasks { task label group demand actors organizations state primaryResponsibility hostState }
      actors { id name acronym kind organizations ${CURRENCY} }
      cells { task actor coverageIds roles modalities places inherited }
      counts { covered thin overlap gap }
    }
  }`,

  missionNames: `query MissionNames($ids: [String!]) {
    missions(where: {id: {in: $ids}}, first: 200) { edges { node { id acronym name } } }
  }`,

  organizations: `query Orgs($ids: [String!]) {
    organizations(where: {id: {in: $ids}}, first: 200) { edges { node { id name acronym kind } } }
  }`,

  // Coverage facts by id: their dates (with precision), the mandate they rest on and the sources behind them.
  coverages: `query Coverages($ids: [String!]) {
    coverages(where: {id: {in: $ids}}, first: 200) { edges { node {
      id role modality validFrom validTo validFromPrecision validToPrecision status verifiedOn
      place { id kind parent { id } }
      mandate { id symbol }
      sources { locator quote sourceId source { id title kind date symbol publisher url } }
    } } }
  }`,

  mandates: `query Mandates($ids: [String!]) {
    mandates(where: {id: {in: $ids}}, first: 200) { edges { node {
      id symbol kind action title adopted validFrom validTo validFromPrecision validToPrecision
      issuedBy { id acronym name }
      authorizes { id acronym name }
    } } }
  }`,

  timeline: `query Timeline($place: ID!, $from: Date!, $to: Date!, $planned: Boolean!) {
    coverageTimelineRuns(place: $place, from: $from, to: $to, includePlanned: $planned) { task state actors from to }
  }`,

  diff: `query Diff($place: ID!, $from: Date!, $to: Date!, $planned: Boolean!) {
    coverageDiff(place: $place, from: $from, to: $to, includePlanned: $planned) {
      placeId placeName from to includePlanned
      tasks { task label group stateFrom stateTo actorsFrom actorsTo added removed demandFrom demandTo changed
              events { date kind id label actor place } }
    }
  }`,

  whoCovers: `query WhoCovers($task: ID!, $place: ID!, $asOf: Date, $planned: Boolean!) {
    whoCovers(task: $task, place: $place, asOf: $asOf, includePlanned: $planned) {
      coverageId actorId actorName role modality status placeId placeName
      validFrom validTo validFromPrecision validToPrecision ${CURRENCY}
      mandates { id symbol title validTo validToPrecision issuedBy { id name acronym } }
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
  lost { ...Cell } thinned { ...Cell } saved { ...Cell } handedOver { ...Cell } otherLosses { ...Cell }
  byTask { task taskLabel taskGroup cells { task place outcome cause } }
  counts { lost thinned saved handedOver otherLosses }
  taskCounts { lost thinned saved handedOver otherLosses }
  fundingEnding { id name recipient funders instrument amount currency tasks }
}
fragment Cell on CellChange {
  task taskLabel taskGroup place placeName declaredAt before after stateBefore stateAfter outcome cause savedBy
  affects { place placeName outcome cause }
  leftUncovered
  candidates { actor name basis rank reason ${CURRENCY} }
}`;
Q.whatIf += DRAWDOWN_FRAGMENT;
Q.drawdown += DRAWDOWN_FRAGMENT;
