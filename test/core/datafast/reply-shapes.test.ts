import { describe, expect, it } from 'vitest';
import { apiErrorOf, realtimeCountOf } from '../../../src/core/datafast/reply-shapes';

describe('the realtime count, checked by hand', () => {
  it('takes exactly one row with a whole count from 0 to ten million', () => {
    expect(realtimeCountOf({ status: 'success', data: [{ visitors: 42 }] })).toEqual({ ok: true, value: 42 });
    expect(realtimeCountOf({ status: 'success', data: [{ visitors: 0 }] })).toEqual({ ok: true, value: 0 });
    expect(realtimeCountOf({ status: 'success', data: [{ visitors: 10_000_000 }] })).toEqual({ ok: true, value: 10_000_000 });
  });

  it.each([
    [[], 'reply: expected an object'],
    [{ status: 'error', data: [] }, 'status: expected "success"'],
    [{ status: 'success', data: {} }, 'data: expected a list'],
    [{ status: 'success', data: [] }, 'data: is empty'],
    [{ status: 'success', data: [{ visitors: 1 }, { visitors: 2 }] }, 'data: has more than one row'],
    [{ status: 'success', data: [7] }, 'data.0: expected an object'],
    [{ status: 'success', data: [{ visitors: '12' }] }, 'data.0.visitors: expected a number'],
    [{ status: 'success', data: [{ visitors: 2.5 }] }, 'data.0.visitors: expected a whole number'],
    [{ status: 'success', data: [{ visitors: -1 }] }, 'data.0.visitors: must not be negative'],
    [{ status: 'success', data: [{ visitors: 10_000_001 }] }, 'data.0.visitors: is more than 10,000,000 visitors'],
    [{ status: 'success', data: [{ visitors: Number.POSITIVE_INFINITY }] }, 'data.0.visitors: expected a number'],
  ])('says where %j goes wrong: %s', (body, issue) => {
    expect(realtimeCountOf(body)).toEqual({ ok: false, issue });
  });
});

describe("DataFast's error envelope", () => {
  it('reads the code, a number or a string, and the message', () => {
    expect(apiErrorOf({ status: 'error', error: { code: 401, message: 'Invalid key' } })).toEqual({ code: 401, message: 'Invalid key' });
    expect(apiErrorOf({ status: 'error', error: { code: '429' } })).toEqual({ code: '429' });
    expect(apiErrorOf({ status: 'error', error: {} })).toEqual({});
  });

  it('is no envelope when its parts are of another kind, or the reply is a success', () => {
    expect(apiErrorOf({ status: 'error', error: { code: null } })).toBeNull();
    expect(apiErrorOf({ status: 'error', error: { message: 5 } })).toBeNull();
    expect(apiErrorOf({ status: 'error', error: 'nope' })).toBeNull();
    expect(apiErrorOf({ status: 'success', data: [] })).toBeNull();
    expect(apiErrorOf('error')).toBeNull();
  });
});
