/**
 * One-shot permission for a held post to go through: bound to one composer,
 * the exact text that was confirmed and the kind of submit ("click" or
 * "enter"), valid once and only for a short time.
 */

/** How long a token stays valid after it is issued (the re-dispatch is synchronous; this is a safety margin). */
export const TOKEN_TTL_MS = 2000;

export class AllowTokens {
  constructor(now = () => Date.now()) {
    this.now = now;
    this.tokens = new Map();
  }

  /** Allows one submit of `text` from composer `composerId` by `kind`. */
  issue(composerId, text, kind) {
    this.tokens.set(composerId, { text, kind, expires: this.now() + TOKEN_TTL_MS });
  }

  /**
   * True (and the token is spent) when a valid token matches. A token whose
   * text or kind does not match is dropped, so a changed post is checked again.
   */
  consume(composerId, text, kind) {
    const token = this.tokens.get(composerId);
    if (!token) return false;
    this.tokens.delete(composerId);
    return token.expires >= this.now() && token.text === text && token.kind === kind;
  }

  /** True when a token is waiting for composer `composerId`. */
  has(composerId) {
    const token = this.tokens.get(composerId);
    return Boolean(token && token.expires >= this.now());
  }
}
