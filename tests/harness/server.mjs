/**
 * The local https://www.facebook.com: an HTTPS server (node stdlib) serving
 * the stand-in in tests/fixture, plus a recording HTTP proxy that browsers
 * are pointed at. The proxy tunnels CONNECTs for the Facebook hosts to the
 * HTTPS server and refuses everything else, so every request a browser makes
 * to a non-loopback host shows up in one log.
 *
 * See tests/harness/README.md for the API.
 */
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { FIXTURE_HOSTS, renderFixturePage } from "../fixture/page.mjs";
import { bundleFixture } from "../fixture/build.mjs";
import { isBrowserNoise } from "./traffic.mjs";

const run = promisify(execFile);

// Certificate folders still present at exit (server not closed) are removed.
const liveCertDirs = new Set();
process.on("exit", () => {
  for (const dir of liveCertDirs) rmSync(dir, { recursive: true, force: true });
});

/** Hosts that the proxy lets through (tunnelled to the stand-in). */
export { FIXTURE_HOSTS };

/** Creates a throwaway self-signed certificate for www.facebook.com and *.facebook.com. */
async function makeCertificate(dir) {
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  await run("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
    "-keyout", key, "-out", cert,
    "-subj", "/CN=www.facebook.com",
    "-addext", "subjectAltName=DNS:www.facebook.com,DNS:*.facebook.com,DNS:facebook.com",
    "-addext", "basicConstraints=critical,CA:FALSE",
    "-addext", "extendedKeyUsage=serverAuth",
  ]);
  return { key: await readFile(key), cert: await readFile(cert), keyPath: key, certPath: cert };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address().port);
    });
  });
}

function readBody(req, limit = 8 * 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res, value, status = 200) {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
}

function hostOf(hostHeader = "") {
  return hostHeader.replace(/:\d+$/, "").toLowerCase();
}

/**
 * Starts the stand-in.
 *
 * @param {object} [options]
 * @param {number} [options.httpsPort=0] port of the HTTPS server (0: any free port; 443 for Firefox "direct" mode)
 * @param {number} [options.proxyPort=0] port of the recording proxy (0: any free port)
 * @param {string} [options.fixtureDir] serve a prebuilt app.js/app.css from this folder instead of
 *   bundling the stand-in in memory with esbuild (the default, ~0.2 s)
 * @returns {Promise<FixtureServer>}
 */
