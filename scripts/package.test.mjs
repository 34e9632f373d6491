// Tests scripts/package.sh with a throwaway signing key (never committed) on
// a small stand-in for dist/extension, so it runs without a full build.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { extensionIdFromPublicKey, parseCrx3, readZipEntry } from "../deploy/tools/crx.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const script = join(root, "scripts", "package.sh");
let work;
let keyPath;
let publicDer;
let run;

function makeStandInExtension(dir) {
  mkdirSync(join(dir, "popup"), { recursive: true });
  mkdirSync(join(dir, "options"), { recursive: true });
  copyFileSync(join(root, "manifest.json"), join(dir, "manifest.json"));
  execFileSync("cp", ["-R", join(root, "extension", "_locales"), join(root, "extension", "icons"), dir]);
  copyFileSync(join(root, "extension", "managed_schema.json"), join(dir, "managed_schema.json"));
  writeFileSync(join(dir, "background.js"), "// stand-in\n");
  writeFileSync(join(dir, "content.js"), "// stand-in\n");
  writeFileSync(join(dir, "settings-page.js"), "// stand-in\n");
  writeFileSync(join(dir, "popup", "popup.html"), "<!doctype html><title>popup</title>\n");
  writeFileSync(join(dir, "options", "options.html"), "<!doctype html><title>options</title>\n");
}

function packageWith(args, env = {}) {
  return spawnSync("bash", [script, ...args], {
    encoding: "utf8",
    env: { ...process.env, SOTORKO_SIGNING_KEY: "", SOTORKO_UPDATE_URL: "", ...env },
  });
}

before(() => {
  work = mkdtempSync(join(tmpdir(), "sotorko-package-test-"));
  keyPath = join(work, "admin-key.pem");
  execFileSync("openssl", ["genrsa", "-out", keyPath, "2048"], { stdio: "ignore" });
  publicDer = execFileSync("openssl", ["pkey", "-in", keyPath, "-pubout", "-outform", "DER"]);
  makeStandInExtension(join(work, "extension"));
  run = packageWith([
    "--key", keyPath,
    "--update-url", "https://intranet.example.gov.bd/apps/sotorko/updates.xml",
    "--source", join(work, "extension"),
    "--out", join(work, "package"),
  ]);
});

after(() => rmSync(work, { recursive: true, force: true }));

test("packages successfully and prints the id of the administrator's key", () => {
  assert.equal(run.status, 0, run.stderr);
  const expectedId = extensionIdFromPublicKey(publicDer);
  assert.match(run.stdout, new RegExp(`^Extension id: ${expectedId}$`, "m"));
  assert.equal(readFileSync(join(work, "package", "extension-id.txt"), "utf8"), `${expectedId}\n`);
});

test("the CRX3 is signed with the administrator's key, for its id, and carries that key in the manifest", () => {
  const crx = parseCrx3(readFileSync(join(work, "package", "sotorko-0.1.0.crx")));
  assert.equal(crx.rsaPublicKeys.length, 1);
  assert.ok(crx.rsaPublicKeys[0].equals(publicDer), "signed with the administrator's public key");
  assert.equal(crx.crxId, extensionIdFromPublicKey(publicDer));
  const manifest = JSON.parse(readZipEntry(crx.zip, "manifest.json").toString("utf8"));
  assert.equal(manifest.key, publicDer.toString("base64"));
  const original = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8"));
  assert.notEqual(manifest.key, original.key, "the committed key is replaced");
  assert.equal(manifest.version, original.version);
  // Without it Chrome and Edge check the Web Store, not updates.xml, after the first install.
  assert.equal(manifest.update_url, "https://intranet.example.gov.bd/apps/sotorko/updates.xml", "the self-hosted update URL");
  assert.equal(original.update_url, undefined, "the committed manifest names no update URL");
  assert.ok(readZipEntry(crx.zip, "managed_schema.json"), "the schema is packaged");
});

