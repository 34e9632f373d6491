// Assembles the unpacked extension in dist/extension/ from extension/ and the
// wasm-bindgen output in build/wasm/. Usage: node scripts/bundle.mjs
// Deterministic: same inputs give the same bytes.
import { build } from "esbuild";
import { mkdir, readdir, readFile, rm, writeFile, copyFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "extension");
const out = join(root, "dist", "extension");
const wasmDir = join(root, "build", "wasm");

/** Entry points: source module -> bundle path and format. */
const ENTRIES = [
  { from: "background/main.js", to: "background.js", format: "esm" },
  { from: "content/main.js", to: "content.js", format: "iife" },
  { from: "popup/main.js", to: "popup/popup.js", format: "esm" },
  { from: "options/main.js", to: "options/options.js", format: "esm" },
];

/** Files copied as they are, by extension or exact name. */
const STATIC = /\.(html|css|png|svg)$|^managed_schema\.json$|messages\.json$/;

async function* walk(dir) {
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

async function main() {
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, "engine"), { recursive: true });

  for (const { from, to, format } of ENTRIES) {
    await build({
      entryPoints: [join(src, from)],
      outfile: join(out, to),
      bundle: true,
      format,
      target: ["chrome110", "firefox128"],
      alias: { "sotorko-wasm": join(wasmDir, "sotorko.js") },
      legalComments: "none",
      charset: "utf8",
      logLevel: "warning",
      minifySyntax: true,
    });
  }

  for await (const path of walk(src)) {
    const rel = relative(src, path);
    if (rel.endsWith(".test.mjs") || !STATIC.test(rel.split("/").pop())) continue;
    await mkdir(dirname(join(out, rel)), { recursive: true });
    await copyFile(path, join(out, rel));
  }

  await copyFile(join(wasmDir, "sotorko_bg.opt.wasm"), join(out, "engine", "sotorko_bg.wasm"));
  const manifest = JSON.parse(await readFile(join(root, "manifest.json"), "utf8"));
  await writeFile(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
}

main().catch((error) => {
  console.error(`bundle: ${error.message}`);
  process.exit(1);
});
