import { KeptResults, requireFromApolloServer } from './kept-results';

interface NegotiatorPrototype {
  mediaType(this: { request: { headers: { accept?: string } } }, available?: readonly string[]): string | undefined;
}

/** Choices kept at most: `Accept` is the caller's to write, so a stream of new ones is not kept at all. */
const chosen = new KeptResults<string | undefined>(256);
let installed = false;

/**
 * Apollo Server asks `negotiator` for the preferred media type of every operation it runs (whether
 * the caller takes the legacy incremental format, then the answer's content type), each time
 * parsing `Accept` and ranking the candidates anew: 2–3 % of a subgraph's CPU on a lookup, for a
 * header that is nearly always one of a handful of values. The choice depends on the header and the
 * candidates alone, so it is kept for the first few hundred pairs seen. Installed on the copy of
 * `negotiator` Apollo Server itself loads; the choice returned is the same string it would compute.
 */
export function keepMediaTypeChoices(): void {
  if (installed) return;
  installed = true;
  const negotiator = requireFromApolloServer('negotiator') as { prototype: NegotiatorPrototype };
  const choose = negotiator.prototype.mediaType;
  negotiator.prototype.mediaType = function mediaType(available) {
    const accept = this.request.headers.accept;
    if (available === undefined || (accept !== undefined && typeof accept !== 'string')) return choose.call(this, available);
    // No header means any type; an empty one, none: the two are kept apart.
    const key = `${accept === undefined ? '\u0001' : accept}\u0000${available.join('\u0000')}`;
    return chosen.get(key, () => choose.call(this, available));
  };
}
