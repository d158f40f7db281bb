import { useEffect, useState } from 'react';
import type { DashboardOperationName } from '../../../gateway/src/persisted-queries/dashboard-operations';
import { runOperation, type GraphQLError } from '../api';

export interface OperationState<Data> {
  data: Data | null;
  errors: GraphQLError[];
  loading: boolean;
  /** Set when the gateway could not be reached at all. */
  failure: string | null;
}

/** Runs a dashboard operation whenever its variables, the token or `refresh` change. */
export function useOperation<Data>(name: DashboardOperationName, variables: Record<string, unknown>, token: string | null, refresh = 0): OperationState<Data> {
  const [state, setState] = useState<OperationState<Data>>({ data: null, errors: [], loading: true, failure: null });
  const key = JSON.stringify(variables);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    runOperation<Data>(name, JSON.parse(key) as Record<string, unknown>, token).then(
      (answer) => current && setState({ data: answer.data, errors: answer.errors, loading: false, failure: null }),
      (error: unknown) => current && setState({ data: null, errors: [], loading: false, failure: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [name, key, token, refresh]);
  return state;
}
