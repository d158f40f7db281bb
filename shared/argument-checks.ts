import { badUserInput } from './errors';
import { textProblem, wholeNumberProblem } from './mutation-input';

/**
 * Checks of a query's arguments (a need, a call), the read-side sibling of mutation-input.ts and
 * the same rules: each failure is `BAD_USER_INPUT` with `extensions.argument` naming the
 * argument's path (`call.roles.1.label`) instead of an input field.
 */
export function rejectArgument(condition: boolean, name: string, message: string): void {
  if (condition) throw badUserInput(`${name} ${message}`, { argument: name });
}

function rejectProblem(problem: string | null, name: string): void {
  if (problem) rejectArgument(true, name, problem);
}

export function argumentInRange(value: number, name: string, min: number, max: number): number {
  rejectProblem(wholeNumberProblem(value, min, max), name);
  return value;
}

/** Trimmed text of 1 to `max` characters on one line, no control characters. */
export function argumentText(value: string, name: string, max: number): string {
  const text = value.trim();
  rejectProblem(textProblem(text, max), name);
  // A label is one line: the tabs and line breaks a description may hold are refused too.
  rejectArgument(/[\t\n\r]/.test(text), name, 'contains control characters');
  return text;
}
