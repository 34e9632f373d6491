/**
 * One light periodic layout check per window, shared by everything of
 * Sotorko's that must follow the page's layout when it moves without an
 * event (the underlines, the panel): a single timer that runs only while
 * someone is watching, instead of one timer each.
 */

/** How often layout is re-checked for moves that fire no event (ms). */
export const LAYOUT_CHECK_MS = 400;

const clocks = new WeakMap();

/** The clock of `win` (created on first use). */
export function layoutClock(win) {
  let clock = clocks.get(win);
  if (!clock) {
    clock = new LayoutClock(win);
    clocks.set(win, clock);
  }
  return clock;
}

class LayoutClock {
  constructor(win) {
    this.win = win;
    this.timer = 0;
    /** watcher key → callback */
    this.watchers = new Map();
  }

  /** Calls `tick` on every check until `unwatch(key)`; watching again replaces the callback. */
  watch(key, tick) {
    this.watchers.set(key, tick);
    if (!this.timer && this.win?.setInterval) {
      this.timer = this.win.setInterval(() => this.tick(), LAYOUT_CHECK_MS);
    }
  }

  /** Stops calling `key`'s callback; the timer stops with the last watcher. */
  unwatch(key) {
    this.watchers.delete(key);
    if (this.watchers.size === 0 && this.timer) {
      this.win.clearInterval(this.timer);
      this.timer = 0;
    }
  }

  /** Whether `key` is watching. */
  watching(key) {
    return this.watchers.has(key);
  }

  tick() {
    for (const tick of [...this.watchers.values()]) {
      try {
        tick();
      } catch (err) {
        // One watcher's failure must not stop the others' checks.
        console.warn("Sotorko: layout check failed", err);
      }
    }
  }
}
