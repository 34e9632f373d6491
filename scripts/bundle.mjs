// Assembles the unpacked extension in dist/extension/ from extension/ and the
// wasm-bindgen output in build/wasm/. Usage: node scripts/bundle.mjs
// Deterministic: same inputs give the same bytes.
//
// It also writes a TEST build in dist/extension-test/ for the end-to-end
// tests: the same code with `__SOTORKO_TEST_HOOKS__` true (an open shadow
// root and test-visible attributes on the UI host, see
// extension/content/test-hooks.js). The shipped dist/extension/ is built with
// it false, so esbuild drops the hooks; scripts/bundle.test.mjs checks that.
import { build } from "esbuild";
import { mkdir, readdir, readFile, rm, writeFile, copyFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "extension");
const outDirs = { production: join(root, "dist", "extension"), test: join(root, "dist", "extension-test") };
const wasmDir = join(root, "build", "wasm");

/** Entry points: source module -> bundle path and format. */
const ENTRIES = [
  { from: "background/main.js", to: "background.js", format: "esm" },
  { from: "content/main.js", to: "content.js", format: "iife" },
  // The extension's own pages are built together: the code they share (the locale catalogs,
  // the settings contract) is one chunk in pages/, not a copy per page (package size).
  { from: "popup/main.js", to: "popup/popup.js", format: "esm", pages: true },
  { from: "options/main.js", to: "options/options.js", format: "esm", pages: true },
  { from: "options/review-main.js", to: "options/review.js", format: "esm", pages: true },
  // Bundled with only the content-script strings it uses (messageKeys), to keep the package small.
  { from: "content/settings-page-main.js", to: "settings-page.js", format: "iife", messageKeys: /^content(Password|Admins|Dismiss)/ },
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

/** How many of @zxcvbn-ts/language-common's most common passwords the meter's estimator knows (package size; docs/review.md). */
export const PASSWORD_WORDS = 2_500;

/**
 * An esbuild plugin for `import value from "<name>"`: a module whose default
 * export is the JSON value `load()` returns at build time.
 */
function jsonModulePlugin(name, load) {
  const filter = new RegExp(`^${name}$`);
  return {
    name,
    setup(b) {
      b.onResolve({ filter }, () => ({ path: name, namespace: name }));
      b.onLoad({ filter: /.*/, namespace: name }, async () => ({
        contents: `export default ${JSON.stringify(await load())};`,
        loader: "js",
      }));
    },
  };
}

/**
 * `import passwords from "sotorko-password-words"`: the first PASSWORD_WORDS
 * entries (most common first) of @zxcvbn-ts/language-common's password list,
 * so the full dictionary is not bundled.
 */
const passwordWordsPlugin = jsonModulePlugin("sotorko-password-words", async () => {
  const { dictionary } = await import("@zxcvbn-ts/language-common");
  return dictionary.passwords.slice(0, PASSWORD_WORDS);
});

/**
 * The keyboards whose adjacency (spatial patterns such as "qwerty" or "1qaz")
 * the meter knows: Bangladesh's keyboards are US QWERTY (Bangla layouts such
 * as Bijoy and Avro sit on the same keys) and the numeric keypad. AZERTY,
 * QWERTZ, Dvorak and the Mac keypad are left out for package size
 * (docs/review.md).
 */
export const KEYBOARD_GRAPHS = ["qwerty", "keypad"];

/** The KEYBOARD_GRAPHS of an `adjacencyGraphs` object (the bundle's and the tests' estimator). */
export const keyboardGraphsOf = (adjacencyGraphs) =>
  Object.fromEntries(KEYBOARD_GRAPHS.map((name) => [name, adjacencyGraphs[name]]));

/**
 * `import graphs from "sotorko-keyboard-graphs"`: the KEYBOARD_GRAPHS of
 * @zxcvbn-ts/language-common's adjacency graphs, so the others are not bundled.
 */
const keyboardGraphsPlugin = jsonModulePlugin("sotorko-keyboard-graphs", async () => {
  const { adjacencyGraphs } = await import("@zxcvbn-ts/language-common");
  return keyboardGraphsOf(adjacencyGraphs);
});

/** Loads the locale catalogs with only the keys matching `keys` (a RegExp). */
function messageKeysPlugin(keys) {
  return {
    name: "sotorko-message-keys",
    setup(b) {
      b.onLoad({ filter: /_locales[\\/](en|bn)[\\/]messages\.json$/ }, async (args) => {
        const all = JSON.parse(await readFile(args.path, "utf8"));
        const kept = Object.fromEntries(Object.entries(all).filter(([k]) => keys.test(k)));
        return { contents: JSON.stringify(kept), loader: "json" };
      });
    },
  };
}

/** esbuild options of one entry point; `testHooks` selects the test build. */
export function entryOptions({ from, format, messageKeys }, testHooks) {
  return {
    entryPoints: [join(src, from)],
    bundle: true,
    format,
    target: ["chrome110", "firefox128"],
    alias: { "sotorko-wasm": join(wasmDir, "sotorko.js") },
    plugins: messageKeys
      ? [passwordWordsPlugin, keyboardGraphsPlugin, messageKeysPlugin(messageKeys)]
      : [passwordWordsPlugin, keyboardGraphsPlugin],
    define: { __SOTORKO_TEST_HOOKS__: testHooks ? "true" : "false" },
    legalComments: "none",
    charset: "utf8",
    logLevel: "warning",
    minifySyntax: true,
    // Whitespace too: about 25 KB gzipped over the bundles (BENCHMARKS.md, package size).
    minifyWhitespace: true,
    // And local names: about 9 KB gzipped (session 9, room for three more model classes).
    // Exported and property names are kept, so messages and storage keys read the same.
    minifyIdentifiers: true,
  };
}

/**
 * The `_locales/{bn,en}/messages.json` the browser reads: only the entries the
 * manifest names (`__MSG_key__`). Every other string is bundled into the
 * scripts from the same files (the UI language is a setting, so
 * `i18n.getMessage` is never used for them); shipping them twice cost about
 * 13 KB gzipped.
 */
export function browserCatalog(messagesText, manifestText) {
  const keys = new Set([...manifestText.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]));
  const all = JSON.parse(messagesText);
  const kept = Object.fromEntries(Object.entries(all).filter(([key]) => keys.has(key)));
  return JSON.stringify(kept, null, 2) + "\n";
}

