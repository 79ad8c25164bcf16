import { describe, expect, it } from 'vitest';
import { parseXml } from '../_testing/xml.js';
import { xmlAttr, xmlText } from './xml.js';

describe('xmlText and xmlAttr', () => {
  const nasty = `a<&>"'b\u0000\u001b[1m\u007f\uD800\uFFFE\ttab\nline\rcr`;

  it('escape the five markup characters', () => {
    expect(xmlText(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  it('round-trip through a strict parser, controls made visible', () => {
    const doc = parseXml(`<r a="${xmlAttr(nasty)}">${xmlText(nasty)}</r>`);
    const expected = `a<&>"'b\\x00\\x1B[1m\\x7F\uFFFD\uFFFD\ttab\nline\rcr`;
    expect(doc.attrs['a']).toBe(expected);
    expect(doc.children.join('')).toBe(expected);
  });

  it('keep line breaks in attributes as references (a parser would turn raw ones into spaces)', () => {
    expect(xmlAttr('a\nb\tc')).toBe('a&#10;b&#9;c');
  });
});
