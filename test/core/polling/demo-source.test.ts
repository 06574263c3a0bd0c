import { describe, expect, it } from 'vitest';
import { createDemoReader } from '../../../src/core/polling/demo-source';

/** Readings a minute apart from a day's hour onwards, with chance fixed. */
async function readings(hour: number, count: number, random: () => number): Promise<number[]> {
  let now = new Date(2026, 11, 2, hour, 0, 0).getTime();
  const read = createDemoReader({ now: () => now, random, peak: 60 });
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    values.push(await read());
    now += 60_000;
  }
  return values;
}

describe('demo visitors', () => {
  it('follow the day: busiest in the afternoon, quietest before dawn', async () => {
    const afternoon = await readings(16, 5, () => 0.5);
    const dawn = await readings(4, 5, () => 0.5);
    expect(Math.min(...afternoon)).toBeGreaterThan(Math.max(...dawn));
    expect(Math.max(...afternoon)).toBeLessThanOrEqual(60);
  });

  it('are whole, never negative, and now and then spike', async () => {
    // One draw below 3 % where a spike is decided (every other draw after the first reading's).
    let draw = 0;
    const values = await readings(12, 30, () => (++draw === 21 ? 0 : 0.5));
    expect(values.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
    expect(Math.max(...values)).toBeGreaterThan(values[0]! * 1.5);
  });

  it('refuses a read that was cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(createDemoReader()(controller.signal)).rejects.toThrow('stopped');
  });
});

describe('demo visitors read by one-shot runs', () => {
  /** A new reader for every reading, as i3blocks, tmux and xbar start a new runner each time. */
  async function oneShots(hour: number, count: number): Promise<number[]> {
    const start = new Date(2026, 11, 2, hour, 0, 0).getTime();
    const values: number[] = [];
    for (let i = 0; i < count; i++) values.push(await createDemoReader({ now: () => start + i * 30_000, random: () => 0.5, peak: 60 })());
    return values;
  }

  it.each([10, 16, 21])('move from one run to the next at %i h, as a watching runner does', async (hour) => {
    const values = await oneShots(hour, 12);
    const changes = values.slice(1).filter((value, index) => value !== values[index]).length;
    expect(changes).toBeGreaterThanOrEqual(8);
  });

  it('still follow the day', async () => {
    expect(Math.min(...(await oneShots(16, 12)))).toBeGreaterThan(Math.max(...(await oneShots(4, 12))));
  });
});
