import { badUserInput } from './errors';

/** A cluster id: lower-case letters, digits and dashes, starting with a letter (e.g. `alt-brasov`). */
export const CLUSTER_ID_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

/** Local ids have at most 15 digits, so every id the encoder builds, the decoder reads. */
export const MAX_LOCAL_ID = 999_999_999_999_999;

export interface GlobalId {
  clusterId: string;
  localId: number;
}

/** The only place that builds ids: `<clusterId>:<localId>`. */
export function encodeGlobalId(clusterId: string, localId: number): string {
  if (!CLUSTER_ID_PATTERN.test(clusterId)) throw new RangeError(`invalid cluster id ${JSON.stringify(clusterId)}`);
  if (!Number.isSafeInteger(localId) || localId < 1 || localId > MAX_LOCAL_ID) throw new RangeError(`invalid local id ${localId}`);
  return `${clusterId}:${localId}`;
}

/** The only place that parses ids. Malformed input is the caller's mistake: `BAD_USER_INPUT`. */
export function decodeGlobalId(id: unknown): GlobalId {
  const parsed = tryDecodeGlobalId(id);
  if (!parsed) {
    throw badUserInput(`Malformed id ${describeInput(id)}: expected "<clusterId>:<localId>", e.g. "banat:42"`, {
      argument: 'id',
    });
  }
  return parsed;
}

export function tryDecodeGlobalId(id: unknown): GlobalId | null {
  if (typeof id !== 'string' || id.length > 48) return null;
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const clusterId = id.slice(0, colon);
  const local = id.slice(colon + 1);
  if (!CLUSTER_ID_PATTERN.test(clusterId) || !/^[1-9][0-9]{0,14}$/.test(local)) return null;
  const localId = Number(local);
  return Number.isSafeInteger(localId) ? { clusterId, localId } : null;
}

/** The input as an error message may quote it: never throws, never quotes at length. */
export function describeInput(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}
