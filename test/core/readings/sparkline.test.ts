import { describe, expect, it } from 'vitest';
import { renderSparkline } from '../../../src/core/readings/sparkline';

const painted = (canvas: NonNullable<ReturnType<typeof renderSparkline>>, column: number): number[] => {
  const rows: number[] = [];
  for (let row = 0; row < canvas.height; row++) if ((canvas.data[(row * canvas.width + column) * 4 + 3] ?? 0) > 0) rows.push(row);
  return rows;
};

describe("the menu's last-hour chart", () => {
  it('draws nothing without two readings or without time between them', () => {
    expect(renderSparkline([], 0, 60, 60, 16)).toBeNull();
    expect(renderSparkline([{ at: 0, visitors: 4 }], 0, 60, 60, 16)).toBeNull();
    expect(
      renderSparkline(
        [
          { at: 0, visitors: 4 },
          { at: 10, visitors: 5 },
        ],
        60,
        60,
        60,
        16,
      ),
    ).toBeNull();
  });

  it('reaches higher where there were more visitors, and stays inside its box', () => {
    const canvas = renderSparkline(
      [
        { at: 0, visitors: 2 },
        { at: 30, visitors: 20 },
        { at: 59, visitors: 2 },
      ],
      0,
      59,
      60,
      16,
    );
    if (!canvas) throw new Error('no chart');
    const top = (column: number) => Math.min(...painted(canvas, column));
    expect(top(30)).toBeLessThan(top(2));
    expect(top(30)).toBeLessThan(top(57));
    for (let column = 0; column < 60; column++) expect(painted(canvas, column).every((row) => row >= 0 && row < 16)).toBe(true);
  });
});
