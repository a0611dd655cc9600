import type { ButtonHTMLAttributes } from 'react';
import tokens from '@acme/design-tokens/tokens.json';

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

/** The one button of the design system; new variants start here, not in the app. */
export function Button(props: ButtonProps) {
  return <button {...props} style={{ background: tokens.color.primary, borderRadius: tokens.radius.md }} />;
}
