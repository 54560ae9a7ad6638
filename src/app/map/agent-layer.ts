import { Particle, ParticleContainer, Rectangle } from 'pixi.js';
import type { MapSnapshot } from '../../worker/map-snapshot.ts';
import { SME_ALIVE, SME_DIGITAL, SME_IN_CHAIN } from '../../worker/map-snapshot.ts';
import { hash01, type MapGeometry } from './geometry.ts';
import type { ParticleTextures } from './textures.ts';

/** SMEs drawn at most (every k-th id beyond it): the map stays fluid at world-2019's scale. */
export const MAX_SMES_DRAWN = 12000;
const SME_OFFLINE = 0xf2a541;
const SME_ADOPTED = 0x3ec5f0;
const CELL_LOW = 0x5b3a29;
const CELL_HIGH = 0xe8e1d0;

/** Where agent `id` of a kind sits inside region `region` (stable: a hash of the id). */
export function agentPosition(geometry: MapGeometry, region: number, id: number, salt: number): [number, number] {
  const points = geometry.regions[region]?.points;
  if (!points || points.length === 0) return geometry.regions[region]?.anchor ?? [0, 0];
  const k = Math.floor(hash01(id, salt) * (points.length / 2));
  const jitter = 3;
  return [points[2 * k] + (hash01(id, salt + 1) - 0.5) * jitter, points[2 * k + 1] + (hash01(id, salt + 2) - 0.5) * jitter];
}

/**
 * SMEs (colour by digital adoption, a ring when in a value chain) and community cells (shade by
 * internet access) as particles with one shared texture; only tint and visibility change.
 */
export class AgentLayer {
  readonly container: ParticleContainer;
  private readonly smes: (Particle | null)[] = [];
  private readonly smeRegions: number[] = [];
  private readonly cells: Particle[] = [];
  smeStride = 1;

  constructor(
    private readonly geometry: MapGeometry,
    private readonly textures: ParticleTextures,
  ) {
    this.container = new ParticleContainer({
      texture: textures.dot,
      dynamicProperties: { position: false, color: true, uvs: true, vertex: false, rotation: false },
    });
    this.container.boundsArea = new Rectangle(0, 0, geometry.width, geometry.height);
  }

  update(snapshot: MapSnapshot): void {
    if (this.cells.length === 0) this.createCells(snapshot);
    this.smeStride = Math.max(1, Math.ceil(snapshot.smeRegion.length / MAX_SMES_DRAWN), this.smeStride);
    const { smeRegion, smeState } = snapshot;
    for (let id = 0; id < smeRegion.length; id++) {
      if (id % this.smeStride !== 0) continue;
      const particle = this.smeParticle(id, smeRegion[id]);
      const state = smeState[id];
      particle.alpha = state & SME_ALIVE ? 0.95 : 0;
      particle.tint = state & SME_DIGITAL ? SME_ADOPTED : SME_OFFLINE;
      particle.texture = state & SME_IN_CHAIN ? this.textures.ring : this.textures.dot;
    }
    for (let k = 0; k < this.cells.length; k++) {
      this.cells[k].tint = mixColour(CELL_LOW, CELL_HIGH, snapshot.cellAccess[k]);
    }
    this.container.update();
  }

  /** The drawn SME (or else cell) nearest to (x, y) within `radius`. */
  nearest(snapshot: MapSnapshot, x: number, y: number, radius: number): { kind: 'sme' | 'cell'; id: number } | null {
    let best: { kind: 'sme' | 'cell'; id: number } | null = null;
    let bestDistance = radius;
    for (let id = 0; id < this.smes.length; id++) {
      const p = this.smes[id];
      if (!p || !(snapshot.smeState[id] & SME_ALIVE)) continue;
      const d = Math.hypot(p.x - x, p.y - y);
      if (d < bestDistance) [best, bestDistance] = [{ kind: 'sme', id }, d];
    }
    if (best) return best;
    for (let k = 0; k < this.cells.length; k++) {
      const d = Math.hypot(this.cells[k].x - x, this.cells[k].y - y);
      if (d < bestDistance) [best, bestDistance] = [{ kind: 'cell', id: k * snapshot.cellStride }, d];
    }
    return best;
  }

  private createCells(snapshot: MapSnapshot): void {
    for (let k = 0; k < snapshot.cellRegion.length; k++) {
      const [x, y] = agentPosition(this.geometry, snapshot.cellRegion[k], k * snapshot.cellStride, 11);
      const particle = new Particle({ texture: this.textures.dot, x, y, scaleX: 0.1, scaleY: 0.1, anchorX: 0.5, anchorY: 0.5, alpha: 0.7 });
      this.cells.push(particle);
      this.container.addParticle(particle);
    }
  }

  private smeParticle(id: number, region: number): Particle {
    let particle = this.smes[id];
    if (particle && this.smeRegions[id] !== region) {
      // A freed slot reused by an entrant elsewhere: move its particle.
      [particle.x, particle.y] = agentPosition(this.geometry, region, id, 3);
      this.smeRegions[id] = region;
    }
    if (!particle) {
      this.smeRegions[id] = region;
      const [x, y] = agentPosition(this.geometry, region, id, 3);
      particle = new Particle({ texture: this.textures.dot, x, y, scaleX: 0.16, scaleY: 0.16, anchorX: 0.5, anchorY: 0.5 });
      this.smes[id] = particle;
      this.container.addParticle(particle);
    }
    return particle;
  }
}

function mixColour(a: number, b: number, t: number): number {
  const u = Math.min(1, Math.max(0, t));
  const channel = (shift: number) => Math.round(((a >> shift) & 255) * (1 - u) + ((b >> shift) & 255) * u);
  return (channel(16) << 16) | (channel(8) << 8) | channel(0);
}
