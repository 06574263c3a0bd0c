import type { NativeImage } from 'electron';
import type { ReadingStatus } from '../shared/settings-shapes';
import { renderSparkline, type SparklinePoint } from '../core/readings/sparkline';
import { TrayIconCache } from '../core/tray-image/tray-icon';

export interface ImageFactory {
  createEmpty(): NativeImage;
}

/** Logical tray icon size in Windows and Linux trays; displays with more pixels get a representation each. */
export const TRAY_ICON_BASE = 16;

/** The display scale factors trays ask for: 16, 20, 24 and 32 px images. */
export const TRAY_SCALE_FACTORS = [1, 1.25, 1.5, 2] as const;

/**
 * The count icon with a representation per scale factor, each drawn at its own pixel size (not
 * scaled), so the text is set for the pixels the panel really has.
 */
export function countIconFactory(images: ImageFactory): (visitors: number | null, status: ReadingStatus, sale?: boolean) => NativeImage {
  const cache = new TrayIconCache();
  return (visitors, status, sale = false) => {
    const image = images.createEmpty();
    for (const scaleFactor of TRAY_SCALE_FACTORS) {
      image.addRepresentation({ scaleFactor, buffer: cache.png(visitors, status, Math.round(TRAY_ICON_BASE * scaleFactor), sale) });
    }
    return image;
  };
}

const SPARK_WIDTH = 120;
const SPARK_HEIGHT = 24;

/** The last hour as a menu image at 1x and 2x, or null before there are two points. */
export function sparklineImage(images: ImageFactory, points: readonly SparklinePoint[], now: number): NativeImage | null {
  const from = now - 60 * 60_000;
  const image = images.createEmpty();
  for (const scaleFactor of [1, 2]) {
    const canvas = renderSparkline(points, from, now, SPARK_WIDTH * scaleFactor, SPARK_HEIGHT * scaleFactor);
    if (!canvas) return null;
    image.addRepresentation({ scaleFactor, buffer: canvas.toPng() });
  }
  return image;
}
