import { GraphQLError } from 'graphql';
import { compareCursors, decodeCursor, encodeCursor, tryDecodeCursor, type Cursor } from '../cursor';

function decodeError(text: unknown, order: string): GraphQLError {
  try {
    decodeCursor(text, order);
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('decodeCursor did not throw');
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

const cursor = (value: string | number, clusterId: string, localId: number, order = 'NAME:ASC'): Cursor => ({
  order,
  value,
  clusterId,
  localId,
});

describe('encodeCursor / decodeCursor', () => {
  it.each<[string, Cursor]>([
    ['a string value', cursor('ionescu', 'banat', 42)],
    ['a numeric value', cursor(17, 'alt-brasov', 1, 'EMPLOYEES:DESC')],
    ['a zero value', cursor(0, 'banat', 3, 'EMPLOYEES:ASC')],
    ['a value with Romanian diacritics', cursor('Ștefan Țăranu-Îonescu', 'banat', 9)],
    ['a value with an astral character', cursor('ana 😀', 'banat', 9)],
    ['an empty string value', cursor('', 'banat', 9)],
  ])('decodes a cursor carrying %s back to the same fields', (_label, original) => {
    const text = encodeCursor(original);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text, original.order)).toEqual(original);
    expect(tryDecodeCursor(text)).toEqual(original);
  });

  it('keeps a numeric value a number and a numeric-looking string a string', () => {
    expect(decodeCursor(encodeCursor(cursor(10, 'banat', 1, 'EMPLOYEES:ASC')), 'EMPLOYEES:ASC').value).toBe(10);
    expect(decodeCursor(encodeCursor(cursor('10', 'banat', 1)), 'NAME:ASC').value).toBe('10');
  });

  it('rejects a cursor of another ordering with BAD_USER_INPUT on the after argument', () => {
    const text = encodeCursor(cursor('ana', 'banat', 1, 'NAME:ASC'));
    const error = decodeError(text, 'EMPLOYEES:ASC');
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.argument).toBe('after');
  });

  it('rejects a cursor of the same field but the other direction', () => {
    const text = encodeCursor(cursor('ana', 'banat', 1, 'NAME:ASC'));
    expect(decodeError(text, 'NAME:DESC').extensions.code).toBe('BAD_USER_INPUT');
  });

  const MALFORMED: ReadonlyArray<[string, unknown]> = [
    ['the empty string', ''],
    ['text with characters outside base64url', 'abc+/def='],
    ['text with whitespace', 'WyJOQU1FOkFTQyIsImEiLCJiYW5hdDoxIl0 '],
    ['base64url of text that is not JSON', b64('hello, world')],
    ['base64url of a JSON object', b64('{"order":"NAME:ASC","value":"a","id":"banat:1"}')],
    ['base64url of a JSON array of two items', b64('["NAME:ASC","a"]')],
    ['base64url of a JSON array of four items', b64('["NAME:ASC","a","banat:1","x"]')],
    ['an ordering in lower case', b64('["name:asc","a","banat:1"]')],
    ['an ordering with an unknown direction', b64('["NAME:UP","a","banat:1"]')],
    ['a boolean value', b64('["NAME:ASC",true,"banat:1"]')],
    ['a null value', b64('["NAME:ASC",null,"banat:1"]')],
    ['an object value', b64('["NAME:ASC",{},"banat:1"]')],
    ['an embedded id with a zero local id', b64('["NAME:ASC","a","banat:0"]')],
    ['an embedded id without a colon', b64('["NAME:ASC","a","banat"]')],
    ['an embedded id that is a number', b64('["NAME:ASC","a",1]')],
    ['an embedded id with an upper-case cluster', b64('["NAME:ASC","a","Banat:1"]')],
    ['text over 1024 characters', b64(JSON.stringify(['NAME:ASC', 'x'.repeat(800), 'banat:1']))],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { order: 'NAME:ASC', value: 'a', clusterId: 'banat', localId: 1 }],
  ];

  it('treats text of exactly 1024 characters as a candidate but text of 1025 as malformed', () => {
    // Pick a value length so that the encoding is just under and just over the limit.
    const encodeWithPadding = (n: number) => encodeCursor(cursor('x'.repeat(n), 'banat', 1));
    let n = 0;
    while (encodeWithPadding(n + 1).length <= 1024) n++;
    expect(encodeWithPadding(n).length).toBeLessThanOrEqual(1024);
    expect(tryDecodeCursor(encodeWithPadding(n))).not.toBeNull();
    expect(encodeWithPadding(n + 1).length).toBeGreaterThan(1024);
    expect(tryDecodeCursor(encodeWithPadding(n + 1))).toBeNull();
  });

  it.each(MALFORMED)('decodeCursor rejects %s with BAD_USER_INPUT', (_label, text) => {
    const error = decodeError(text, 'NAME:ASC');
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.argument).toBe('after');
  });

  it.each(MALFORMED)('tryDecodeCursor returns null for %s', (_label, text) => {
    expect(tryDecodeCursor(text)).toBeNull();
  });
});

describe('compareCursors', () => {
  it('orders by value first, whatever the cluster and local ids', () => {
    expect(compareCursors(cursor('ana', 'zeta', 99), cursor('bogdan', 'alpha', 1))).toBeLessThan(0);
    expect(compareCursors(cursor('bogdan', 'alpha', 1), cursor('ana', 'zeta', 99))).toBeGreaterThan(0);
  });

  it('compares numeric values numerically, so 9 comes before 10', () => {
    expect(compareCursors(cursor(9, 'banat', 1), cursor(10, 'banat', 1))).toBeLessThan(0);
    expect(compareCursors(cursor(10, 'banat', 1), cursor(9, 'banat', 1))).toBeGreaterThan(0);
    expect(compareCursors(cursor(-1, 'banat', 1), cursor(0, 'banat', 1))).toBeLessThan(0);
  });

  it('breaks ties on value by cluster id', () => {
    expect(compareCursors(cursor('ana', 'alt-brasov', 5), cursor('ana', 'banat', 1))).toBeLessThan(0);
    expect(compareCursors(cursor('ana', 'banat', 1), cursor('ana', 'alt-brasov', 5))).toBeGreaterThan(0);
  });

  it('breaks ties on value and cluster id by local id, numerically', () => {
    expect(compareCursors(cursor('ana', 'banat', 9), cursor('ana', 'banat', 10))).toBeLessThan(0);
    expect(compareCursors(cursor('ana', 'banat', 10), cursor('ana', 'banat', 9))).toBeGreaterThan(0);
  });

  it('returns zero for the same position', () => {
    expect(compareCursors(cursor('ana', 'banat', 3), cursor('ana', 'banat', 3))).toBe(0);
  });

  it('sorts a shuffled list into the total order (value, cluster id, local id)', () => {
    const sorted = [
      cursor('ana', 'alt-brasov', 2),
      cursor('ana', 'alt-brasov', 10),
      cursor('ana', 'banat', 1),
      cursor('bogdan', 'alt-brasov', 1),
      cursor('bogdan', 'banat', 9),
      cursor('bogdan', 'banat', 10),
    ];
    const shuffled = [sorted[4]!, sorted[1]!, sorted[5]!, sorted[0]!, sorted[3]!, sorted[2]!];
    expect([...shuffled].sort(compareCursors)).toEqual(sorted);
  });
});
