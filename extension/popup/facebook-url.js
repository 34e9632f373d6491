/** The Facebook hosts Sotorko runs on (the manifest's host permissions). */
export const FACEBOOK_HOSTS = Object.freeze([
  "www.facebook.com",
  "web.facebook.com",
  "m.facebook.com",
  "business.facebook.com",
]);

/**
 * True when `url` is an https page on one of {@link FACEBOOK_HOSTS}. Tabs on
 * other sites report no URL to the popup (no "tabs" permission), which is false here.
 */
export function isFacebookUrl(url) {
  if (typeof url !== "string" || url === "") return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && FACEBOOK_HOSTS.includes(parsed.hostname);
  } catch {
    return false;
  }
}
