/**
 * A small, strict XML 1.0 well-formedness parser for the ADMX/ADML templates:
 * one root element, properly nested and closed tags, quoted and unique
 * attributes, only the predefined and numeric entities, no stray `<` or `&`.
 * It throws an Error naming the line on the first problem and returns a
 * simple tree `{ name, attributes, children, text }` otherwise. No DTDs
 * (the templates have none).
 */

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/;
const PREDEFINED = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function lineAt(source, index) {
  let line = 1;
  for (let i = 0; i < index && i < source.length; i += 1) if (source[i] === "\n") line += 1;
  return line;
}

function decodeEntities(raw, source, offset) {
  return raw.replace(/&([^;&<]*);?/g, (match, body, at) => {
    const where = `line ${lineAt(source, offset + at)}`;
    if (!match.endsWith(";")) throw new Error(`${where}: "&" must start an entity such as &amp;`);
    if (body in PREDEFINED) return PREDEFINED[body];
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (!numeric) throw new Error(`${where}: unknown entity &${body};`);
    const code = numeric[1] ? parseInt(numeric[1], 16) : parseInt(numeric[2], 10);
    if (code === 0 || code > 0x10ffff) throw new Error(`${where}: invalid character reference &${body};`);
    return String.fromCodePoint(code);
  });
}

/** Parses `source`; throws on the first well-formedness error. */
export function parseXml(source) {
  let pos = 0;
  const fail = (message, at = pos) => {
    throw new Error(`line ${lineAt(source, at)}: ${message}`);
  };
  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  if (source.startsWith("<?xml", pos)) {
    const end = source.indexOf("?>", pos);
    if (end < 0) fail("unterminated XML declaration");
    if (!/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(source.slice(pos, end))) {
      fail("malformed XML declaration");
    }
    pos = end + 2;
  }
  const stack = [];
  let root = null;
  while (pos < source.length) {
    const lt = source.indexOf("<", pos);
    const textEnd = lt < 0 ? source.length : lt;
    const text = source.slice(pos, textEnd);
    if (text.includes(">") && text.includes("]]>")) fail('"]]>" is not allowed in text');
    if (stack.length === 0) {
      if (text.trim() !== "") fail("text outside the root element");
    } else {
      stack[stack.length - 1].text += decodeEntities(text, source, pos);
    }
    if (lt < 0) break;
    pos = lt;
    if (source.startsWith("<!--", pos)) {
      const end = source.indexOf("-->", pos + 4);
      if (end < 0) fail("unterminated comment");
      if (source.slice(pos + 4, end).includes("--")) fail('"--" inside a comment');
      pos = end + 3;
    } else if (source.startsWith("<?", pos)) {
      const end = source.indexOf("?>", pos);
      if (end < 0) fail("unterminated processing instruction");
      if (/^<\?xml[\s?]/i.test(source.slice(pos, pos + 6))) fail("XML declaration not at the start");
      pos = end + 2;
    } else if (source.startsWith("<![CDATA[", pos)) {
      if (stack.length === 0) fail("CDATA outside the root element");
      const end = source.indexOf("]]>", pos);
      if (end < 0) fail("unterminated CDATA section");
      stack[stack.length - 1].text += source.slice(pos + 9, end);
      pos = end + 3;
    } else if (source.startsWith("<!", pos)) {
      fail("DTDs and declarations are not supported here");
    } else if (source.startsWith("</", pos)) {
      const match = NAME.exec(source.slice(pos + 2));
      if (!match) fail("malformed end tag");
      const name = match[0];
      let after = pos + 2 + name.length;
      while (/\s/.test(source[after] ?? "")) after += 1;
      if (source[after] !== ">") fail(`malformed end tag </${name}`);
      const open = stack.pop();
      if (!open) fail(`end tag </${name}> without a start tag`);
      if (open.name !== name) fail(`end tag </${name}> does not match <${open.name}>`);
      pos = after + 1;
    } else {
      const match = NAME.exec(source.slice(pos + 1));
      if (!match) fail('"<" must start a tag; write &lt; in text');
      const element = { name: match[0], attributes: {}, children: [], text: "" };
      pos += 1 + match[0].length;
      for (;;) {
        const spaceStart = pos;
        while (/\s/.test(source[pos] ?? "")) pos += 1;
        if (source.startsWith("/>", pos) || source[pos] === ">") break;
        if (pos >= source.length) fail(`unterminated start tag <${element.name}`);
        if (pos === spaceStart) fail(`attributes of <${element.name}> must be separated by white space`);
        const attr = NAME.exec(source.slice(pos));
        if (!attr) fail(`malformed attribute in <${element.name}>`);
        pos += attr[0].length;
        while (/\s/.test(source[pos] ?? "")) pos += 1;
        if (source[pos] !== "=") fail(`attribute ${attr[0]} needs a value`);
        pos += 1;
        while (/\s/.test(source[pos] ?? "")) pos += 1;
        const quote = source[pos];
        if (quote !== '"' && quote !== "'") fail(`the value of ${attr[0]} must be quoted`);
        const close = source.indexOf(quote, pos + 1);
        if (close < 0) fail(`unterminated value of ${attr[0]}`);
        const raw = source.slice(pos + 1, close);
        if (raw.includes("<")) fail(`"<" in the value of ${attr[0]}`);
        if (Object.hasOwn(element.attributes, attr[0])) fail(`duplicate attribute ${attr[0]} in <${element.name}>`);
        element.attributes[attr[0]] = decodeEntities(raw, source, pos + 1);
        pos = close + 1;
      }
      const selfClosing = source.startsWith("/>", pos);
      pos += selfClosing ? 2 : 1;
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else if (root) fail("more than one root element");
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail("no root element");
  return root;
}

/** Every descendant element named `name`, depth first. */
export function findAll(element, name) {
  const found = [];
  for (const child of element.children) {
    if (child.name === name) found.push(child);
    found.push(...findAll(child, name));
  }
  return found;
}
