import type { Face, Glyph } from './glyph-atlas';

export interface InkBox {
  readonly left: number;
  readonly top: number;
  /** Exclusive. */
  readonly right: number;
  readonly bottom: number;
}

export interface PlacedGlyph {
  readonly glyph: Glyph;
  /** Top-left corner of the glyph's mask. */
  readonly x: number;
  readonly y: number;
}

export interface TextLayout {
  readonly glyphs: readonly PlacedGlyph[];
  readonly ink: InkBox;
}

/**
 * `text` set in `face` on a baseline at y = 0 from pen x = 0, with whole-pixel pen positions
 * (fractional advances are accumulated, then rounded, so spacing never drifts). Null when the
 * face lacks a character.
 */
export function typeset(text: string, face: Face): TextLayout | null {
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  for (const character of text) {
    const glyph = face.glyph(character);
    if (!glyph) return null;
    glyphs.push({ glyph, x: Math.round(pen) + glyph.left, y: glyph.top });
    pen += glyph.advance;
  }
  if (glyphs.length === 0) return null;
  const ink = {
    left: Math.min(...glyphs.map((placed) => placed.x)),
    top: Math.min(...glyphs.map((placed) => placed.y)),
    right: Math.max(...glyphs.map((placed) => placed.x + placed.glyph.width)),
    bottom: Math.max(...glyphs.map((placed) => placed.y + placed.glyph.height)),
  };
  return { glyphs, ink };
}

/** The same layout moved so its ink is centred in a square of `sizePx`. */
export function centred(layout: TextLayout, sizePx: number): TextLayout {
  const { ink } = layout;
  const dx = Math.round((sizePx - (ink.right - ink.left)) / 2) - ink.left;
  const dy = Math.round((sizePx - (ink.bottom - ink.top)) / 2) - ink.top;
  return {
    glyphs: layout.glyphs.map((placed) => ({ glyph: placed.glyph, x: placed.x + dx, y: placed.y + dy })),
    ink: { left: ink.left + dx, top: ink.top + dy, right: ink.right + dx, bottom: ink.bottom + dy },
  };
}

/**
 * The largest face whose centred text satisfies `fits`, or the smallest face when none does
 * (a test checks that every count the tray can show fits some face).
 */
export function fitText(text: string, faces: readonly Face[], sizePx: number, fits: (ink: InkBox) => boolean): TextLayout | null {
  let smallest: TextLayout | null = null;
  for (const face of faces) {
    const layout = typeset(text, face);
    if (!layout) continue;
    const placed = centred(layout, sizePx);
    if (fits(placed.ink)) return placed;
    smallest = placed;
  }
  return smallest;
}
