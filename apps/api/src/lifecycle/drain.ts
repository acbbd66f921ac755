import type { Server } from 'node:http';

/**
 * Stops accepting connections and waits for the requests in flight to be answered, for at most
 * `timeoutMs`; keep-alive connections close once idle, and whatever is still open at the deadline
 * is cut. Resolves with whether everything finished in time.
 */
export function drainHttp(server: Server, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve(true);
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      resolve(false);
    }, timeoutMs);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      resolve(true);
    });
    server.closeIdleConnections();
  });
}
