import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { hex, PixelCanvas } from '../../../src/core/tray-image/pixels';

const pixel = (canvas: PixelCanvas, x: number, y: number): number[] => [...canvas.data.subarray((y * canvas.width + x) * 4, (y * canvas.width + x) * 4 + 4)];

describe('the drawing surface', () => {
  it('reads colours as a person writes them', () => {
    expect(hex('#e8451e')).toEqual({ r: 232, g: 69, b: 30, a: 255 });
    expect(hex('000000', 60)).toEqual({ r: 0, g: 0, b: 0, a: 60 });
  });

  it('blends a translucent colour over what is there, and ignores what falls outside', () => {
    const canvas = new PixelCanvas(4, 4);
    canvas.fillRect(0, 0, 4, 4, hex('#ffffff'));
    canvas.blend(1, 1, hex('#000000', 128));
    canvas.blend(-1, 9, hex('#000000'));
    const [r, g, b, a] = pixel(canvas, 1, 1);
    expect(a).toBe(255);
    expect(r).toBeGreaterThan(120);
    expect(r).toBeLessThan(135);
    expect([g, b]).toEqual([r, r]);
    expect(pixel(canvas, 0, 0)).toEqual([255, 255, 255, 255]);
  });

  it('encodes a PNG that decodes to the same pixels', () => {
    const canvas = new PixelCanvas(3, 2);
    canvas.fillRect(0, 0, 1, 2, hex('#e8451e'));
    const decoded = PNG.sync.read(canvas.toPng());
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
    expect([...decoded.data]).toEqual([...canvas.data]);
  });
});
