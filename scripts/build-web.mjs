// Builds the caseworker's web app (web/) into web/dist: one page, one script and one style sheet whose names
// carry a hash of their content (so the app may cache them for good), minified. Run by run.sh and test.sh
// (through lib.sh's build_web); the functions project copies web/dist into the app's wwwroot.
import { build } from "esbuild";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const web = join(dirname(fileURLToPath(import.meta.url)), "..", "web");
const dist = join(web, "dist");
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

const result = await build({
  entryPoints: [join(web, "src", "main.tsx"), join(web, "src", "styles.css")],
  outdir: join(dist, "assets"),
  entryNames: "[name]-[hash]",
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  jsx: "automatic",
  jsxImportSource: "preact",
  metafile: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
});

const outputs = Object.keys(result.metafile.outputs).map((path) => basename(path));
const script = outputs.find((name) => name.endsWith(".js"));
const styles = outputs.find((name) => name.endsWith(".css"));
const page = (await readFile(join(web, "index.html"), "utf8"))
  .replace("%SCRIPT%", `assets/${script}`)
  .replace("%STYLES%", `assets/${styles}`);
await writeFile(join(dist, "index.html"), page);
const sizes = await Promise.all([script, styles].map(async (name) => {
  const bytes = await readFile(join(dist, "assets", name));
  return `${name} ${kb(bytes.length)}, ${kb(gzipSync(bytes, { level: 9 }).length)} gzipped`;
}));
console.log(`Built the web app into web/dist: ${sizes.join("; ")}.`);

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
