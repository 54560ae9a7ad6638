import { Container, Graphics } from 'pixi.js';
import type { MapGeometry } from './geometry.ts';

/** Arcs drawn at most (the largest flows): enough to read, few enough to redraw every frame. */
const MAX_ARCS = 60;
const ARC_COLOUR = 0x1b1b3a;
const DOT_COLOUR = 0xffffff;

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

/** Supply-flow arcs between regions, width by volume, with dots moving from source to buyer. */
export class FlowLayer {
  readonly graphics = new Container();
  /** The arcs change with each snapshot; only the moving dots are redrawn every frame. */
  private readonly lines = new Graphics();
  private readonly dots = new Graphics();
  private arcs: Arc[] = [];

  constructor(private readonly geometry: MapGeometry) {
    this.graphics.eventMode = 'none';
    this.graphics.addChild(this.lines, this.dots);
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
  }

  animate(time: number): void {
    const g = this.dots.clear();
    for (const arc of this.arcs) {
      for (let k = 0; k < 3; k++) {
        const t = ((time / 2500 + k / 3) % 1 + 1) % 1;
        const [x, y] = along(arc, t);
        g.circle(x, y, Math.max(1.2, arc.width * 0.6));
      }
    }
    g.fill({ color: DOT_COLOUR, alpha: 0.9 });
  }
}
