import type { MapSnapshot } from '../worker/map-snapshot.ts';
import type { SeriesStore } from './series-store.ts';
import { percent, t } from './i18n/index.ts';

/** Region names of a flag array, shortened when many ("Hanzhou, Mezquita and 3 more"). */
function names(flags: Uint8Array, regionNames: string[], want: number): string {
  const hit = regionNames.filter((_, r) => flags[r] === want);
  return hit.length <= 3 ? hit.join(', ') : `${hit.slice(0, 3).join(', ')} +${hit.length - 3}`;
}

/**
 * The state in words for the aria-live region, e.g. "Week 40: Hanzhou, Mezquita in lockdown,
 * fill rate 62%, trust in firms falling".
 */
export function describeState(snapshot: MapSnapshot, series: SeriesStore, regionNames: string[], done: boolean): string {
  const parts: string[] = [t('announceWeek', { week: Math.max(0, snapshot.week) })];
  const locked = names(snapshot.lockedDown, regionNames, 1);
  if (locked) parts.push(t('announceLockdown', { regions: locked }));
  const closed = names(snapshot.borderOpen, regionNames, 0);
  if (closed) parts.push(t('announceBorders', { regions: closed }));
  parts.push(t('announceFillRate', { value: percent(series.latest('fillRate')) }));
  const now = series.latest('trustFirms');
  const before = series.earlier('trustFirms', 4);
  const trend = !Number.isFinite(before) || Math.abs(now - before) < 0.002 ? 'trendSteady' : now > before ? 'trendRising' : 'trendFalling';
  parts.push(t('announceTrust', { trend: t(trend) }));
  if (done) parts.push(t('announceDone'));
  return `${parts[0]}: ${parts.slice(1).join(', ')}`;
}
