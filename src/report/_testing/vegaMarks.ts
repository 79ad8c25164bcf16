import { elements, parseXml, type XmlElement } from './xml.js';

/** A mark container of a vega SVG: its mark type (rect, symbol, line, …), its name, and its items. */
export interface VegaMark {
  readonly type: string;
  readonly name: string;
  readonly items: number;
}

/**
 * Parses a vega SVG (strictly, as XML) and lists its data marks (role-mark containers, axes and
 * legends left out) in document order, with the number of items each drew. Test support only.
 */
export function vegaMarks(svg: string): { root: XmlElement; marks: VegaMark[] } {
  const root = parseXml(svg);
  const marks = elements(root).flatMap((e) => {
    const cls = (e.attrs['class'] ?? '').split(' ');
    if (e.name !== 'g' || !cls.includes('role-mark')) return [];
    const type = cls.find((c) => c.startsWith('mark-'))!.slice('mark-'.length);
    return [{ type, name: cls[cls.length - 1]!, items: e.children.filter((c) => typeof c !== 'string').length }];
  });
  return { root, marks };
}
