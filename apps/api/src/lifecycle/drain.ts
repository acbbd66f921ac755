import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** How often, while draining, the connections that have just answered their last request are closed. */
const IDLE_SWEEP_MS = 50;

/**
 * Stops accepting connections and waits for the requests in flight to be answered, for at most
 * `timeoutMs`, and resolves with whether everything finished in time. A keep-alive connection is
 * closed as soon as it is idle, not when its keep-alive timeout runs out: at once if it is idle
 * now, within IDLE_SWEEP_MS once it answers the request it carries; an answer still to start says
 * `Connection: close`, so the client does not send another request on it. Whatever is still open
 * at the deadline is cut.
 */
export function drainHttp(server: Server, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve(true);
    const closeAfter = (_request: IncomingMessage, response: ServerResponse): void => {
      if (!response.headersSent) response.setHeader('Connection', 'close');
    };
    server.on('request', closeAfter);
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    sweep.unref();
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      finish(false);
    }, timeoutMs);
    deadline.unref();
    function finish(drained: boolean): void {
      clearInterval(sweep);
      clearTimeout(deadline);
      server.off('request', closeAfter);
      resolve(drained);
    }
    server.close(() => finish(true));
    server.closeIdleConnections();
  });
}
