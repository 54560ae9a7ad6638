import { Graphics, Particle, ParticleContainer, Rectangle, type Texture } from 'pixi.js';
import type { MapGeometry } from './geometry.ts';

/** Arcs drawn at most (the largest flows): enough to read, few enough to animate every frame. */
const MAX_ARCS = 60;
const DOTS_PER_ARC = 3;
const ARC_COLOUR = 0x1b1b3a;
const DOT_COLOUR = 0xffffff;
/** Diameter of the dot texture (px), to scale a particle to a radius in map units. */
const DOT_TEXTURE_SIZE = 32;

interface Arc {
  from: [number, number];
  to: [number, number];
  control: [number, number];
  width: number;
  volume: number;
}

function along(arc: Arc, t: number): [number, number] {
  const u = 1 - t;
  return [
    u * u * arc.from[0] + 2 * u * t * arc.control[0] + t * t * arc.to[0],
    u * u * arc.from[1] + 2 * u * t * arc.control[1] + t * t * arc.to[1],
  ];
}

/**
 * Supply-flow arcs between regions, width by volume (`lines`, redrawn with each snapshot), with
 * dots moving from source to buyer (`dots`: a fixed pool of particles whose positions change
 * every frame, so an animation frame re-tessellates nothing).
 */
export class FlowLayer {
  readonly lines = new Graphics();
  readonly dots: ParticleContainer;
  private readonly pool: Particle[] = [];
  private arcs: Arc[] = [];

  constructor(
    private readonly geometry: MapGeometry,
    dot: Texture,
  ) {
    this.lines.eventMode = 'none';
    this.dots = new ParticleContainer({ texture: dot, dynamicProperties: { position: true, color: false, uvs: false, vertex: false, rotation: false } });
    this.dots.eventMode = 'none';
    this.dots.boundsArea = new Rectangle(0, 0, geometry.width, geometry.height);
    for (let k = 0; k < MAX_ARCS * DOTS_PER_ARC; k++) {
      const particle = new Particle({ texture: dot, anchorX: 0.5, anchorY: 0.5, tint: DOT_COLOUR, alpha: 0 });
      this.pool.push(particle);
      this.dots.addParticle(particle);
    }
  }

  setFlows(triples: Float32Array): void {
    const flows: { from: number; to: number; volume: number }[] = [];
    for (let i = 0; i + 2 < triples.length; i += 3) flows.push({ from: triples[i], to: triples[i + 1], volume: triples[i + 2] });
    flows.sort((a, b) => b.volume - a.volume || a.from - b.from || a.to - b.to);
    const top = flows.slice(0, MAX_ARCS);
    const max = top[0]?.volume ?? 1;
    this.arcs = top.map((f) => {
      const from = this.geometry.regions[f.from].anchor;
      const to = this.geometry.regions[f.to].anchor;
      const [mx, my] = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2];
      const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
      const arc: Arc = { from, to, control: [mx - dy * 0.2, my + dx * 0.2 - Math.hypot(dx, dy) * 0.1], width: 0.6 + 4 * Math.sqrt(f.volume / max), volume: f.volume };
      return arc;
    });
    const g = this.lines.clear();
    for (const arc of this.arcs) {
      g.moveTo(arc.from[0], arc.from[1]).quadraticCurveTo(arc.control[0], arc.control[1], arc.to[0], arc.to[1]);
      g.stroke({ width: arc.width, color: ARC_COLOUR, alpha: 0.45 });
    }
    this.pool.forEach((particle, k) => {
      const arc = this.arcs[Math.floor(k / DOTS_PER_ARC)];
      particle.alpha = arc ? 0.9 : 0;
      particle.scaleX = particle.scaleY = arc ? (2 * Math.max(1.2, arc.width * 0.6)) / DOT_TEXTURE_SIZE : 0;
    });
    // Alpha and scale are static properties of the container: upload them again.
    this.dots.update();
  }

  /** Moves the dots along their arcs to where they are at `time` (ms). */
  animate(time: number): void {
    for (let a = 0; a < this.arcs.length; a++) {
      for (let k = 0; k < DOTS_PER_ARC; k++) {
        const t = (((time / 2500 + k / DOTS_PER_ARC) % 1) + 1) % 1;
        const particle = this.pool[a * DOTS_PER_ARC + k];
        [particle.x, particle.y] = along(this.arcs[a], t);
      }
    }
  }
}
