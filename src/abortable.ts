/**
 * `promise`, or a rejection with `signal.reason` as soon as `signal` aborts: for waits that cannot
 * be handed a signal themselves (a token provider's promise, a token request shared by several
 * calls), so each waiting call still ends on its own signal without ending the others'.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([promise, aborted]).finally(() => signal.removeEventListener("abort", onAbort));
}