test("updates.xml points at the CRX beside it with the right id and version", () => {
  const xml = readFileSync(join(work, "package", "updates.xml"), "utf8");
  const id = extensionIdFromPublicKey(publicDer);
  assert.match(xml, /^<\?xml version='1.0' encoding='UTF-8'\?>/);
  assert.match(xml, /<gupdate xmlns='http:\/\/www.google.com\/update2\/response' protocol='2.0'>/);
  assert.match(xml, new RegExp(`<app appid='${id}'>`));
  assert.match(
    xml,
    /<updatecheck codebase='https:\/\/intranet.example.gov.bd\/apps\/sotorko\/sotorko-0.1.0.crx' version='0.1.0' \/>/,
  );
});

test("the Firefox XPI holds the extension", () => {
  const xpi = readFileSync(join(work, "package", "sotorko-0.1.0.xpi"));
  const manifest = JSON.parse(readZipEntry(xpi, "manifest.json").toString("utf8"));
  assert.equal(manifest.browser_specific_settings.gecko.id, "sotorko@cabinet.gov.bd");
});

test("SHA256SUMS covers every file and matches it", () => {
  const dir = join(work, "package");
  const lines = readFileSync(join(dir, "SHA256SUMS"), "utf8").trim().split("\n");
  const listed = new Map(lines.map((line) => {
    const [hash, name] = line.split(/ {2}/);
    return [name, hash];
  }));
  const files = execFileSync("find", [dir, "-type", "f", "!", "-name", "SHA256SUMS", "-printf", "%P\\n"], { encoding: "utf8" })
    .trim().split("\n").sort();
  assert.deepEqual([...listed.keys()].sort(), files);
  for (const [name, hash] of listed) {
    assert.equal(createHash("sha256").update(readFileSync(join(dir, name))).digest("hex"), hash, name);
  }
  const check = spawnSync("sha256sum", ["--check", "--quiet", "SHA256SUMS"], { cwd: dir, encoding: "utf8" });
  assert.equal(check.status, 0, check.stdout + check.stderr);
});

test("the Windows templates in the package name the administrator's id", () => {
  const id = extensionIdFromPublicKey(publicDer);
  const admx = readFileSync(join(work, "package", "windows", "sotorko.admx"), "utf8");
  assert.ok(admx.includes(`3rdparty\\extensions\\${id}\\policy`));
  const templateId = readFileSync(join(root, "deploy", "windows", "template-extension-id.txt"), "utf8").trim();
  assert.ok(!admx.includes(templateId));
});

test("no private key material is written to the package", () => {
  const dir = join(work, "package");
  for (const name of readdirSync(dir, { recursive: true })) {
    const path = join(dir, String(name));
    let text;
    try {
      text = readFileSync(path).toString("latin1");
    } catch {
      continue; // a folder
    }
    assert.ok(!text.includes("PRIVATE KEY"), `${name} contains a private key`);
  }
});

test("a directory update URL gets updates.xml appended", () => {
  const out = join(work, "package-dir-url");
  const result = packageWith(["--source", join(work, "extension"), "--out", out], {
    SOTORKO_SIGNING_KEY: keyPath,
    SOTORKO_UPDATE_URL: "http://127.0.0.1:8080/sotorko/",
  });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /update URL: +http:\/\/127.0.0.1:8080\/sotorko\/updates.xml/);
  assert.match(readFileSync(join(out, "updates.xml"), "utf8"), /codebase='http:\/\/127.0.0.1:8080\/sotorko\/sotorko-0.1.0.crx'/);
});

test("missing or wrong inputs fail with exit 2 and a clear message", () => {
  const source = ["--source", join(work, "extension"), "--out", join(work, "never")];
  const noKey = packageWith(["--update-url", "https://x.example/u.xml", ...source]);
  assert.equal(noKey.status, 2);
  assert.match(noKey.stderr, /no signing key: pass --key KEY.pem or set SOTORKO_SIGNING_KEY/);
  const noUrl = packageWith(["--key", keyPath, ...source]);
  assert.equal(noUrl.status, 2);
  assert.match(noUrl.stderr, /no update URL/);
  const badUrl = packageWith(["--key", keyPath, "--update-url", "intranet/updates.xml", ...source]);
  assert.equal(badUrl.status, 2);
  assert.match(badUrl.stderr, /must start with http:\/\/ or https:\/\//);
  const notKey = join(work, "not-a-key.pem");
  writeFileSync(notKey, "hello\n");
  const badKey = packageWith(["--key", notKey, "--update-url", "https://x.example/u.xml", ...source]);
  assert.equal(badKey.status, 2);
  assert.match(badKey.stderr, /is not a readable, unencrypted PEM private key/);
  const ecKey = join(work, "ec.pem");
  execFileSync("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", ecKey]);
  const ec = packageWith(["--key", ecKey, "--update-url", "https://x.example/u.xml", ...source]);
  assert.equal(ec.status, 2);
  assert.match(ec.stderr, /is not an RSA key/);
});

