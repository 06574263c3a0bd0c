import { describe, expect, it } from 'vitest';
import { contactSheet, SHEET_COUNTS, SHEET_SIZES, trayIconSet } from '../../../src/core/tray-image/icon-set';

const rgba = (data: Buffer, width: number, x: number, y: number): number[] => [...data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)];

describe('the icon set a person looks at', () => {
  it('holds every count fresh and stale and every mark, at every size, each named once', () => {
    const icons = trayIconSet();
    expect(icons).toHaveLength(SHEET_SIZES.length * (SHEET_COUNTS.length * 2 + 3));
    expect(new Set(icons.map((icon) => icon.name)).size).toBe(icons.length);
    expect(icons.find((icon) => icon.name === '1234-stale-24.png')).toMatchObject({ visitors: 1234, status: 'stale', sizePx: 24 });
    expect(icons.filter((icon) => icon.visitors === null).map((icon) => icon.name)).toContain('none-error-16.png');
    expect(icons.every((icon) => icon.canvas.width === icon.sizePx && icon.canvas.height === icon.sizePx)).toBe(true);
  });

  it('enlarges each icon pixel for pixel onto a light panel and again onto a dark one', () => {
    const icons = trayIconSet().filter((icon) => icon.sizePx === 16);
    const scale = 2;
    const sheet = contactSheet(icons, scale);
    const first = icons[0]!;
    // The first icon sits one gap (16 px) in from the top-left corner of the light panel.
    const centre = rgba(first.canvas.data, 16, 8, 8);
    expect(centre[3]).toBe(255);
    // Both enlarged pixels of the centre show the centre's colour.
    expect(rgba(sheet.data, sheet.width, 16 + 8 * scale, 16 + 8 * scale)).toEqual(centre);
    expect(rgba(sheet.data, sheet.width, 16 + 8 * scale + 1, 16 + 8 * scale + 1)).toEqual(centre);
    // Where the icon is transparent, the panel shows: light above, dark below.
    expect(rgba(sheet.data, sheet.width, 1, 1)).toEqual([0xf3, 0xf3, 0xf3, 255]);
    expect(rgba(sheet.data, sheet.width, 1, sheet.height - 2)).toEqual([0x1f, 0x1f, 0x1f, 255]);
  });
});
