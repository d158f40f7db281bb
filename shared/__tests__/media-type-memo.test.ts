import { createRequire } from 'node:module';
import { keepMediaTypeChoices } from '../server/media-type-memo';

type NegotiatorClass = new (request: { headers: { accept?: string } }) => { mediaType(available?: readonly string[]): string | undefined };

const fromApollo = createRequire(require.resolve('@apollo/server'));
const Negotiator = fromApollo('negotiator') as NegotiatorClass;

// The candidate lists Apollo Server passes, and the Accept headers callers send.
const CANDIDATES = [
  ['multipart/mixed;incrementalSpec=v0.2', 'multipart/mixed;deferSpec=20220824'],
  ['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8', 'application/json; charset=utf-8; callback'],
];
const ACCEPTS = [undefined, '', 'application/json', '*/*', 'application/graphql-response+json', 'application/graphql-response+json, application/json;q=0.9', 'multipart/mixed;deferSpec=20220824, application/json', 'text/html', 'image/png;q=0.1'];

describe('media type choices kept for Apollo Server', () => {
  const before = new Map<string, string | undefined>();
  beforeAll(() => {
    for (const accept of ACCEPTS) for (const available of CANDIDATES) before.set(JSON.stringify([accept, available]), new Negotiator({ headers: accept === undefined ? {} : { accept } }).mediaType(available));
    keepMediaTypeChoices();
  });

  it('chooses what negotiator chooses, asked once or again', () => {
    for (let round = 0; round < 2; round++) {
      for (const accept of ACCEPTS) {
        for (const available of CANDIDATES) {
          const choice = new Negotiator({ headers: accept === undefined ? {} : { accept } }).mediaType(available);
          expect([accept, choice]).toEqual([accept, before.get(JSON.stringify([accept, available]))]);
        }
      }
    }
    // The incremental check sees no multipart preference in a JSON caller's header, and does in a multipart one's.
    expect(new Negotiator({ headers: { accept: 'application/json' } }).mediaType(CANDIDATES[0])).toBeUndefined();
    expect(new Negotiator({ headers: { accept: 'multipart/mixed;deferSpec=20220824' } }).mediaType(CANDIDATES[0])).toBe('multipart/mixed;deferSpec=20220824');
  });

  it('still answers correctly for headers beyond the ones it keeps', () => {
    for (let index = 0; index < 1_000; index++) {
      const accept = `application/x-${index}, application/json;q=0.${(index % 9) + 1}`;
      expect(new Negotiator({ headers: { accept } }).mediaType(CANDIDATES[1])).toBe('application/json; charset=utf-8');
    }
  });
});
