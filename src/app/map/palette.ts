/**
 * Colour-blind-safe sequential palettes (matplotlib's viridis and cividis, sampled stops).
 * Values outside [0, 1] are clamped; NaN (no data) is grey.
 */
const VIRIDIS = [0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725];
const CIVIDIS = [0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173, 0x8a8678, 0xa59c74, 0xc3b369, 0xe1cc55, 0xfee838];

export type PaletteName = 'viridis' | 'cividis';
export const NO_DATA_COLOUR = 0x9a9a9a;

function mix(a: number, b: number, t: number): number {
  const channel = (shift: number) => Math.round(((a >> shift) & 255) * (1 - t) + ((b >> shift) & 255) * t);
  return (channel(16) << 16) | (channel(8) << 8) | channel(0);
}

export function colourFor(value: number, palette: PaletteName = 'viridis'): number {
  if (!Number.isFinite(value)) return NO_DATA_COLOUR;
  const stops = palette === 'viridis' ? VIRIDIS : CIVIDIS;
  const x = Math.min(1, Math.max(0, value)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  return mix(stops[i], stops[i + 1], x - i);
}

export function cssColour(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

/** A CSS linear gradient of the palette, for the legend. */
export function cssGradient(palette: PaletteName = 'viridis'): string {
  const stops = Array.from({ length: 11 }, (_, i) => `${cssColour(colourFor(i / 10, palette))} ${i * 10}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
