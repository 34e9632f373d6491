import test from "node:test";
import assert from "node:assert/strict";
import { isFacebookUrl } from "./facebook-url.js";
import { tabView } from "./tab-view.js";

test("isFacebookUrl accepts the four Facebook hosts over https only", () => {
  for (const host of ["www", "web", "m", "business"]) {
    assert.equal(isFacebookUrl(`https://${host}.facebook.com/some/page?x=1`), true, host);
  }
  assert.equal(isFacebookUrl("http://www.facebook.com/"), false);
  assert.equal(isFacebookUrl("https://www.facebook.com.evil.example/"), false);
  assert.equal(isFacebookUrl("https://www.messenger.com/"), false);
  assert.equal(isFacebookUrl("https://l.facebook.com/"), false);
  assert.equal(isFacebookUrl(undefined), false);
  assert.equal(isFacebookUrl("not a url"), false);
});

const info = (over) => ({ ok: true, enabled: true, context: "official", contextSource: "default", counts: { block: 0, warn: 0, advise: 0 }, composers: 1, ...over });

test("the switch is disabled with an explanation when enabled is locked", () => {
  const v = tabView(info({}), { enabledLocked: true });
  assert.equal(v.switchDisabled, true);
  assert.equal(v.showLockedNote, true);
  assert.equal(tabView(info({}), { enabledLocked: false }).switchDisabled, false);
});

test("the context choice is auto unless the official toggled it", () => {
  assert.equal(tabView(info({ contextSource: "business-suite" }), { enabledLocked: false }).contextChoice, "auto");
  const toggled = tabView(info({ context: "personal", contextSource: "toggle" }), { enabledLocked: false });
  assert.equal(toggled.contextChoice, "personal");
  assert.equal(toggled.contextNameKey, "contextPersonal");
  assert.equal(toggled.sourceKey, "contextSourceToggle");
});

test("the context choice is disabled when the ministry sets the context (locked officialByDefault/officialPages)", () => {
  assert.equal(tabView(info({}), { enabledLocked: false }).contextDisabled, false);
  const locked = tabView(info({ contextLocked: true, contextSource: "business-suite" }), { enabledLocked: false });
  assert.equal(locked.contextDisabled, true);
  assert.equal(locked.contextChoice, "auto");
});

test("counts and empty states", () => {
  assert.equal(tabView(info({ composers: 0 }), { enabledLocked: false }).emptyKey, "popupNoComposer");
  assert.equal(tabView(info({}), { enabledLocked: false }).emptyKey, "popupNoFindings");
  const v = tabView(info({ counts: { block: 1, warn: 2 } }), { enabledLocked: false });
  assert.equal(v.emptyKey, null);
  assert.deepEqual(v.counts, { block: 1, warn: 2, advise: 0 });
  const off = tabView(info({ enabled: false, counts: { warn: 3 } }), { enabledLocked: false });
  assert.equal(off.showOffNote, true);
  assert.equal(off.showCounts, false, "no stale counts while off");
  assert.equal(off.emptyKey, null);
  assert.equal(v.showCounts, true);
  assert.equal(tabView(info({ composers: 0 }), { enabledLocked: false }).showCounts, false);
});
