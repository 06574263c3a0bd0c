export const FONT: string;
export const ATLAS: string;
export const CHARACTERS: string;
export const ICON_SIZES: number[];
export function buildGlyphAtlas(fontPath?: string): unknown;
export function atlasJson(atlas: unknown): string;
