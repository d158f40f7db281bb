import { GraphQLError } from 'graphql';
import { createLogger } from '../logger';
import { errorMasking } from '../server/mask-error';

describe('errorMasking', () => {
  const mask = errorMasking(createLogger('test', 'silent')).formatError;

  it('shows registered codes as they are, without stack traces', () => {
    const shown = mask({ message: 'No member with id "banat:9"', extensions: { code: 'NOT_FOUND', field: 'input.id', stacktrace: ['at x'] } }, new GraphQLError('x'));
    expect(shown).toEqual({ message: 'No member with id "banat:9"', extensions: { code: 'NOT_FOUND', field: 'input.id' } });
  });

  it('masks an unexpected error even when Apollo already labelled it INTERNAL_SERVER_ERROR', () => {
    const shown = mask({ message: 'SqliteError: UNIQUE constraint failed: members.id', path: ['createMember'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new Error('SqliteError'));
    expect(shown).toEqual({ message: 'Internal server error', path: ['createMember'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('masks unknown codes', () => {
    expect(mask({ message: 'ER_PARSE_ERROR near SELECT', extensions: { code: 'ER_PARSE_ERROR' } }, new Error('x')).message).toBe('Internal server error');
  });

  it('gives a request error Apollo raised without a code (HTTP 4xx) the code BAD_REQUEST, keeping its message', () => {
    const original = new GraphQLError('Unsupported persisted query version', { extensions: { http: { status: 400 } } });
    expect(mask({ message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, original)).toEqual({ message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } });
  });

  it('still masks a codeless error that wraps a thrown one, whatever its status', () => {
    const original = new GraphQLError('SqliteError: no such table', { extensions: { http: { status: 400 } }, originalError: new Error('SqliteError') });
    expect(mask({ message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, original).message).toBe('Internal server error');
  });
});
