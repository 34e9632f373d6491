/**
 * Reads Windows .reg files and turns a registry policy key into the JSON
 * policy Chromium builds from it, following Chromium's registry rules
 * (components/policy/core/common/registry_dict.cc): DWORDs become booleans
 * where the schema says boolean, a subkey of numbered values becomes a list,
 * and a REG_SZ holding JSON becomes an object or list. REG_MULTI_SZ is not
 * read by Chromium, so it is rejected here too.
 */

/** Parses a .reg file (UTF-16LE with BOM, or UTF-8) into Map(keyPath -> Map(name -> value)). */
export function parseRegFile(buffer) {
  const text = buffer[0] === 0xff && buffer[1] === 0xfe ? buffer.subarray(2).toString("utf16le") : buffer.toString("utf8");
  const rawLines = text.split(/\r?\n/);
  if (rawLines[0] !== "Windows Registry Editor Version 5.00") {
    throw new Error('a .reg file must start with "Windows Registry Editor Version 5.00"');
  }
  // Join continuation lines ending in a backslash (used by hex values).
  const lines = [];
  for (let i = 1; i < rawLines.length; i += 1) {
    let line = rawLines[i];
    while (/^"[^"]*"=hex/.test(line.trimStart()) && line.endsWith("\\") && i + 1 < rawLines.length) {
      i += 1;
      line = line.slice(0, -1) + rawLines[i].trim();
    }
    lines.push([i + 1, line]);
  }
  const keys = new Map();
  let current = null;
  for (const [number, line] of lines) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith(";")) continue;
    const section = /^\[(-?)([^\]]+)\]$/.exec(trimmed);
    if (section) {
      const path = section[2];
      if (section[1] === "-") {
        for (const key of [...keys.keys()]) if (key === path || key.startsWith(`${path}\\`)) keys.delete(key);
        current = null;
      } else {
        if (!keys.has(path)) keys.set(path, new Map());
        current = keys.get(path);
      }
      continue;
    }
    if (!current) throw new Error(`line ${number}: a value outside a [key] section`);
    const value = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(trimmed);
    if (!value) throw new Error(`line ${number}: cannot read ${JSON.stringify(trimmed.slice(0, 40))}`);
    const name = value[1].replace(/\\(.)/g, "$1");
    current.set(name, parseRegData(value[2], number));
  }
  return keys;
}

function parseRegData(data, number) {
  const string = /^"((?:[^"\\]|\\.)*)"$/.exec(data);
  if (string) return string[1].replace(/\\(.)/g, "$1");
  const dword = /^dword:([0-9a-fA-F]{8})$/.exec(data);
  if (dword) return parseInt(dword[1], 16);
  const hex = /^hex\(([0-9a-f]+)\):([0-9a-fA-F,\s]*)$/.exec(data);
  if (hex) {
    const bytes = Buffer.from(hex[2].split(",").map((b) => b.trim()).filter(Boolean).map((b) => parseInt(b, 16)));
    if (hex[1] === "1" || hex[1] === "2") {
      const decoded = bytes.toString("utf16le");
      if (!decoded.endsWith("\0")) throw new Error(`line ${number}: a REG_SZ must end with a NUL character`);
      return decoded.slice(0, -1);
    }
    throw new Error(`line ${number}: hex(${hex[1]}) values (e.g. REG_MULTI_SZ) are not read by Chromium`);
  }
  throw new Error(`line ${number}: unsupported value data ${JSON.stringify(data.slice(0, 30))}`);
}

function jsonType(value) {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  return typeof value === "number" ? "integer" : typeof value;
}

/** Chromium's ConvertRegistryValue: a registry value (string or DWORD) to the schema's type. */
function convertValue(value, schema) {
  if (!schema) return value;
  const type = jsonType(value);
  if (type === schema.type) return value;
  if (schema.type === "boolean") {
    if (typeof value === "number") return value !== 0;
    if (typeof value === "string" && /^-?[0-9]+$/.test(value)) return parseInt(value, 10) !== 0;
  }
  if (schema.type === "integer" && typeof value === "string" && /^-?[0-9]+$/.test(value)) return parseInt(value, 10);
  if ((schema.type === "array" || schema.type === "object") && typeof value === "string") {
    try {
      const parsed = JSON.parse(value);
      if (jsonType(parsed) === schema.type || (schema.type === "object" && jsonType(parsed) === "object")) return parsed;
    } catch {
      // falls through: not convertible
    }
  }
  return undefined;
}

/** Chromium's RegistryDict::ConvertToJSON for the key at `path` of a parsed .reg file. */
export function registryToPolicy(keys, path, schema) {
  const values = keys.get(path) ?? new Map();
  const subkeys = [...keys.keys()].filter((k) => k.startsWith(`${path}\\`) && !k.slice(path.length + 1).includes("\\"));
  if (schema.type === "array") {
    const list = [];
    // Chromium keeps value names in a case-insensitive sorted map, so "10" comes before "2".
    const sorted = [...values].sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    for (const [name, value] of sorted) {
      if (!/^-?[0-9]+$/.test(name)) continue;
      const converted = convertValue(value, schema.items);
      if (converted !== undefined) list.push(converted);
    }
    return list;
  }
  const result = {};
  for (const [name, value] of values) {
    const sub = schema.properties?.[name] ?? schema.additionalProperties;
    const converted = convertValue(value, sub);
    if (converted !== undefined) result[name] = converted;
  }
  for (const subkey of subkeys) {
    const name = subkey.slice(path.length + 1);
    const sub = schema.properties?.[name] ?? schema.additionalProperties ?? { type: "object" };
    result[name] = registryToPolicy(keys, subkey, sub);
  }
  return result;
}
