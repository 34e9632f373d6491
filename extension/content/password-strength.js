/**
 * Password strength with zxcvbn-ts (a maintained TypeScript port of
 * Dropbox's zxcvbn): score 0 (too guessable) … 4 (very unguessable).
 * The dictionary is reduced to keep the package small (docs/review.md,
 * "Password strength"): the most common passwords of
 * @zxcvbn-ts/language-common plus its keyboard adjacency graphs. Nothing is
 * kept: the password is passed in, the score comes out.
 */

/** Default minimum score shown as acceptable (policy `minPasswordScore`). */
export const DEFAULT_MIN_PASSWORD_SCORE = 3;

/** The minimum score from a settings value (0–4), else the default. */
export function minScoreOf(value) {
  return Number.isInteger(value) && value >= 0 && value <= 4 ? value : DEFAULT_MIN_PASSWORD_SCORE;
}

/**
 * An estimator over `zxcvbnTs` (`{ zxcvbn, zxcvbnOptions }` of
 * @zxcvbn-ts/core) with `passwords` (most common first) and keyboard `graphs`.
 * Returns `estimate(password) → { score }` (score only; nothing else of the
 * password leaves the call).
 */
export function createEstimator({ zxcvbn, zxcvbnOptions }, { passwords, graphs }) {
  zxcvbnOptions.setOptions({ dictionary: { passwords }, graphs });
  return (password) => {
    const text = String(password ?? "");
    if (text === "") return { score: 0, empty: true };
    // zxcvbn's cost grows with length; the first 100 characters decide the score anyway.
    const result = zxcvbn(text.slice(0, 100));
    return { score: result.score, empty: false };
  };
}
