import type { Catalogue } from './en.ts';
import { en } from './en.ts';

/** Français. */
export const fr: Catalogue = { ...en };
