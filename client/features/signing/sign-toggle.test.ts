import { describe, expect, it } from 'vitest';
import { shouldSign } from './SignToggle';

describe('shouldSign', () => {
  it.each([
    [{}, true, true],
    [{ sign: true }, true, true],
    [{ sign: false }, true, false],
    [{}, false, false],
    [{ sign: true }, false, false],
  ])('window %j, certificate present %s → %s', (w, hasIdentity, expected) => {
    expect(shouldSign(w, hasIdentity)).toBe(expected);
  });
});
