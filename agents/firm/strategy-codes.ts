import { DUAL, GLOBAL, LOCAL, MULTILOCAL, NEARSHORE } from './schema.ts';
import type { Strategy } from './params.ts';

export const STRATEGY_CODES: Record<Strategy, number> = { GLOBAL, DUAL, NEARSHORE, MULTILOCAL, LOCAL };
export const STRATEGY_NAMES: readonly Strategy[] = ['GLOBAL', 'DUAL', 'NEARSHORE', 'MULTILOCAL', 'LOCAL'];
