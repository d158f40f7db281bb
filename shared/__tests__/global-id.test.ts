import { GraphQLError } from 'graphql';
import { decodeGlobalId, encodeGlobalId, tryDecodeGlobalId, MAX_LOCAL_ID } from '../global-id';

function decodeError(input: unknown): GraphQLError {
  try {
    decodeGlobalId(input);
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error(`decodeGlobalId(${String(input)}) did not throw`);
}

const MALFORMED: ReadonlyArray<[string, unknown]> = [
  ['the empty string', ''],
  ['a string without a colon', 'banat42'],
  ['a zero local id', 'banat:0'],
  ['a negative local id', 'banat:-1'],
  ['a local id with a leading zero', 'banat:01'],
  ['an upper-case cluster id', 'Banat:1'],
  ['a fractional local id', 'banat:1.5'],
  ['a non-numeric local id', 'banat:abc'],
  ['an empty cluster id', ':1'],
  ['an empty local id', 'banat:'],
  ['a cluster id starting with a digit', '1banat:1'],
  ['a second colon', 'banat:1:2'],
  ['surrounding whitespace', ' banat:1'],
  ['a local id in exponent notation', 'banat:1e3'],
  ['a local id beyond the safe integers', 'banat:99999999999999999999'],
  ['a very long string', `banat:${'1'.repeat(10_000)}`],
  ['a cluster id of 33 characters', `${'a'.repeat(33)}:1`],
  ['a number', 42],
  ['null', null],
  ['undefined', undefined],
  ['an object', {}],
  ['an object shaped like a decoded id', { clusterId: 'banat', localId: 1 }],
  ['an array', ['banat', 1]],
];

describe('encodeGlobalId / decodeGlobalId', () => {
  it.each([
    ['banat', 42],
    ['alt-brasov', 1],
    ['c1', 999_999_999_999_999],
  ])('decodes the id encoded from %s and %d back to the same parts', (clusterId, localId) => {
    const id = encodeGlobalId(clusterId, localId);
    expect(id).toBe(`${clusterId}:${localId}`);
    expect(decodeGlobalId(id)).toEqual({ clusterId, localId });
    expect(tryDecodeGlobalId(id)).toEqual({ clusterId, localId });
  });

  it('accepts a cluster id of the maximum 32 characters', () => {
    const clusterId = `a${'b'.repeat(31)}`;
    expect(decodeGlobalId(encodeGlobalId(clusterId, 7))).toEqual({ clusterId, localId: 7 });
  });

  it('decodes every id that encodeGlobalId is willing to build, up to the 15-digit limit', () => {
    for (const localId of [1e14, MAX_LOCAL_ID]) {
      expect(decodeGlobalId(encodeGlobalId('banat', localId))).toEqual({ clusterId: 'banat', localId });
    }
    for (const localId of [MAX_LOCAL_ID + 1, Number.MAX_SAFE_INTEGER]) {
      expect(() => encodeGlobalId('banat', localId)).toThrow(RangeError);
    }
  });

  it.each(MALFORMED)('rejects %s with a BAD_USER_INPUT GraphQLError', (_label, input) => {
    const error = decodeError(input);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.argument).toBe('id');
  });

  it.each(MALFORMED)('tryDecodeGlobalId returns null for %s', (_label, input) => {
    expect(tryDecodeGlobalId(input)).toBeNull();
  });

  it.each([
    ['an upper-case cluster id', 'Banat', 1],
    ['an empty cluster id', '', 1],
    ['a cluster id containing a colon', 'ba:nat', 1],
    ['a cluster id of 33 characters', 'a'.repeat(33), 1],
    ['a zero local id', 'banat', 0],
    ['a negative local id', 'banat', -1],
    ['a fractional local id', 'banat', 1.5],
    ['a NaN local id', 'banat', Number.NaN],
    ['an infinite local id', 'banat', Number.POSITIVE_INFINITY],
    ['a local id beyond the safe integers', 'banat', Number.MAX_SAFE_INTEGER + 1],
  ])('encodeGlobalId throws a RangeError for %s', (_label, clusterId, localId) => {
    expect(() => encodeGlobalId(clusterId as string, localId as number)).toThrow(RangeError);
  });
});
