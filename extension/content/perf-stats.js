/**
 * In-memory timing of the content script's own event handlers (the longest
 * run and how many), for the in-browser performance harness
 * (tests/e2e/perf-extension.mjs reads them with the `sotorko:perf-stats`
 * message). Nothing is stored or sent anywhere else.
 */

/** The diagnostics message type, answered by the content script. */
export const MSG_PERF_STATS = "sotorko:perf-stats";

const stats = new Map();

/** Samples kept per name for percentiles (a ring buffer). */
const MAX_SAMPLES = 4096;

/** Wraps `fn` so each call's duration is recorded under `name`. */
export function timed(name, fn) {
  return function timedHandler(...args) {
    const t0 = performance.now();
    try {
      return fn.apply(this, args);
    } finally {
      record(name, performance.now() - t0);
    }
  };
}

/** Records one measured duration (for work that is not a single handler call). */
export function record(name, ms) {
  let s = stats.get(name);
  if (!s) {
    s = { count: 0, maxMs: 0, totalMs: 0, samples: [] };
    stats.set(name, s);
  }
  if (s.samples.length < MAX_SAMPLES) s.samples.push(ms);
  else s.samples[s.count % MAX_SAMPLES] = ms;
  s.count += 1;
  s.totalMs += ms;
  if (ms > s.maxMs) s.maxMs = ms;
}

/** The `p`th percentile of `values` (nearest rank). */
export function percentile(values, p) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A plain snapshot: `{ name: { count, maxMs, meanMs, p99Ms } }`. */
export function snapshot() {
  const out = {};
  for (const [name, s] of stats) {
    out[name] = { count: s.count, maxMs: s.maxMs, meanMs: s.count ? s.totalMs / s.count : 0, p99Ms: percentile(s.samples, 99) };
  }
  return out;
}

/** Clears every figure. */
export function reset() {
  stats.clear();
}
