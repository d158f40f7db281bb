import { encodeCursor, tryDecodeCursor } from '../../../../shared/cursor';
import { decodedCursor } from '../cursor-memo';

describe('decoded cursors, kept', () => {
  it('decodes as the cursor codec does, once per text, and hands out a frozen value', () => {
    const text = encodeCursor({ order: 'NAME:ASC', value: 'acme', clusterId: 'banat', localId: 7 });
    const first = decodedCursor(text);
    expect(first).toEqual(tryDecodeCursor(text));
    expect(decodedCursor(text)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('answers null for what is no cursor, as the codec does', () => {
    for (const text of [undefined, 42, '', 'not a cursor!', Buffer.from('[1,2]').toString('base64url')]) expect(decodedCursor(text)).toBeNull();
  });
});
