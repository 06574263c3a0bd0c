import { describe, expect, it } from 'vitest';
import { countIconFactory } from '../../src/main/images';
import { asFakeImage, FakeImage, fakeImages } from '../support/fake-electron';
import { PNG } from 'pngjs';

describe('count icon image', () => {
  it('has 1x, 1.25x, 1.5x and 2x representations drawn at their own pixel sizes', () => {
    const make = countIconFactory(fakeImages);
    const image = asFakeImage(make(1234, 'ok'));
    expect(image).toBeInstanceOf(FakeImage);
    const sizes = image.representations.map(({ scaleFactor, buffer }) => [scaleFactor, PNG.sync.read(buffer).width]);
    expect(sizes).toEqual([
      [1, 16],
      [1.25, 20],
      [1.5, 24],
      [2, 32],
    ]);
  });
});
