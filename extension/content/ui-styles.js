/**
 * Styles of the shadow root: panel, card, dialog, notice and the overlay
 * underlines (nothing is added to the page's own styles). Colours: block
 * red, warn amber, advise blue, each with a light and a dark-mode variant.
 * Underlines: a light tint over the words and, below them, a wavy line
 * (block, warn) or a dotted one (advise), drawn with CSS gradients (no
 * images, so a page CSP cannot block them). Contrast meets WCAG 2.2 AA in both (text 4.5:1,
 * white on --accent 4.8:1; tests/e2e/accessibility.test.mjs measures it).
 */

/** Shadow-root styles. */
export const UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.s-root { --bg: #ffffff; --fg: #1c1e21; --muted: #65676b; --border: #ced0d4; --shadow: 0 8px 24px rgba(0,0,0,.18);
  --block: #b91c1c; --block-bg: #fee2e2; --warn: #92400e; --warn-bg: #fef3c7; --advise: #1d4ed8; --advise-bg: #dbeafe;
  --line-block: #dc2626; --line-warn: #d97706; --line-advise: #2563eb; --accent: #0866ff; --accent-fg: #ffffff;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans Bengali", "Hind Siliguri", Roboto, sans-serif; color: var(--fg); }
:host([data-theme="dark"]) .s-root { --bg: #242526; --fg: #e4e6eb; --muted: #b0b3b8; --border: #3e4042; --shadow: 0 8px 24px rgba(0,0,0,.6);
  --block: #fca5a5; --block-bg: #4c1d1d; --warn: #fcd34d; --warn-bg: #45350f; --advise: #93c5fd; --advise-bg: #1e2f4f;
  --line-block: #f87171; --line-warn: #fbbf24; --line-advise: #60a5fa; --accent: #1b6ee0; --accent-fg: #ffffff; }
.s-panel { position: fixed; width: 320px; max-height: min(60vh, 420px); overflow: auto; background: var(--bg); color: var(--fg);
  border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow); padding: 10px 12px; z-index: 2; }
.s-panel[hidden], .s-card[hidden], .s-notice[hidden], .s-backdrop[hidden] { display: none; }
.s-head { display: flex; align-items: center; gap: 8px; justify-content: space-between; }
.s-title { font-weight: 700; font-size: 14px; }
.s-toggle { background: none; border: 1px solid var(--border); color: var(--fg); border-radius: 6px; padding: 2px 8px; font: inherit; font-size: 12px; cursor: pointer; }
.s-counts { display: flex; gap: 6px; flex-wrap: wrap; margin: 6px 0; }
.s-count { border-radius: 999px; padding: 1px 8px; font-size: 12px; font-weight: 600; }
.s-count[data-severity="block"], .s-badge[data-severity="block"] { background: var(--block-bg); color: var(--block); }
.s-count[data-severity="warn"], .s-badge[data-severity="warn"] { background: var(--warn-bg); color: var(--warn); }
.s-count[data-severity="advise"], .s-badge[data-severity="advise"] { background: var(--advise-bg); color: var(--advise); }
.s-context { color: var(--muted); font-size: 12px; margin-bottom: 6px; }
.s-it { margin-bottom: 6px; font-size: 12px; }
.s-it textarea { width: 100%; box-sizing: border-box; font: 11px/1.3 monospace; resize: vertical; }
.s-unguarded { border-left: 3px solid var(--block); padding: 4px 8px; margin-bottom: 6px; font-size: 12px; }
.s-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.s-finding { border: 1px solid var(--border); border-left-width: 4px; border-radius: 8px; padding: 6px 8px; outline-offset: 2px; }
.s-finding:hover, .s-finding:focus-within { outline: 2px solid var(--accent); }
.s-finding-button { all: unset; display: block; width: 100%; cursor: pointer; color: inherit; font: inherit; text-align: start; }
.s-finding-body > span { display: block; }
.s-finding[data-severity="block"] { border-left-color: var(--line-block); }
.s-finding[data-severity="warn"] { border-left-color: var(--line-warn); }
.s-finding[data-severity="advise"] { border-left-color: var(--line-advise); }
.s-badge { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 11px; font-weight: 700; margin-right: 6px; }
.s-category { font-weight: 700; }
.s-clause { color: var(--muted); font-size: 12px; }
.s-excerpt { font-style: italic; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.s-message { margin-top: 2px; }
.s-card { position: fixed; width: 300px; background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 10px;
  box-shadow: var(--shadow); padding: 8px 10px; z-index: 3; pointer-events: none; }
.s-overlay { position: fixed; inset: 0; pointer-events: none; z-index: 1; overflow: hidden; }
.s-mark { --c: var(--line-warn); --tint: rgba(217, 119, 6, 0.16); display: contents; }
.s-mark[data-severity="block"] { --c: var(--line-block); --tint: rgba(220, 38, 38, 0.16); }
.s-mark[data-severity="advise"] { --c: var(--line-advise); --tint: rgba(37, 99, 235, 0.12); }
:host([data-theme="dark"]) .s-mark { --tint: rgba(251, 191, 36, 0.20); }
:host([data-theme="dark"]) .s-mark[data-severity="block"] { --tint: rgba(248, 113, 113, 0.22); }
:host([data-theme="dark"]) .s-mark[data-severity="advise"] { --tint: rgba(96, 165, 250, 0.18); }
.s-line { position: fixed; pointer-events: none; background: var(--tint); }
.s-line::after { content: ""; position: absolute; left: 0; right: 0; bottom: -3px; height: 4px;
  background: radial-gradient(circle at 50% 0, transparent 1.4px, var(--c) 1.6px 2.6px, transparent 2.8px) 0 0 / 6px 4px repeat-x,
    radial-gradient(circle at 50% 100%, transparent 1.4px, var(--c) 1.6px 2.6px, transparent 2.8px) 3px 0 / 6px 4px repeat-x; }
.s-mark[data-severity="advise"] .s-line::after { bottom: -2px; height: 0; background: none; border-bottom: 2px dotted var(--c); }
.s-backdrop { position: fixed; inset: 0; width: 100vw; height: 100vh; background: rgba(0,0,0,.32); z-index: 10; display: flex; align-items: center; justify-content: center; }
.s-dialog { width: min(520px, calc(100vw - 32px)); max-height: calc(100vh - 64px); overflow: auto; background: var(--bg); color: var(--fg);
  border-radius: 12px; box-shadow: var(--shadow); padding: 16px 18px; }
.s-dialog h2 { margin: 0 0 6px; font-size: 18px; }
.s-dialog p { margin: 6px 0; }
.s-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; flex-wrap: wrap; }
.s-button { font: inherit; font-weight: 600; border-radius: 6px; padding: 6px 14px; cursor: pointer; border: 1px solid var(--border); background: var(--bg); color: var(--fg); }
.s-button.s-primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
.s-button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.s-button.s-false-alarm { display: block; margin-top: 4px; padding: 2px 8px; font-size: 12px; font-weight: 500; }
.s-button.s-false-alarm[disabled] { cursor: default; opacity: 0.75; }
.s-meter { position: fixed; width: 300px; background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 8px; box-shadow: var(--shadow); padding: 8px 10px; font-size: 13px; }
.s-meter[hidden] { display: none; }
.s-meter-bar { display: flex; gap: 3px; margin-bottom: 4px; }
.s-meter-bar span { flex: 1; height: 6px; border-radius: 3px; background: var(--border); }
.s-meter[data-acceptable="false"] .s-meter-bar .s-on { background: var(--line-block); }
.s-meter[data-acceptable="true"] .s-meter-bar .s-on { background: #16a34a; }
.s-meter-score { font-weight: 600; }
.s-meter-weak { color: var(--block); }
.s-meter-note { color: var(--muted); font-size: 12px; margin-top: 2px; }
.s-strict { background: var(--block-bg); color: var(--block); border-radius: 6px; padding: 6px 8px; }
.s-reason { display: flex; flex-direction: column; gap: 4px; margin-top: 8px; }
.s-reason textarea { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 6px; min-height: 60px; }
.s-error { color: var(--block); font-size: 12px; }
.s-notice { position: fixed; right: 16px; bottom: 16px; max-width: 360px; background: var(--bg); color: var(--fg); border: 1px solid var(--border);
  border-left: 4px solid var(--line-warn); border-radius: 8px; box-shadow: var(--shadow); padding: 8px 10px; z-index: 11; display: flex; gap: 8px; align-items: flex-start; }
.s-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
