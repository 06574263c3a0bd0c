import { describe, expect, it } from 'vitest';
import type { Face, Glyph } from '../../../src/core/tray-image/glyph-atlas';
import { centred, fitText, typeset } from '../../../src/core/tray-image/typeset';

/** A face whose every digit is a box `width` wide and `height` tall, advancing by `advance`. */
function boxes(fontPx: number, width: number, height: number, advance: number): Face {
  const glyph: Glyph = { advance, left: 0, top: -height, width, height, alpha: new Uint8Array(width * height).fill(255) };
  return { fontPx, glyph: (character) => (/\d/.test(character) ? glyph : undefined) };
}

describe('setting the count', () => {
  it('places glyphs on whole pixels, accumulating fractional advances so spacing never drifts', () => {
    const layout = typeset('123', boxes(10, 4, 8, 4.4));
    expect(layout?.glyphs.map((placed) => placed.x)).toEqual([0, 4, 9]);
    expect(layout?.ink).toEqual({ left: 0, top: -8, right: 13, bottom: 0 });
    expect(typeset('1x', boxes(10, 4, 8, 4))).toBeNull();
  });

  it('centres the ink in the icon', () => {
    const layout = typeset('12', boxes(10, 4, 8, 5));
    if (!layout) throw new Error('no layout');
    expect(centred(layout, 16).ink).toEqual({ left: 4, top: 4, right: 13, bottom: 12 });
  });

  it('takes the largest face that fits, else the smallest', () => {
    const faces = [boxes(14, 6, 12, 7), boxes(10, 4, 8, 5)];
    const fitsIn = (size: number) => (ink: { left: number; right: number }) => ink.right - ink.left <= size;
    expect(fitText('12', faces, 16, fitsIn(14))?.glyphs[0]?.glyph.width).toBe(6);
    expect(fitText('12', faces, 16, fitsIn(10))?.glyphs[0]?.glyph.width).toBe(4);
    expect(fitText('12', faces, 16, fitsIn(2))?.glyphs[0]?.glyph.width).toBe(4);
  });
});
