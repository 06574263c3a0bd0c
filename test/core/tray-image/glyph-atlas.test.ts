import { describe, expect, it } from 'vitest';
import { ATLAS_ICON_SIZES, facesFor } from '../../../src/core/tray-image/glyph-atlas';

describe('the glyph atlas', () => {
  it('holds faces for a 16 px icon at each scale factor, largest first, with every character a count needs', () => {
    expect(ATLAS_ICON_SIZES).toEqual(expect.arrayContaining([16, 20, 24, 32]));
    for (const size of ATLAS_ICON_SIZES) {
      const faces = facesFor(size);
      expect(faces.length).toBeGreaterThan(0);
      expect(faces.map((face) => face.fontPx)).toEqual([...faces.map((face) => face.fontPx)].sort((a, b) => b - a));
      for (const character of '0123456789.kM+!…<') expect(faces[0]?.glyph(character), `${character} at ${size} px`).toBeDefined();
    }
  });

  it('gives each glyph a mask the size of its ink, and nothing for a size it was not drawn for', () => {
    const glyph = facesFor(16)[0]?.glyph('8');
    expect(glyph?.alpha.length).toBe((glyph?.width ?? 0) * (glyph?.height ?? 0));
    expect(facesFor(17)).toEqual([]);
  });
});
