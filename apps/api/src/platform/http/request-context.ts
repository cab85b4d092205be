import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextValue {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const storage = new AsyncLocalStorage<RequestContextValue>();

/**
 * Facts about the current request that deep layers need (the audit log wants the request id and
 * the caller's address) without passing them through every call.
 */
export const RequestContext = {
  run<T>(value: RequestContextValue, work: () => T): T {
    return storage.run(value, work);
  },
  current(): RequestContextValue | undefined {
    return storage.getStore();
  },
};
