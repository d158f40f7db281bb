import { badUserInput } from './errors';

/**
 * Checks of a query's arguments (a need, a call), the read-side sibling of mutation-input.ts: each
 * failure is `BAD_USER_INPUT` with `extensions.argument` naming the argument's path (`call.roles.1.label`).
 */
export function rejectArgument(condition: boolean, name: string, message: string): void {
  if (condition) throw badUserInput(`${name} ${message}`, { argument: name });
}

export function argumentInRange(value: number, name: string, min: number, max: number): number {
  rejectArgument(!Number.isInteger(value) || value < min || value > max, name, `must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

/** Trimmed text of 1 to `max` characters, no control characters. */
export function argumentText(value: string, name: string, max: number): string {
  const text = value.trim();
  rejectArgument(text.length === 0, name, 'must not be empty');
  rejectArgument(text.length > max, name, `is longer than ${max} characters`);
  // eslint-disable-next-line no-control-regex
  rejectArgument(/[\u0000-\u001f\u007f]/.test(text), name, 'contains control characters');
  return text;
}
