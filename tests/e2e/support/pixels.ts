import type { Locator } from 'playwright-core';

/** A canvas read back as a coarse grid of RGBA samples (enough to see change, small to compare). */
export interface PixelSample {
  width: number;
  height: number;
  /** RGBA bytes of a GRID × GRID sample of the canvas. */
  rgba: number[];
}

const GRID = 96;

/** Reads a <canvas> (WebGL with preserveDrawingBuffer, or 2D) through a 2D copy of it. */
export function samplePixels(canvas: Locator): Promise<PixelSample> {
  return canvas.evaluate((element, grid) => {
    const source = element as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = grid;
    copy.height = grid;
    const context = copy.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D context for reading the canvas');
    context.drawImage(source, 0, 0, grid, grid);
    return { width: source.width, height: source.height, rgba: Array.from(context.getImageData(0, 0, grid, grid).data) };
  }, GRID);
}

/** Number of distinct colours among the samples (a blank canvas has one). */
export function distinctColours(sample: PixelSample): number {
  const colours = new Set<number>();
  for (let i = 0; i < sample.rgba.length; i += 4) {
    colours.add(((sample.rgba[i] << 24) | (sample.rgba[i + 1] << 16) | (sample.rgba[i + 2] << 8) | sample.rgba[i + 3]) >>> 0);
  }
  return colours.size;
}

/** Share of sampled pixels that are not fully transparent and differ from the most common colour. */
export function paintedShare(sample: PixelSample): number {
  const counts = new Map<number, number>();
  const n = sample.rgba.length / 4;
  let painted = 0;
  for (let i = 0; i < sample.rgba.length; i += 4) {
    const key = ((sample.rgba[i] << 24) | (sample.rgba[i + 1] << 16) | (sample.rgba[i + 2] << 8) | sample.rgba[i + 3]) >>> 0;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const background = Math.max(...counts.values());
  for (let i = 0; i < sample.rgba.length; i += 4) if (sample.rgba[i + 3] > 0) painted++;
  return Math.min(painted, n - background) / n;
}

/** Share of samples whose colour differs by more than `tolerance` in any channel. */
export function changedShare(a: PixelSample, b: PixelSample, tolerance = 8): number {
  if (a.rgba.length !== b.rgba.length) return 1;
  let changed = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.rgba[i + c] - b.rgba[i + c]) > tolerance) {
        changed++;
        break;
      }
    }
  }
  return changed / (a.rgba.length / 4);
}

/** Waits until a canvas shows more than `colours` distinct colours (a map drawn, not blank). */
export async function waitForPaint(canvas: Locator, colours = 8, timeout = 60_000): Promise<PixelSample> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const sample = await samplePixels(canvas);
    if (distinctColours(sample) > colours) return sample;
    if (Date.now() > deadline) throw new Error(`the canvas stayed blank (${distinctColours(sample)} colour(s)) for ${timeout / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
