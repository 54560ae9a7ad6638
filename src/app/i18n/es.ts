import type { Catalogue } from './en.ts';
import { en } from './en.ts';

/** Español. */
export const es: Catalogue = { ...en };
