import { badUserInput } from '../../../../shared/errors';
import { describeInput } from '../../../../shared/global-id';

/** Initiative ids are plain positive integers of at most 15 digits, so every one is a safe integer. */
const INITIATIVE_ID = /^[1-9][0-9]{0,14}$/;

/** The id as a number; a malformed one is BAD_USER_INPUT naming the argument (or input field). */
export function parseInitiativeId(id: string, argument = 'id'): number {
  if (!INITIATIVE_ID.test(id)) {
    const where = argument.startsWith('input.') ? { field: argument } : { argument };
    throw badUserInput(`Malformed network initiative id ${describeInput(id)}: expected a positive integer, e.g. "3"`, where);
  }
  return Number(id);
}
