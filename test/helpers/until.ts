/** Waits, checking every 10 ms, until `condition` holds; fails the test after `ms`. */
export async function until(condition: () => boolean, ms = 20_000, what = 'the condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
