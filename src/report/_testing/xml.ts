/** An element of a parsed XML document: name, attributes (entities decoded), children in order. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

/** XML 1.0 `Char`: tab, LF, CR, and the ranges below; anything else makes a document ill-formed. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A strict parser for the XML subset the reports write: an optional declaration, comments,
 * elements, quoted attributes, character data with the five predefined entities and character
 * references. Throws an Error naming the offset on anything ill-formed: an unbalanced or crossed
 * tag, a raw '&' or '<' where it cannot be, a duplicate attribute, a character XML 1.0 forbids,
 * a second root. Test support only (no DTDs, no namespaces checked).
 */
export function parseXml(doc: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`ill-formed XML at offset ${i}: ${why} (near ${JSON.stringify(doc.slice(i, i + 30))})`);
  };
  for (const ch of doc) if (!isXmlChar(ch.codePointAt(0) as number)) fail(`forbidden character U+${(ch.codePointAt(0) as number).toString(16)}`);

  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);?/g, (m, body: string) => {
      if (!m.endsWith(';')) fail(`raw '&' in ${JSON.stringify(raw)}`);
      if (body in PREDEFINED) return PREDEFINED[body];
      const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
      if (!num) fail(`unknown entity &${body};`);
      const cp = num![1] !== undefined ? parseInt(num![1], 16) : parseInt(num![2], 10);
      if (!isXmlChar(cp)) fail(`character reference to a forbidden character &${body};`);
      return String.fromCodePoint(cp);
    });
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(doc);
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const space = () => {
    while (i < doc.length && ' \t\r\n'.includes(doc[i])) i++;
  };
  const misc = () => {
    for (;;) {
      space();
      if (doc.startsWith('<!--', i)) {
        const end = doc.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        if (doc.slice(i + 4, end).includes('--')) fail("'--' inside a comment");
        i = end + 3;
      } else return;
    }
  };

  const element = (): XmlElement => {
    if (doc[i] !== '<') fail("expected '<'");
    i++;
    const tag = name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      space();
      if (doc.startsWith('/>', i)) {
        i += 2;
        return { name: tag, attrs, children: [] };
      }
      if (doc[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace before an attribute');
      const key = name();
      if (key in attrs) fail(`duplicate attribute ${key}`);
      space();
      if (doc[i] !== '=') fail("expected '='");
      i++;
      space();
      const q = doc[i];
      if (q !== '"' && q !== "'") fail('attribute value not quoted');
      const end = doc.indexOf(q, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = doc.slice(i + 1, end);
      if (raw.includes('<')) fail("raw '<' in an attribute value");
      attrs[key] = decode(raw);
      i = end + 1;
    }
    const children: (XmlElement | string)[] = [];
    for (;;) {
      if (i >= doc.length) fail(`unclosed <${tag}>`);
      if (doc.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        space();
        if (doc[i] !== '>') fail("expected '>'");
        i++;
        return { name: tag, attrs, children };
      }
      if (doc.startsWith('<!--', i)) {
        misc();
        continue;
      }
      if (doc.startsWith('<![CDATA[', i)) {
        const end = doc.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        children.push(doc.slice(i + 9, end));
        i = end + 3;
        continue;
      }
      if (doc[i] === '<') {
        children.push(element());
        continue;
      }
      const next = doc.indexOf('<', i);
      const raw = doc.slice(i, next < 0 ? doc.length : next);
      if (raw.includes(']]>')) fail("']]>' in character data");
      children.push(decode(raw));
      i += raw.length;
    }
  };

  if (doc.startsWith('<?xml', 0)) {
    const end = doc.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  misc();
  const root = element();
  misc();
  if (i !== doc.length) fail('content after the root element');
  return root;
}

/** Every element in document order, the root first. */
export function elements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap((c) => (typeof c === 'string' ? [] : elements(c)))];
}

/** The text content of an element (its character data and its descendants', concatenated). */
export function textContent(e: XmlElement): string {
  return e.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
