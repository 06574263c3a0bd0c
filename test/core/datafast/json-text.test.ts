import { describe, expect, it } from 'vitest';
import { parseJsonOrUndefined } from '../../../src/core/datafast/json-text';

describe('a JSON text', () => {
  it('gives its value, or undefined when it is not JSON, never a throw', () => {
    expect(parseJsonOrUndefined('{"a":[1]}')).toEqual({ a: [1] });
    expect(parseJsonOrUndefined('null')).toBeNull();
    expect(parseJsonOrUndefined('<html>')).toBeUndefined();
    expect(parseJsonOrUndefined('')).toBeUndefined();
  });
});
