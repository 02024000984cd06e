/**
 * Polls `condition` until it holds, failing with `description` after `timeoutMs`. Tests wait for
 * an outcome this way instead of sleeping for a guessed duration.
 */
export async function waitUntil(description: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await condition()) return;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
