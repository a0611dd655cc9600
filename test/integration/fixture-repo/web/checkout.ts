import { charge } from '../services/payments/client';

// Paths in strings, an import without its extension, and strings that are not paths.
export const menu = 'docs/café menu.md';
export const legacy = "services/payments/legacy/old.go";
export const word = 'services';
export const greeting = 'hello world';
export const outside = '../../../../../../../../etc/passwd';
export const pay = () => charge(100);
