// Assemble the static page: copy the charting/network libraries' own dist files from node_modules into
// vendor/ (with their licences), then build dist/ = src/ + vendor/. No bundler: the page uses ES modules and
// an import map. Run by `make web` after `npm ci`; run it again by hand after editing src/.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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

function version(pkg) {
  return JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;
}

rmSync(vendor, { recursive: true, force: true });
mkdirSync(vendor, { recursive: true });
const manifest = {};
for (const [pkg, file, name] of FILES) {
  const from = join(modules, pkg, file);
  if (!existsSync(from)) {
    console.error(`copy-vendor: ${from} is missing; run \`npm ci\` in api/web first`);
    process.exit(1);
  }
  cpSync(from, join(vendor, name));
  for (const licence of ["LICENSE", "LICENSE.txt", "NOTICE"]) {
    const file = join(modules, pkg, licence);
    if (existsSync(file)) cpSync(file, join(vendor, `${pkg}.${licence}`));
  }
  manifest[pkg] = { version: version(pkg), files: [...(manifest[pkg]?.files ?? []), name] };
}
writeFileSync(join(vendor, "versions.json"), JSON.stringify(manifest, null, 2) + "\n");

rmSync(dist, { recursive: true, force: true });
cpSync(join(here, "src"), dist, { recursive: true });
cpSync(vendor, join(dist, "vendor"), { recursive: true });
console.log(`copy-vendor: dist/ built (${Object.entries(manifest).map(([p, m]) => `${p} ${m.version}`).join(", ")})`);