export async function startFixtureServer(options = {}) {
  const bundle = options.fixtureDir
    ? { js: await readFile(path.join(options.fixtureDir, "app.js")), css: await readFile(path.join(options.fixtureDir, "app.css")) }
    : await bundleFixture();
  const assets = {
    "/__fixture/app.js": { type: "text/javascript; charset=utf-8", body: bundle.js },
    "/__fixture/app.css": { type: "text/css; charset=utf-8", body: bundle.css },
  };
  const certDir = await mkdtemp(path.join(os.tmpdir(), "sotorko-fixture-cert-"));
  liveCertDirs.add(certDir);
  const tls = await makeCertificate(certDir);

  /** @type {Array<object>} */
  const requests = [];
  /** @type {Array<object>} */
  const posted = [];
  const routes = new Map();
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };

  const handle = async (req, res) => {
    const host = hostOf(req.headers.host);
    const url = new URL(req.url, `https://${host || "www.facebook.com"}`);
    const entry = {
      at: Date.now(),
      kind: "https",
      method: req.method,
      host,
      path: url.pathname + url.search,
      origin: req.headers.origin ?? null,
      referer: req.headers.referer ?? null,
      secFetchSite: req.headers["sec-fetch-site"] ?? null,
      allowed: FIXTURE_HOSTS.includes(host),
      // Set below: true when the path is part of the stand-in.
      known: true,
    };
    requests.push(entry);
    try {
      const route = routes.get(url.pathname);
      if (route) return await route(req, res, url);
      if (url.pathname === "/__record" && req.method === "POST") {
        const entry = JSON.parse(await readBody(req));
        posted.push({ ...entry, host, receivedAt: Date.now() });
        res.writeHead(204).end();
      } else if (url.pathname === "/__posted") {
        sendJson(res, posted);
      } else if (url.pathname === "/__requests") {
        sendJson(res, requests);
      } else if (url.pathname === "/__reset") {
        posted.length = 0;
        requests.length = 0;
        res.writeHead(204).end();
      } else if (assets[url.pathname]) {
        const asset = assets[url.pathname];
        res.writeHead(200, { "content-type": asset.type, "cache-control": "no-store" });
        res.end(asset.body);
      } else if (url.pathname === "/favicon.ico") {
        res.writeHead(204).end();
      } else {
        const page = renderFixturePage(url);
        if (!page) {
          entry.known = false;
          res.writeHead(404, { "content-type": "text/plain" }).end("not part of the stand-in");
        } else {
          res.writeHead(page.status, page.headers).end(page.body);
        }
      }
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error?.message ?? error));
    }
  };

  const httpsServer = https.createServer({ key: tls.key, cert: tls.cert }, handle);
  httpsServer.keepAliveTimeout = 1000;
  httpsServer.on("connection", track);
  const httpsPort = await listen(httpsServer, options.httpsPort ?? 0, "127.0.0.1");

  const proxy = http.createServer((req, res) => {
    // Plain-HTTP proxy request: absolute URL.
    let url;
    try {
      url = new URL(req.url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const host = url.hostname.toLowerCase();
    const allowed = FIXTURE_HOSTS.includes(host);
    requests.push({ at: Date.now(), kind: "proxy-http", method: req.method, host, port: Number(url.port || 80), path: url.pathname + url.search, allowed });
    if (allowed) {
      res.writeHead(301, { location: `https://${host}${url.pathname}${url.search}` }).end();
    } else {
      res.writeHead(403, { "content-type": "text/plain" }).end("blocked by the test proxy");
    }
  });
  proxy.on("connection", track);
  proxy.on("connect", (req, clientSocket, head) => {
    track(clientSocket);
    const [rawHost, rawPort] = req.url.split(/:(?=\d+$)/);
    const host = (rawHost ?? "").replace(/^\[|\]$/g, "").toLowerCase();
    const port = Number(rawPort || 443);
    const allowed = FIXTURE_HOSTS.includes(host) && port === 443;
    requests.push({ at: Date.now(), kind: "connect", method: "CONNECT", host, port, path: null, allowed });
    clientSocket.on("error", () => {});
    if (!allowed) {
      clientSocket.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n");
      return;
    }
    const upstream = net.connect(httpsPort, "127.0.0.1", () => {
      clientSocket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head?.length) upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    track(upstream);
    upstream.on("error", () => clientSocket.destroy());
    clientSocket.on("close", () => upstream.destroy());
  });
  const proxyPort = await listen(proxy, options.proxyPort ?? 0, "127.0.0.1");

  let closed = false;
  /** @typedef {ReturnType<typeof api>} FixtureServer */
  const api = () => ({
    /** Port of the HTTPS server on 127.0.0.1. */
    httpsPort,
    /** Port of the recording proxy on 127.0.0.1. */
    proxyPort,
    /** Folder with the throwaway certificate (cert.pem, key.pem). */
    certDir,
    /** PEM text of the certificate. */
    certPem: tls.cert.toString("utf8"),
    /** https://HOST/PATH as a browser should open it (hosts are mapped by the launchers). */
    url: (pathAndQuery = "/", host = "www.facebook.com") => `https://${host}${pathAndQuery.startsWith("/") ? "" : "/"}${pathAndQuery}`,
    /** Every request seen: HTTPS requests and proxy CONNECT/HTTP attempts, oldest first (a copy). */
    requests: () => requests.map((r) => ({ ...r })),
    /**
     * Requests to any host other than the stand-in's (all refused by the
     * proxy). The browsers' own background requests (BROWSER_NOISE_HOSTS in
     * traffic.mjs) are left out unless { strict: true }.
     */
    foreignRequests: ({ strict = false } = {}) =>
      requests.filter((r) => !r.allowed && (strict || !isBrowserNoise(r.host))).map((r) => ({ ...r })),
    /** What the stand-in posted (via POST /__record), oldest first (a copy). */
    posted: () => posted.map((p) => ({ ...p })),
    /** Waits until `predicate(posted())` is truthy; resolves with posted(). */
    waitForPosted: async (predicate = (list) => list.length > 0, { timeout = 5000 } = {}) => {
      const end = Date.now() + timeout;
      for (;;) {
        const list = posted.map((p) => ({ ...p }));
        if (predicate(list)) return list;
        if (Date.now() > end) throw new Error(`waitForPosted timed out after ${timeout} ms; posted: ${JSON.stringify(list)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    /** Clears the request log and the posted log. */
    reset: () => {
      posted.length = 0;
      requests.length = 0;
    },
    /** Adds a handler for an exact path on every stand-in host: handler(req, res, url). */
    addRoute: (pathname, handler) => routes.set(pathname, handler),
    /** Stops both servers and deletes the certificate. */
    close: async () => {
      if (closed) return;
      closed = true;
      for (const socket of sockets) socket.destroy();
      await Promise.all([new Promise((r) => httpsServer.close(r)), new Promise((r) => proxy.close(r))]);
      liveCertDirs.delete(certDir);
      await rm(certDir, { recursive: true, force: true });
    },
  });
  return api();
}

// Allow `node tests/harness/server.mjs` for manual poking.
if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  const server = await startFixtureServer({ httpsPort: Number(process.env.HTTPS_PORT ?? 0), proxyPort: Number(process.env.PROXY_PORT ?? 0) });
  console.log(`stand-in: https on 127.0.0.1:${server.httpsPort}, proxy on 127.0.0.1:${server.proxyPort}`);
  await writeFile(path.join(server.certDir, "ports.json"), JSON.stringify({ https: server.httpsPort, proxy: server.proxyPort }));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close().then(() => process.exit(0)));
}
