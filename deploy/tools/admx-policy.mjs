/**
 * One `<policy>` element of an ADMX template, shared by the Chrome/Edge
 * template (generate.mjs) and the Firefox one (firefox-admx.mjs): the same
 * element per key kind, with the browser's policy name, registry key,
 * category and support reference. Object-valued (`json`) keys differ by
 * browser: Chrome and Edge parse a one-line REG_SZ text box as JSON, Firefox
 * a multi-line REG_MULTI_SZ (`jsonElement: "multiText"`).
 */

/** Text escaped for an XML attribute or element. */
export function xml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The `<policy>` element for `key` with `texts` (`{ kind, choices? }`):
 * `{ name, regKey, category, supported, jsonElement = "text" }`.
 */
export function admxPolicyElement(key, texts, { name, regKey, category, supported, jsonElement = "text" }) {
  const head = `    <policy name="${name}" class="Both" displayName="$(string.${key})" explainText="$(string.${key}_Explain)" key="${xml(regKey)}"`;
  const meta = `      <parentCategory ref="${category}" />\n      <supportedOn ref="${supported}" />`;
  const withElements = (inner) => `${head} presentation="$(presentation.${key})">
${meta}
      <elements>
${inner}
      </elements>
    </policy>`;
  const textBox = `        <text id="${key}" valueName="${key}" maxLength="1048576" required="true" />`;
  switch (texts.kind) {
    case "bool":
      return `${head} valueName="${key}">
${meta}
      <enabledValue><decimal value="1" /></enabledValue>
      <disabledValue><decimal value="0" /></disabledValue>
    </policy>`;
    case "enum":
      return withElements(`        <enum id="${key}" valueName="${key}" required="true">
${texts.choices.map((c) => `          <item displayName="$(string.${key}_${c.value})"><value><string>${xml(c.value)}</string></value></item>`).join("\n")}
        </enum>`);
    case "list":
      return withElements(`        <list id="${key}" key="${xml(`${regKey}\\${key}`)}" valuePrefix="" />`);
    case "json":
      return withElements(
        jsonElement === "multiText" ? `        <multiText id="${key}" valueName="${key}" required="true" maxLength="1048576" />` : textBox,
      );
    case "text":
      return withElements(textBox);
    default:
      throw new Error(`unknown kind ${texts.kind} for ${key}`);
  }
}

/**
 * The ADML `<presentation>` for `key` in `lang` (null for a bool, which has
 * none): a drop-down, a list box, or a text box — multi-line for `json`
 * keys when `jsonElement` is "multiText" (Firefox).
 */
export function admlPresentationElement(key, texts, lang, { jsonElement = "text" } = {}) {
  const label = xml(texts[lang].title);
  const wrap = (inner) => `      <presentation id="${key}">
${inner}
      </presentation>`;
  switch (texts.kind) {
    case "bool":
      return null;
    case "enum":
      return wrap(`        <dropdownList refId="${key}" noSort="true" defaultItem="0">${label}</dropdownList>`);
    case "list":
      return wrap(`        <listBox refId="${key}">${label}</listBox>`);
    case "json":
      if (jsonElement === "multiText") return wrap(`        <multiTextBox refId="${key}" defaultHeight="8">${label}</multiTextBox>`);
      break;
    default:
      break;
  }
  return wrap(`        <textBox refId="${key}">
          <label>${label}</label>
        </textBox>`);
}
