import atlasJson from './glyph-atlas.json';

/** One glyph of one face: an alpha mask cropped to its ink, placed relative to pen and baseline. */
export interface Glyph {
  /** Pen advance in pixels (fractional; positions are rounded when a string is laid out). */
  readonly advance: number;
  /** Ink's left edge relative to the pen, and its top relative to the baseline (negative: above). */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** Coverage 0–255, row by row. */
  readonly alpha: Uint8Array;
}

export interface Face {
  readonly fontPx: number;
  glyph(character: string): Glyph | undefined;
}

interface StoredGlyph {
  readonly advance: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly alpha: string;
}

interface StoredAtlas {
  readonly sizes: Readonly<Record<string, ReadonlyArray<{ readonly fontPx: number; readonly glyphs: Readonly<Record<string, StoredGlyph>> }>>>;
}

const stored: StoredAtlas = atlasJson;
const decoded = new Map<number, readonly Face[]>();

function decodeFaces(iconPx: number): readonly Face[] {
  return (stored.sizes[String(iconPx)] ?? []).map(({ fontPx, glyphs }) => {
    const cache = new Map<string, Glyph>();
    return {
      fontPx,
      glyph(character) {
        let glyph = cache.get(character);
        const source = glyphs[character];
        if (!glyph && source) {
          glyph = { ...source, alpha: new Uint8Array(Buffer.from(source.alpha, 'base64')) };
          cache.set(character, glyph);
        }
        return glyph;
      },
    };
  });
}

/**
 * The faces rendered for an icon of `iconPx` pixels, largest first (`scripts/build-tray-glyphs.mjs`
 * draws them from the bundled typeface). Empty for a size the atlas was not drawn for.
 */
export function facesFor(iconPx: number): readonly Face[] {
  let faces = decoded.get(iconPx);
  if (!faces) {
    faces = decodeFaces(iconPx);
    decoded.set(iconPx, faces);
  }
  return faces;
}

/** The icon sizes the atlas holds: a 16 px icon at scale factors 1, 1.25, 1.5 and 2. */
export const ATLAS_ICON_SIZES: readonly number[] = Object.keys(stored.sizes).map(Number);
