// Stops the PostgreSQL started by global-setup.mjs (and deletes its throw-away data folder).
export default async function globalTeardown() {
  await globalThis.__EMBEDDED_PG__?.stop();
}
