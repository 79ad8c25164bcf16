import { describe, expect, it } from 'vitest';
import { elements, parseXml, textContent } from './xml.js';

// The checker the report tests lean on must itself be able to say "no".
describe('parseXml (test support)', () => {
  it('reads elements, decoded attributes and text', () => {
    const root = parseXml(`<?xml version="1.0"?>\n<!-- c --><a x="1 &amp; &lt;2&gt;" y='&quot;&apos;&#10;'><b/>t &#x41;&#66;</a>\n`);
    expect(root.name).toBe('a');
    expect(root.attrs).toEqual({ x: '1 & <2>', y: `"'\n` });
    expect(elements(root).map((e) => e.name)).toEqual(['a', 'b']);
    expect(textContent(root)).toBe('t AB');
  });

  it.each([
    ['unbalanced', '<a><b></a>'],
    ['unclosed', '<a>'],
    ['raw ampersand', '<a>x & y</a>'],
    ['raw < in an attribute', '<a x="<"/>'],
    ['unquoted attribute', '<a x=1/>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['forbidden control character', '<a>\u001b[31m</a>'],
    ['reference to a forbidden character', '<a>&#1;</a>'],
    ['two roots', '<a/><b/>'],
    ['text after the root', '<a/>x'],
  ])('refuses %s', (_what, doc) => {
    expect(() => parseXml(doc)).toThrow(/ill-formed XML/);
  });
});
