import { en, type Catalogue, type MessageKey } from './en.ts';
import { fr } from './fr.ts';
import { es } from './es.ts';
import type { Language } from '../lessons/types.ts';

export type { MessageKey, Catalogue };
export const LANGUAGES: readonly Language[] = ['en', 'fr', 'es'];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };

/** Every UI string, by language: each catalogue has every key (the type checks it). */
export const CATALOGUES: Record<Language, Catalogue> = { en, fr, es };

let current: Language = 'en';

export function setLanguage(language: Language): void {
  current = language;
  document.documentElement.lang = language;
}

export function language(): Language {
  return current;
}

/** The UI string `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = CATALOGUES[current][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A number as a percentage in the current language (a share: 0.25 is 25 %), with up to `digits` decimals. */
export function percent(value: number, digits = 0): string {
  return Number.isFinite(value) ? new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: digits }).format(value) : '—';
}

export function number(value: number, digits = 2): string {
  return Number.isFinite(value) ? new Intl.NumberFormat(current, { maximumFractionDigits: digits }).format(value) : '—';
}
