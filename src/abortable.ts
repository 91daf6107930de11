/**
 * `promise`, or a rejection with `signal.reason` as soon as `signal` aborts: for waits that cannot
 * be handed a signal themselves (a token provider's promise, a token request shared by several
 * calls), so each waiting call still ends on its own signal without ending the others'.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  // One promise settled by whichever comes first, rather than a race of two and a `finally`: this
  // wraps the body of every attempt, and each promise more is a turn and an allocation per call.
  // Not `once`: a signal dispatches abort only once, and settling removes the listener.
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort);
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * A signal that aborts when `caller` does, or after `limitMs` with a `TimeoutError` named after
 * `limit`, and the function that lets go of the timer and the listener. With neither a finite
 * limit nor a caller there is nothing that could abort, and no signal.
 */
export function limitSignal(
  caller: AbortSignal | undefined,
  limitMs: number,
  limit: string,
  setTimer: (run: () => void, ms: number) => () => void,
): { signal: AbortSignal | undefined; release: () => void } {
  const timed = Number.isFinite(limitMs);
  if (!timed && !caller) return { signal: undefined, release: () => undefined };
  const controller = new AbortController();
  const onAbort = () => controller.abort(caller!.reason);
  if (caller?.aborted) onAbort();
  // Not `once`: a signal dispatches abort only once, and release() removes the listener.
  else caller?.addEventListener("abort", onAbort);
  const cancel = timed ? setTimer(() => controller.abort(new DOMException(`${limit} ${limitMs} ms`, "TimeoutError")), Math.max(0, limitMs)) : undefined;
  return {
    signal: controller.signal,
    release: () => {
      cancel?.();
      caller?.removeEventListener("abort", onAbort);
    },
  };
}
