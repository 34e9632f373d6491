import { test } from "node:test";
import assert from "node:assert/strict";
import { layoutClock, LAYOUT_CHECK_MS } from "./layout-clock.js";

function fakeWindow() {
  const timers = new Map();
  let next = 1;
  return {
    timers,
    setInterval(fn, ms) {
      const id = next++;
      timers.set(id, { fn, ms });
      return id;
    },
    clearInterval(id) {
      timers.delete(id);
    },
    fire() {
      for (const { fn } of [...timers.values()]) fn();
    },
  };
}

test("one timer for every watcher of a window, running only while someone watches", () => {
  const win = fakeWindow();
  const clock = layoutClock(win);
  assert.equal(layoutClock(win), clock, "one clock per window");
  assert.equal(win.timers.size, 0);
  const calls = [];
  clock.watch("underlines", () => calls.push("underlines"));
  clock.watch("panel", () => calls.push("panel"));
  assert.equal(win.timers.size, 1);
  assert.equal([...win.timers.values()][0].ms, LAYOUT_CHECK_MS);
  win.fire();
  assert.deepEqual(calls, ["underlines", "panel"]);
  clock.unwatch("underlines");
  assert.equal(win.timers.size, 1, "the panel still watches");
  win.fire();
  assert.deepEqual(calls, ["underlines", "panel", "panel"]);
  clock.unwatch("panel");
  assert.equal(win.timers.size, 0, "no watcher, no timer");
  clock.unwatch("panel");
  assert.equal(win.timers.size, 0);
});

test("watching again replaces the callback and keeps one timer", () => {
  const win = fakeWindow();
  const clock = layoutClock(win);
  const calls = [];
  clock.watch("panel", () => calls.push(1));
  clock.watch("panel", () => calls.push(2));
  assert.equal(win.timers.size, 1);
  assert.ok(clock.watching("panel"));
  win.fire();
  assert.deepEqual(calls, [2]);
});

test("a failing watcher does not stop the others", () => {
  const win = fakeWindow();
  const clock = layoutClock(win);
  const calls = [];
  const warn = console.warn;
  console.warn = () => {};
  try {
    clock.watch("broken", () => {
      throw new Error("detached");
    });
    clock.watch("panel", () => calls.push("panel"));
    win.fire();
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(calls, ["panel"]);
});

test("separate windows have separate clocks", () => {
  const a = fakeWindow();
  const b = fakeWindow();
  layoutClock(a).watch("panel", () => {});
  assert.equal(a.timers.size, 1);
  assert.equal(b.timers.size, 0);
  assert.notEqual(layoutClock(a), layoutClock(b));
});
