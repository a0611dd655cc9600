// Times in messages: to the minute, in UTC, so that CI logs and a laptop read the same.

/** `2025-01-31 09:12 UTC` */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
