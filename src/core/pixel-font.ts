/**
 * A 3×5 pixel font for the characters a tray count needs. Drawn, not loaded: trays on Windows
 * and Linux show only an image, and no font file or canvas library has to ship for it.
 */
const GLYPHS: Record<string, readonly string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '.##', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '.#.', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  k: ['#..', '#.#', '##.', '#.#', '#.#'],
  M: ['#.#', '###', '###', '#.#', '#.#'],
  '+': ['...', '.#.', '###', '.#.', '...'],
  '.': ['.', '.', '.', '.', '#'],
  '—': ['...', '...', '###', '...', '...'],
  '!': ['#', '#', '#', '.', '#'],
};

export const GLYPH_HEIGHT = 5;
const SPACING = 1;

export function glyphFor(character: string): readonly string[] {
  return GLYPHS[character] ?? GLYPHS['—'] ?? [];
}

/** Width in font pixels, with one pixel between glyphs. */
export function textWidth(text: string): number {
  const characters = Array.from(text);
  return characters.reduce((sum, character) => sum + (glyphFor(character)[0]?.length ?? 0), 0) + SPACING * Math.max(0, characters.length - 1);
}

/** Calls `plot` for every lit font pixel of `text`, left to right. */
export function forEachLitPixel(text: string, plot: (x: number, y: number) => void): void {
  let offset = 0;
  for (const character of text) {
    const glyph = glyphFor(character);
    glyph.forEach((row, y) => {
      Array.from(row).forEach((cell, x) => {
        if (cell === '#') plot(offset + x, y);
      });
    });
    offset += (glyph[0]?.length ?? 0) + SPACING;
  }
}
