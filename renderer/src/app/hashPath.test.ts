import { describe, expect, it } from 'vitest';
import { parseHash, toHash } from './hashPath';

describe('hash paths', () => {
  it('parses segments and ignores slashes, queries and empty hashes', () => {
    expect(parseHash('')).toEqual([]);
    expect(parseHash('#/')).toEqual([]);
    expect(parseHash('#/staff/targets/?tab=1')).toEqual(['staff', 'targets']);
    expect(parseHash('#staff')).toEqual(['staff']);
  });

  it('round-trips segments with Chinese text and reserved characters', () => {
    const segments = ['clients', '张伟/王芳', '%'];
    expect(parseHash(toHash(segments))).toEqual(segments);
    expect(parseHash('#/bad/%E0%A4%A')).toEqual(['bad', '%E0%A4%A']);
  });
});