/** The bundled content script as a string (for checks), production or test build. */
export async function bundleContentScript(testHooks) {
  const entry = ENTRIES.find((e) => e.to === "content.js");
  const result = await build({ ...entryOptions(entry, testHooks), write: false });
  return result.outputFiles[0].text;
}

async function assemble(out, testHooks) {
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, "engine"), { recursive: true });

  for (const entry of ENTRIES.filter((e) => !e.pages)) {
    await build({ ...entryOptions(entry, testHooks), outfile: join(out, entry.to) });
  }
  const pages = ENTRIES.filter((e) => e.pages);
  await build({
    ...entryOptions(pages[0], testHooks),
    entryPoints: Object.fromEntries(pages.map((e) => [e.to.replace(/\.js$/, ""), join(src, e.from)])),
    splitting: true,
    chunkNames: "pages/[name]-[hash]",
    outdir: out,
  });

  const manifestText = await readFile(join(root, "manifest.json"), "utf8");
  for await (const path of walk(src)) {
    const rel = relative(src, path);
    if (rel.endsWith(".test.mjs") || !STATIC.test(rel.split("/").pop())) continue;
    await mkdir(dirname(join(out, rel)), { recursive: true });
    if (rel.endsWith("messages.json")) await writeFile(join(out, rel), browserCatalog(await readFile(path, "utf8"), manifestText));
    else await copyFile(path, join(out, rel));
  }

  await copyFile(join(wasmDir, "sotorko_bg.opt.wasm"), join(out, "engine", "sotorko_bg.wasm"));
  const manifest = JSON.parse(manifestText);
  await writeFile(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
}

async function main() {
  await assemble(outDirs.production, false);
  await assemble(outDirs.test, true);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`bundle: ${error.message}`);
    process.exit(1);
  });
}
