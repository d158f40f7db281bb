import { badUserInput, graphQLError } from './errors';
import { describeInput, tryDecodeGlobalId, type GlobalId } from './global-id';
import { foldSortKey } from './sort-key';

/**
 * Checks of mutation input. Each failure is `BAD_USER_INPUT` naming the field (`input.name`), so a
 * form can put the message next to the right box. All checks run before any write.
 */
export function field(name: string): string {
  return `input.${name}`;
}

function invalid(name: string, message: string): never {
  throw badUserInput(`${field(name)} ${message}`, { field: field(name) });
}

/** Why trimmed `text` is not text of 1 to `max` characters without control characters, or null when it is. */
export function textProblem(text: string, max: number): string | null {
  if (text.length === 0) return 'must not be empty';
  if (text.length > max) return `is longer than ${max} characters`;
  // Newlines and tabs are fine in minutes and descriptions; other control characters are not text.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return 'contains control characters';
  return null;
}

/** Why `value` is not a whole number from `min` to `max`, or null when it is. */
export function wholeNumberProblem(value: number, min: number, max: number): string | null {
  return !Number.isInteger(value) || value < min || value > max ? `must be a whole number from ${min} to ${max}, got ${value}` : null;
}

/** Trimmed text of 1 to `max` characters, no control characters. */
export function requiredText(value: string, name: string, max: number): string {
  return checkedText(value.trim(), name, max);
}

/**
 * Text that is also stored as a sort key (names, titles, cities): folding may lengthen it (Hangul
 * syllables decompose into three letters), and the key must fit its column as well.
 */
export function sortableText(value: string, name: string, max: number): string {
  const text = requiredText(value, name, max);
  if (foldSortKey(text).length > max) invalid(name, `is too long once letters are decomposed for sorting (at most ${max})`);
  return text;
}

export function optionalText(value: string | null | undefined, name: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  return text.length === 0 ? null : checkedText(text, name, max);
}

function checkedText(text: string, name: string, max: number): string {
  const problem = textProblem(text, max);
  if (problem) invalid(name, problem);
  return text;
}

export function intInRange(value: number, name: string, min: number, max: number): number {
  const problem = wholeNumberProblem(value, min, max);
  if (problem) invalid(name, problem);
  return value;
}

/** An ISO calendar date `YYYY-MM-DD` that exists, between 1900 and 2100. */
export function isoDate(value: string, name: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value || Number(match[1]) < 1900 || Number(match[1]) > 2100) {
    invalid(name, `must be a date written YYYY-MM-DD, got ${describeInput(value)}`);
  }
  return value;
}

export function optionalIsoDate(value: string | null | undefined, name: string): string | null {
  return value === null || value === undefined ? null : isoDate(value, name);
}

/** A well-formed global id of any cluster. */
export function anyId(value: string, name: string): GlobalId {
  const id = tryDecodeGlobalId(value);
  if (!id) invalid(name, `is not an id: expected "<clusterId>:<localId>", got ${describeInput(value)}`);
  return id;
}

/** A global id of a row of `clusterId`: ids of another cluster cannot name this cluster's rows. */
export function idOfCluster(value: string, name: string, clusterId: string): GlobalId {
  const id = anyId(value, name);
  if (id.clusterId !== clusterId) invalid(name, `must name a row of cluster "${clusterId}", got ${describeInput(value)}`);
  return id;
}

/** The id of the row the mutation changes: it must belong to a cluster this deployment serves. */
export function servedId(value: string, name: string, served: readonly string[]): GlobalId {
  const id = anyId(value, name);
  if (!served.includes(id.clusterId)) invalid(name, `belongs to cluster "${id.clusterId}", which this deployment does not serve`);
  return id;
}

export function servedCluster(value: string, name: string, served: readonly string[]): string {
  if (!served.includes(value)) invalid(name, `names cluster ${describeInput(value)}, which this deployment does not serve`);
  return value;
}

export function rejectWhen(condition: boolean, name: string, message: string): void {
  if (condition) invalid(name, message);
}

/**
 * Valid input that the data as it stands now refuses: something already recorded, perhaps a moment
 * ago by someone else (a fee for that year, a registration, the last seats). `CONFLICT`: read again.
 */
export function conflict(name: string, message: string, extensions: Record<string, unknown> = {}): never {
  throw graphQLError('CONFLICT', `${field(name)} ${message}`, { ...extensions, field: field(name) });
}
