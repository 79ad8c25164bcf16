/**
 * Escaping for XML 1.0 (JUnit and SVG). The five markup characters become entities; characters XML
 * 1.0 cannot carry at all (C0 controls other than tab, line feed and carriage return) become the
 * visible text `\xNN`, as do DEL and the C1 block; lone surrogates and U+FFFE/U+FFFF become U+FFFD.
 */
function escapeXml(s: string, inAttribute: boolean): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    switch (ch) {
      case '&': out += '&amp;'; continue;
      case '<': out += '&lt;'; continue;
      case '>': out += '&gt;'; continue;
      case '"': out += '&quot;'; continue;
      case "'": out += '&apos;'; continue;
      // A parser normalises raw tab and line breaks in attribute values to spaces; references survive.
      case '\n': out += inAttribute ? '&#10;' : '\n'; continue;
      case '\t': out += inAttribute ? '&#9;' : '\t'; continue;
      case '\r': out += '&#13;'; continue;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
      out += `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`;
    } else if ((cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff) {
      out += '\uFFFD';
    } else {
      out += ch;
    }
  }
  return out;
}

/** `s` escaped for XML character data (line breaks and tabs kept as they are). */
export function xmlText(s: string): string {
  return escapeXml(s, false);
}

/** `s` escaped for a double- or single-quoted XML attribute value (line breaks kept as `&#10;`). */
export function xmlAttr(s: string): string {
  return escapeXml(s, true);
}
