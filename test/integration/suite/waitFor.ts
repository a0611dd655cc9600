// Extension activation, git status and command registration all happen asynchronously after
// the window opens: tests poll for the condition instead of sleeping a fixed time.
import { setTimeout as delay } from 'node:timers/promises';

export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 20_000, intervalMs = 50, describe }: { timeoutMs?: number; intervalMs?: number; describe?: () => unknown } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() >= deadline) {
      const seen = describe ? `; last seen: ${JSON.stringify(describe())}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}`);
    }
    await delay(intervalMs);
  }
}
