// Assemble the static page: copy the charting/network libraries' own dist files from node_modules into
// vendor/ (with their licences), derive the world map, then build dist/ = src/ + vendor/. No bundler: the page
// uses ES modules and an import map. Run by `make web` after `npm ci`; run it again by hand after editing src/.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "vendor");
const dist = join(here, "dist");

// [package, file in the package, name in vendor/] — ES-module builds, renamed to .js so every server sends
// them with a JavaScript MIME type (module scripts are refused otherwise).
const FILES = [
  ["echarts", "dist/echarts.esm.min.js", "echarts.esm.min.js"],
  ["cytoscape", "dist/cytoscape.esm.min.mjs", "cytoscape.esm.min.js"],
  // GraphiQL (served at /graphql) and the React it runs on: their UMD builds, loaded by classic scripts.
  ["react", "umd/react.production.min.js", "react.production.min.js"],
  ["react-dom", "umd/react-dom.production.min.js", "react-dom.production.min.js"],
  ["graphiql", "graphiql.min.js", "graphiql.min.js"],
  ["graphiql", "graphiql.min.css", "graphiql.min.css"],
];
// Packages used at build time only (their output is in vendor/, their licences beside it).
const DERIVED = ["world-atlas", "topojson-client", "i18n-iso-countries"];

function version(pkg) {
  return JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;
}

function need(path) {
  if (!existsSync(path)) {
    console.error(`copy-vendor: ${path} is missing; run \`npm ci\` in api/web first`);
    process.exit(1);
  }
  return path;
}

function licences(pkg) {
  for (const licence of ["LICENSE", "LICENSE.txt", "LICENSE.md", "NOTICE"]) {
    const file = join(modules, pkg, licence);
    if (existsSync(file)) cpSync(file, join(vendor, `${pkg}.${licence}`));
  }
}

/** Natural Earth 1:50m country boundaries (world-atlas TopoJSON) → GeoJSON whose features carry ISO 3166-1
 * alpha-3 ids (the graph's country ids), coordinates rounded to 0.01° to keep the file small. */
function worldMap() {
  const require = createRequire(import.meta.url);
  const { feature } = require(need(join(modules, "topojson-client", "dist", "topojson-client.js")));
  const topo = JSON.parse(readFileSync(need(join(modules, "world-atlas", "countries-50m.json")), "utf8"));
  const codes = JSON.parse(readFileSync(need(join(modules, "i18n-iso-countries", "codes.json")), "utf8"));
  const alpha3 = new Map(codes.map(([, a3, num]) => [num, a3]));
  const round = (c) => (typeof c[0] === "number" ? [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100] : c.map(round));
  const geo = feature(topo, topo.objects.countries);
  const features = geo.features.map((f) => ({
    type: "Feature",
    properties: { name: f.properties.name, iso3: alpha3.get(f.id) || "" },
    geometry: f.geometry && { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
  })).filter((f) => f.geometry);
  writeFileSync(join(vendor, "world-50m.geo.json"), JSON.stringify({ type: "FeatureCollection", features }));
  return features.length;
}

rmSync(vendor, { recursive: true, force: true });
mkdirSync(vendor, { recursive: true });
const manifest = {};
for (const [pkg, file, name] of FILES) {
  cpSync(need(join(modules, pkg, file)), join(vendor, name));
  licences(pkg);
  manifest[pkg] = { version: version(pkg), files: [...(manifest[pkg]?.files ?? []), name] };
}
const countries = worldMap();
for (const pkg of DERIVED) {
  licences(pkg);
  manifest[pkg] = { version: version(pkg), files: ["world-50m.geo.json"] };
}
writeFileSync(join(vendor, "versions.json"), JSON.stringify(manifest, null, 2) + "\n");

rmSync(dist, { recursive: true, force: true });
cpSync(join(here, "src"), dist, { recursive: true });
cpSync(vendor, join(dist, "vendor"), { recursive: true });
// The page's GraphQL documents as data, for the API's warm-up and the test that validates them (api/page_queries.py).
const { Q } = await import(pathToFileURL(join(here, "src", "js", "queries.js")).href);
writeFileSync(join(dist, "queries.json"), JSON.stringify(Q, null, 2) + "\n");
console.log(`copy-vendor: dist/ built (${Object.entries(manifest).map(([p, m]) => `${p} ${m.version}`).join(", ")}; ` +
  `world map: ${countries} countries)`);
