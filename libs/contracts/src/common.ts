/** A page of a list, keyset-paginated: pass `nextCursor` back as `cursor` for the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  checks?: Record<string, { status: 'ok' | 'error'; message?: string }>;
}
