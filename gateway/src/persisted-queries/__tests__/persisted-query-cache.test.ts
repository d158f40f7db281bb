import { persistedQueryHash, PersistedQueryCache } from '../persisted-query-cache';

describe('PersistedQueryCache', () => {
  it('answers known operations by hash, and keeps others registered at run time apart', async () => {
    const known = '{ clusters { id } }';
    const cache = new PersistedQueryCache({ Known: known });
    expect(await cache.get(`apq:${persistedQueryHash(known)}`)).toBe(known);
    await cache.set(`apq:${persistedQueryHash(known)}`, 'something else');
    expect(await cache.get(`apq:${persistedQueryHash(known)}`)).toBe(known);
    const adHoc = '{ network { name } }';
    expect(await cache.get(`apq:${persistedQueryHash(adHoc)}`)).toBeUndefined();
    await cache.set(`apq:${persistedQueryHash(adHoc)}`, adHoc);
    expect(await cache.get(`apq:${persistedQueryHash(adHoc)}`)).toBe(adHoc);
  });
});
