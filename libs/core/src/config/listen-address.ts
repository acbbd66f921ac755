import { InvalidEnvironmentError } from './validate-environment';

/** What the system answers when an address to listen on is not this machine's, or not an address at all. */
const NOT_HERE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EADDRNOTAVAIL', 'EAI_FAIL']);

/**
 * Runs a check that listens on `value` (HOST, METRICS_HOST); a value that names no address of this
 * machine is refused naming the variable, as every other wrong setting is, not with the system's
 * `getaddrinfo ENOTFOUND` and a stack.
 */
export async function onListenAddress<T>(variable: string, value: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || !NOT_HERE.has(code)) throw error;
    throw new InvalidEnvironmentError(`${variable}="${value}": not an address of this machine, so nothing can listen on it (${code}); use 0.0.0.0 for every interface, or one of this machine's addresses`);
  }
}
