import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { decodeCursor, encodeCursor } from './search-cursor';

describe('search cursor', () => {
  it('round-trips folder positions, Vietnamese folder names included', () => {
    const cursor = {
      folders: [
        { path: 'INBOX', uidValidity: '1700000000', after: 1234, index: 50 },
        { path: 'Dự án/Chuyển đổi số', uidValidity: '1700000001', after: null, index: 0 },
      ],
      scanned: 4200,
    };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it.each([
    'not-a-cursor',
    '',
    Buffer.from('{"v":2,"f":[],"n":0}').toString('base64url'),
    Buffer.from('{"v":1,"f":[["INBOX","1",5]],"n":0}').toString('base64url'),
  ])('refuses %j as validation_failed on the cursor field', (text) => {
    try {
      decodeCursor(text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('validation_failed');
      expect((err as ApiError).details).toEqual({ field: 'cursor' });
    }
  });
});
