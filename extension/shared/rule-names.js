/**
 * Short names for rules, shown where a rule is listed without its finding
 * (the options page's activity log). A rule's name is the first sentence
 * of its message in the UI language, without the guideline reference in
 * brackets: "Praising or attacking a party or its leader is political
 * discussion" for `political.party-praise`.
 */

const MAX_NAME = 120;

/** The name of a rule from its message text (one language). */
export function ruleNameFromMessage(message) {
  const text = String(message ?? "").trim();
  const first = text.split(/\s+\(|[.।!?](?:\s|$)/u)[0].trim();
  const name = first || text;
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

/**
 * `{ [ruleId]: { en, bn } }` from the engine's rule list
 * (`[{ id, message: { en, bn } }]`); entries without an id are skipped.
 */
export function ruleNamesFrom(rules) {
  const names = {};
  for (const rule of Array.isArray(rules) ? rules : []) {
    if (typeof rule?.id !== "string") continue;
    names[rule.id] = { en: ruleNameFromMessage(rule.message?.en), bn: ruleNameFromMessage(rule.message?.bn ?? rule.message?.en) };
  }
  return names;
}

/** The name of rule `id` in `lang`, or null when the rule is not known. */
export function ruleName(names, id, lang) {
  const entry = names?.[id];
  if (!entry) return null;
  return (lang === "bn" ? entry.bn : entry.en) || entry.en || null;
}
