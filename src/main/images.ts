import type { NativeImage } from 'electron';
import type { TrayStatus } from '../core/presenter';
import { renderSparkline, type SparklinePoint } from '../core/sparkline';
import { TrayIconCache } from '../core/tray-icon';

export interface ImageFactory {
  createEmpty(): NativeImage;
}

/** Logical tray icon size: 16 px on Windows, 24 px on Linux panels; HiDPI as extra representations. */
export function trayIconBase(platform: NodeJS.Platform): number {
  return platform === 'win32' ? 16 : 24;
}

const SCALES = [1, 1.5, 2] as const;

/** The count icon with a representation per scale factor, each drawn at its own pixel size. */
export function countIconFactory(images: ImageFactory, platform: NodeJS.Platform): (visitors: number | null, status: TrayStatus) => NativeImage {
  const cache = new TrayIconCache();
  const base = trayIconBase(platform);
  return (visitors, status) => {
    const image = images.createEmpty();
    for (const scaleFactor of SCALES) {
      image.addRepresentation({ scaleFactor, buffer: cache.png(visitors, status, Math.round(base * scaleFactor)) });
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
