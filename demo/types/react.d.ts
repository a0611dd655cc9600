// Just enough of React's and the workspace packages' types for the demo to read cleanly in an
// editor without an `npm install` (the demo ships no node_modules).
declare module 'react' {
  export function useState<T>(initial: T): [T, (next: T) => void];
  export type ButtonHTMLAttributes<T> = { [attribute: string]: unknown } & { readonly element?: T };
}

declare module 'react-dom/client' {
  export function createRoot(container: Element): { render(element: unknown): void };
}

declare module '@acme/design-tokens/tokens.json' {
  const tokens: { color: Record<string, string>; radius: Record<string, string> };
  export default tokens;
}

declare namespace JSX {
  type Element = unknown;
  interface IntrinsicElements {
    [element: string]: Record<string, unknown>;
  }
}
