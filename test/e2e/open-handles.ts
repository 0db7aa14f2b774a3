/**
 * The test process must be able to exit on its own: after a file's servers are closed, no TCP
 * server or socket may stay open (a keep-alive connection, a forgotten listener).
 */
export async function expectNoOpenSockets(waitMs = 2_000): Promise<void> {
  const tcp = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP'));
  const until = performance.now() + waitMs;
  // closing is asynchronous: handles go away within a few event loop turns
  while (tcp().length && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
  if (tcp().length) throw new Error(`still open after closing the servers: ${tcp().join(', ')}`);
}
