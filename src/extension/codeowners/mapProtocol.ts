// Messages between the ownership map webview and the extension. The page renders from the
// data embedded in its HTML and posts nothing today; whatever arrives is checked against
// this protocol and dropped unless it is exactly one of these. No vscode import.

export type MapMessage = { type: 'refresh' };

/**
 * Accepts only a plain object (structured-clone output: prototype Object.prototype or null)
 * whose one own key, string or symbol, is `type`, holding the string `refresh` as a data
 * property. A getter, an inherited `type`, a `__proto__` key or a class instance is refused
 * without running anything of the value's; a Proxy that throws is refused, not rethrown.
 */
export function isMapMessage(value: unknown): value is MapMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  try {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    const keys = Reflect.ownKeys(value);
    if (keys.length !== 1 || keys[0] !== 'type') return false;
    const type = Object.getOwnPropertyDescriptor(value, 'type');
    return type !== undefined && 'value' in type && type.value === 'refresh';
  } catch {
    return false;
  }
}
