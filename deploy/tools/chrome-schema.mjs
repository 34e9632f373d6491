/**
 * The subset of JSON Schema that Chromium accepts for `storage.managed_schema`
 * (and its type checks on policy values), re-implemented for tests: it lets
 * the tests prove that the schema is one Chromium loads and that a policy
 * file passes Chromium's own check before it reaches our validator.
 */

/** Attributes Chromium's schema parser understands. */
export const SUPPORTED_ATTRIBUTES = new Set([
  "type",
  "title",
  "description",
  "properties",
  "additionalProperties",
  "patternProperties",
  "items",
  "enum",
  "minimum",
  "maximum",
  "pattern",
  "required",
  "id",
  "$ref",
]);

const TYPES = new Set(["object", "array", "string", "boolean", "integer", "number"]);

/** Problems that would make Chromium refuse the schema (and the extension). */
export function schemaProblems(schema, path = "(schema)", topLevel = true) {
  const problems = [];
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) {
    return [`${path}: a schema must be an object`];
  }
  for (const attribute of Object.keys(schema)) {
    if (!SUPPORTED_ATTRIBUTES.has(attribute)) problems.push(`${path}: unsupported attribute "${attribute}"`);
  }
  if (!TYPES.has(schema.type)) problems.push(`${path}: needs exactly one type, got ${JSON.stringify(schema.type)}`);
  if (topLevel) {
    if (schema.type !== "object") problems.push(`${path}: the top level must be of type object`);
    if ("additionalProperties" in schema) problems.push(`${path}: the top level cannot have additionalProperties`);
  }
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    problems.push(...schemaProblems(sub, `${path}.properties.${name}`, false));
  }
  if (schema.additionalProperties !== undefined) {
    problems.push(...schemaProblems(schema.additionalProperties, `${path}.additionalProperties`, false));
  }
  if (schema.type === "array") {
    if (!schema.items) problems.push(`${path}: an array needs items`);
    else problems.push(...schemaProblems(schema.items, `${path}.items`, false));
  }
  return problems;
}

function typeOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  return typeof value;
}

/**
 * Where `value` breaks `schema` the way Chromium checks it (types, enums,
 * known properties); an empty list when Chromium would accept it.
 */
export function valueProblems(value, schema, path = "") {
  const actual = typeOf(value);
  const typeMatches = actual === schema.type || (schema.type === "number" && actual === "integer");
  if (!typeMatches) return [`${path || "(value)"}: expected ${schema.type}, got ${actual}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} not in enum`];
  const problems = [];
  if (schema.type === "array") {
    value.forEach((item, i) => problems.push(...valueProblems(item, schema.items, `${path}[${i}]`)));
  }
  if (schema.type === "object") {
    for (const [key, sub] of Object.entries(value)) {
      const subSchema = schema.properties?.[key] ?? schema.additionalProperties;
      if (!subSchema) problems.push(`${path ? `${path}.` : ""}${key}: not in the schema`);
      else problems.push(...valueProblems(sub, subSchema, path ? `${path}.${key}` : key));
    }
  }
  return problems;
}
