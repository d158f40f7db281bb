import { compareCodePoints, foldSortKey } from '../sort-key';

const sign = (n: number) => Math.sign(n);

describe('foldSortKey', () => {
  it.each([
    ['Ș', 's'], // U+0218 comma below
    ['ș', 's'], // U+0219
    ['Ț', 't'], // U+021A
    ['ț', 't'], // U+021B
    ['Ş', 's'], // U+015E cedilla
    ['ş', 's'], // U+015F
    ['Ţ', 't'], // U+0162
    ['ţ', 't'], // U+0163
    ['Ă', 'a'],
    ['ă', 'a'],
    ['Â', 'a'],
    ['â', 'a'],
    ['Î', 'i'],
    ['î', 'i'],
  ])('maps %s to the plain letter %s', (letter, plain) => {
    expect(foldSortKey(letter)).toBe(plain);
  });

  it('folds the comma-below and cedilla spellings of a name to the same key', () => {
    expect(foldSortKey('Ștefan Țiriac')).toBe(foldSortKey('Ştefan Ţiriac'));
    expect(foldSortKey('Ștefan Țiriac')).toBe('stefan tiriac');
  });

  it('folds an already decomposed spelling (letter plus combining mark) like the precomposed one', () => {
    expect(foldSortKey('S\u0326tefan')).toBe('stefan');
    expect(foldSortKey('Ta\u0306ra\u0302')).toBe('tara');
  });

  it('lower-cases the text', () => {
    expect(foldSortKey('POPESCU Ion')).toBe('popescu ion');
  });

  it('collapses runs of whitespace to one space and trims both ends', () => {
    expect(foldSortKey('  Țara   Ș ')).toBe('tara s');
    expect(foldSortKey('\tana\n\n maria\u00a0 ')).toBe('ana maria');
  });

  it('returns the empty string for blank text', () => {
    expect(foldSortKey('   ')).toBe('');
    expect(foldSortKey('')).toBe('');
  });

  it('sorts Ștefan between Sorin and Sura once folded', () => {
    const names = ['Sura', 'Ștefan', 'Sorin'];
    const sorted = [...names].sort((a, b) => compareCodePoints(foldSortKey(a), foldSortKey(b)));
    expect(sorted).toEqual(['Sorin', 'Ștefan', 'Sura']);
  });
});

describe('compareCodePoints', () => {
  const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

  it('orders an astral character after U+FFFF, as UTF-8 bytes do, where JavaScript < disagrees', () => {
    expect('😀' < '\uFFFF').toBe(true); // UTF-16 code units: 0xD83D < 0xFFFF
    expect(utf8Order('😀', '\uFFFF')).toBe(1);
    expect(compareCodePoints('😀', '\uFFFF')).toBe(1);
    expect(compareCodePoints('\uFFFF', '😀')).toBe(-1);
  });

  it('agrees in sign with the byte order of UTF-8 for every pair of a varied list', () => {
    const strings = [
      '',
      'a',
      'A',
      'ab',
      'abc',
      'b',
      'z',
      'ă',
      'ș',
      'ş',
      'Ș',
      '\u00ff',
      '\u07ff',
      '\u0800',
      '\ud7ff',
      '\ue000',
      '\uFFFF',
      '\uFFFFa',
      '😀',
      '😀a',
      'a😀',
      'a\uFFFF',
      '𐀀',
      '\u{10FFFF}',
      '𝒜',
      'ana maria',
      'ana',
      'tara s',
    ];
    for (const a of strings) {
      for (const b of strings) {
        expect([a, b, sign(compareCodePoints(a, b))]).toEqual([a, b, sign(utf8Order(a, b))]);
      }
    }
  });

  it('returns zero only for equal strings', () => {
    expect(compareCodePoints('ștefan', 'ștefan')).toBe(0);
    expect(compareCodePoints('ștefan', 'stefan')).not.toBe(0);
  });

  it('sorts a prefix before the longer string', () => {
    expect(compareCodePoints('ana', 'ana maria')).toBe(-1);
    expect(compareCodePoints('ana maria', 'ana')).toBe(1);
  });
});
