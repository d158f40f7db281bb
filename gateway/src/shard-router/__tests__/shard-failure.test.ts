import { errorBody } from '../../../../shared/errors';
import { shardFailure } from '../shard-client';

describe('a shard answer with errors', () => {
  it('is a failure of the shard unless every error is the caller’s doing (the error registry)', () => {
    expect(shardFailure({ data: null, errors: [errorBody('FORBIDDEN', 'not yours')] })).toBeUndefined();
    expect(shardFailure({ data: null, errors: [errorBody('INTERNAL_SERVER_ERROR', 'Internal server error')] })).toBe('GraphQL error INTERNAL_SERVER_ERROR: Internal server error');
    expect(shardFailure({ data: null, errors: [{ message: 'odd', extensions: { code: 'ER_PARSE_ERROR' } }] })).toBe('GraphQL error ER_PARSE_ERROR: odd');
  });

});
