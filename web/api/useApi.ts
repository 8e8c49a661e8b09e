import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, apiGet } from './client';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads a GET endpoint; `null` path means "not yet". Re-loads when the path changes. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError | Error; loading: boolean }>({
    loading: !!path,
  });
  const [tick, setTick] = useState(0);
  const current = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload
  useEffect(() => {
    if (!path) return;
    current.current = path;
    setState((s) => ({ ...s, loading: true }));
    apiGet<T>(path).then(
      (data) => current.current === path && setState({ data, loading: false }),
      (error: Error) => current.current === path && setState({ error, loading: false }),
    );
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
