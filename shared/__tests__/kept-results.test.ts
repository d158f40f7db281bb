import { KeptResults } from '../server/kept-results';

describe('results kept for the first texts seen', () => {
  it('computes a text once while there is room, undefined and null results included', () => {
    const kept = new KeptResults<string | null | undefined>(3);
    let computed = 0;
    const result = (value: string | null | undefined) => () => ((computed += 1), value);
    for (let round = 0; round < 2; round++) {
      expect(kept.get('a', result('A'))).toBe('A');
      expect(kept.get('b', result(null))).toBeNull();
      expect(kept.get('c', result(undefined))).toBeUndefined();
    }
    expect(computed).toBe(3);
  });

  it('computes every time past its count of texts or of characters', () => {
    const byCount = new KeptResults<number>(1);
    let computed = 0;
    for (const text of ['a', 'b', 'b', 'b']) byCount.get(text, () => (computed += 1));
    expect(computed).toBe(4);
    const byChars = new KeptResults<number>(10, 5);
    computed = 0;
    for (const text of ['abcd', 'efgh', 'efgh', 'abcd']) byChars.get(text, () => (computed += 1));
    // 'abcd' fits in 5 characters, 'efgh' would make 8.
    expect(computed).toBe(3);
  });
});
