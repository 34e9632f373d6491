/** Pure summary of what policy does, for the "Managed settings" section. */
import { SETTING_KEYS } from "../shared/settings-merge.js";

/**
 * Engine diagnostics (e.g. a custom rule that does not compile) count as
 * policy errors when the key they name was set by policy.
 *
 * @param {{ values: object, locked: string[], sources: object, policyErrors: {key: string, message: string}[] }} settings
 * @param {{key: string, message: string}[]} [engineDiagnostics]
 * @returns {{ any: boolean, inForce: {key: string, value: unknown}[], lockedAtDefault: string[], errors: {key: string, message: string}[] }}
 */
export function managedSummary(settings, engineDiagnostics = []) {
  const inForce = SETTING_KEYS.filter((key) => settings.sources[key] === "policy").map((key) => ({
    key,
    value: settings.values[key],
  }));
  const lockedAtDefault = settings.locked.filter((key) => settings.sources[key] !== "policy");
  const fromEngine = engineDiagnostics.filter(({ key }) => settings.sources[key] === "policy");
  const errors = [...(settings.policyErrors ?? []), ...fromEngine];
  return { any: inForce.length + lockedAtDefault.length + errors.length > 0, inForce, lockedAtDefault, errors };
}

/**
 * A readable display of one value: strings as they are, lists of strings one
 * per line, everything else as indented JSON.
 */
export function displayValue(value) {
  if (typeof value === "string") return value === "" ? '""' : value;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")) return value.join("\n");
  return JSON.stringify(value, null, 2);
}

/** The locale message key naming a setting, e.g. `settingOfficialPages`. */
export function settingLabelKey(key) {
  return `setting${key[0].toUpperCase()}${key.slice(1)}`;
}