test("the example policy files in the package name the administrator's id and URLs", () => {
  const id = extensionIdFromPublicKey(publicDer);
  const linux = JSON.parse(
    readFileSync(join(work, "package", "policies", "linux", "etc", "chromium", "policies", "managed", "sotorko.json"), "utf8"),
  );
  assert.deepEqual(Object.keys(linux.ExtensionSettings), [id]);
  assert.equal(linux.ExtensionSettings[id].update_url, "https://intranet.example.gov.bd/apps/sotorko/updates.xml");
  assert.deepEqual(Object.keys(linux["3rdparty"].extensions), [id]);
  const firefox = JSON.parse(readFileSync(join(work, "package", "policies", "firefox", "policies.json"), "utf8"));
  assert.equal(
    firefox.policies.ExtensionSettings["sotorko@cabinet.gov.bd"].install_url,
    "https://intranet.example.gov.bd/apps/sotorko/sotorko-0.1.0.xpi",
  );
  const reg = readFileSync(join(work, "package", "policies", "windows", "edge.reg"));
  assert.deepEqual([...reg.subarray(0, 2)], [0xff, 0xfe], "UTF-16LE with BOM");
  assert.ok(reg.subarray(2).toString("utf16le").includes(`Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${id}\\policy]`));
});

test("a traditional (PKCS#1) RSA key works too, and an encrypted key is refused clearly", () => {
  const traditional = join(work, "traditional.pem");
  execFileSync("openssl", ["genrsa", "-traditional", "-out", traditional, "2048"], { stdio: "ignore" });
  assert.match(readFileSync(traditional, "utf8"), /^-----BEGIN RSA PRIVATE KEY-----/);
  const out = join(work, "package-traditional");
  const result = packageWith(["--key", traditional, "--update-url", "https://x.example/u.xml", "--source", join(work, "extension"), "--out", out]);
  assert.equal(result.status, 0, result.stderr);
  const der = execFileSync("openssl", ["pkey", "-in", traditional, "-pubout", "-outform", "DER"]);
  assert.equal(parseCrx3(readFileSync(join(out, "sotorko-0.1.0.crx"))).crxId, extensionIdFromPublicKey(der));

  const encrypted = join(work, "encrypted.pem");
  execFileSync("openssl", ["rsa", "-in", traditional, "-aes256", "-passout", "pass:secret", "-out", encrypted], { stdio: "ignore" });
  const refused = spawnSync("bash", [script, "--key", encrypted, "--update-url", "https://x.example/u.xml", "--source", join(work, "extension"), "--out", join(work, "never")], {
    encoding: "utf8",
    input: "",
  });
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /not a readable, unencrypted PEM private key/);
});

test("an existing folder that is not an earlier package is never replaced", () => {
  const precious = join(work, "precious");
  mkdirSync(precious);
  writeFileSync(join(precious, "notes.txt"), "keep me\n");
  const result = packageWith(["--key", keyPath, "--update-url", "https://x.example/u.xml", "--source", join(work, "extension"), "--out", precious]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /exists and is not an earlier package folder/);
  assert.equal(readFileSync(join(precious, "notes.txt"), "utf8"), "keep me\n");
  // An earlier package folder is replaced.
  const again = packageWith(["--key", keyPath, "--update-url", "https://x.example/u.xml", "--source", join(work, "extension"), "--out", join(work, "package")]);
  assert.equal(again.status, 0, again.stderr);
});
