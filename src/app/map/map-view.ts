import 'pixi.js/unsafe-eval';
import { Application, Container, Graphics } from 'pixi.js';
import { Viewport } from 'pixi-viewport';
import { MAP_LAYERS, type MapLayer, type MapSnapshot } from '../../worker/map-snapshot.ts';
import { colourFor, type PaletteName } from './palette.ts';
import type { MapGeometry } from './geometry.ts';
import { AgentLayer } from './agent-layer.ts';
import { FlowLayer } from './flow-layer.ts';
import { particleTextures } from './textures.ts';
import { canvasPng } from '../exports.ts';

/** An agent near the pointer, for the inspector. */
export interface AgentHit {
  kind: 'plant' | 'hub' | 'sme' | 'cell';
  id: number;
}

export interface MapPointer {
  region: number;
  /** The agent under the pointer, if any. */
  agent: AgentHit | null;
  /** Map coordinates of the pointer. */
  x: number;
  y: number;
  /** Screen coordinates inside the canvas. */
  screenX: number;
  screenY: number;
}

const LOCKDOWN_COLOUR = 0xd7191c;
const BORDER_COLOUR = 0xff7f00;
const SELECTED_COLOUR = 0xffffff;
/**
 * With software WebGL every pixel of a map frame costs CPU time three times over (drawing,
 * reading back, compositing): the map is drawn at 3/4 of the resolution and scaled up by the
 * browser (slightly softer, about half the pixels), and without multisampling (which multiplies
 * the cost of every frame by about 2.5 in SwiftShader).
 */
const SOFTWARE_RESOLUTION = 0.75;

/**
 * Whether WebGL draws in software here (SwiftShader, llvmpipe…): every triangle and pixel of a
 * map frame then costs CPU time. Asked of a throwaway context, before the map's own is made.
 */
function softwareWebGl(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
}

/**
 * The pixi.js v8 map: region shapes tinted by the choropleth (one Graphics per region, drawn once),
 * lockdown and closed-border overlays, supply-flow arcs, agent particles, and pan/zoom by wheel,
 * drag and pinch (pixi-viewport). It draws snapshots; it never steps the model.
 */
export class MapView {
  private readonly regionShapes: Graphics[] = [];
  private readonly lockdowns: Graphics[] = [];
  private readonly borders: Graphics[] = [];
  private selection = new Graphics();
  private markers = new Graphics();
  private markerPositions: { kind: 'plant' | 'hub'; id: number; x: number; y: number }[] = [];
  private agents!: AgentLayer;
  private flows!: FlowLayer;
  private viewport!: Viewport;
  private geometry: MapGeometry | null = null;
  snapshot: MapSnapshot | null = null;
  /** Something changed since the last draw (a snapshot, the view, the selection, the colours). */
  private dirty = true;
  /** The user moved the view: draw at once, whatever the caller allows. */
  private viewMoved = false;
  /** The layer the regions were last coloured with. */
  private drawnLayer: MapLayer | null = null;
  private selected: number[] = [];
  /** Frames drawn (the benchmark reports map draws per second). */
  draws = 0;
  layer: MapLayer = 'access';
  palette: PaletteName = 'viridis';
  onHover: (pointer: MapPointer | null) => void = () => {};
  onSelect: (pointer: MapPointer, additive: boolean) => void = () => {};

  private constructor(
    readonly app: Application,
    readonly software: boolean,
  ) {}

  static async create(canvas: HTMLCanvasElement, width: number, height: number): Promise<MapView> {
    const software = softwareWebGl();
    const app = new Application();
    const resolution = Math.min(2, globalThis.devicePixelRatio || 1);
    await app.init({
      canvas,
      width,
      height,
      preserveDrawingBuffer: true,
      antialias: !software,
      background: 0xcfdde6,
      preference: 'webgl',
      autoStart: false,
      resolution: software ? Math.min(SOFTWARE_RESOLUTION, resolution) : resolution,
      autoDensity: true,
    });
    return new MapView(app, software);
  }

  setGeometry(geometry: MapGeometry): void {
    if (this.geometry === geometry) return;
    this.geometry = geometry;
    this.dirty = true;
    this.dropViewport();
    this.selection = new Graphics();
    this.markers = new Graphics();
    this.drawnLayer = null;
    this.selected = [];
    const { app } = this;
    const viewport = new Viewport({
      screenWidth: app.screen.width,
      screenHeight: app.screen.height,
      worldWidth: geometry.width,
      worldHeight: geometry.height,
      events: app.renderer.events,
      passiveWheel: false,
    });
    viewport.drag().pinch().wheel().decelerate().clampZoom({ minScale: 0.2, maxScale: 40 });
    viewport.on('moved', () => (this.dirty = this.viewMoved = true));
    this.viewport = viewport;
    app.stage.addChild(viewport);
    const regions = new Container();
    const overlays = new Container();
    // Outlines in one Graphics of 1-pixel lines (a line per segment; a stroke of width would be
    // triangles, tens of thousands for the world's countries, each costly in software WebGL).
    const outlines = new Graphics();
    outlines.eventMode = 'none';
    for (const [r, shape] of geometry.regions.entries()) {
      const g = new Graphics();
      for (const ring of shape.rings) g.poly(ring).fill(0xffffff);
      for (const ring of shape.rings) outlines.poly(ring).stroke({ width: 1, pixelLine: true, color: 0x1d2b36, alpha: 0.35 });
      g.eventMode = 'static';
      g.cursor = 'pointer';
      g.on('pointermove', (e) => this.onHover(this.pointer(r, e.global.x, e.global.y)));
      g.on('pointerleave', () => this.onHover(null));
      g.on('pointertap', (e) => this.onSelect(this.pointer(r, e.global.x, e.global.y), e.shiftKey || e.ctrlKey || e.metaKey));
      regions.addChild(g);
      this.regionShapes.push(g);
      this.lockdowns.push(this.overlay(shape.rings, (o, ring) => o.poly(ring).fill({ color: LOCKDOWN_COLOUR, alpha: 0.45 })));
      this.borders.push(this.overlay(shape.rings, (o, ring) => o.poly(ring).stroke({ width: 3, color: BORDER_COLOUR })));
    }
    regions.addChild(outlines);
    overlays.addChild(...this.lockdowns, ...this.borders);
    const textures = particleTextures();
    this.agents = new AgentLayer(geometry, textures);
    this.flows = new FlowLayer(geometry, textures.dot);
    // Only the region shapes take pointer events; an agent is picked by distance (nearestAgent).
    // Inside the viewport (whose drag makes it interactive) a shape drawn above a region would
    // otherwise take the hit and swallow the click: the plant and hub markers did (a click on a
    // plant's square selected nothing), and so would the selection outline along its stroke.
    for (const layer of [this.selection, this.agents.container, this.markers]) layer.eventMode = 'none';
    viewport.addChild(regions, overlays, this.selection, this.agents.container, this.flows.lines, this.flows.dots, this.markers);
    this.fit();
  }

  /** Takes the old scene off the stage now (no more hit tests on it) and frees it a moment later. */
  private dropViewport(): void {
    const old = this.viewport;
    this.regionShapes.length = this.lockdowns.length = this.borders.length = 0;
    if (!old) return;
    old.removeFromParent();
    setTimeout(() => old.destroy({ children: true }), 0);
  }

  private overlay(rings: number[][], draw: (g: Graphics, ring: number[]) => void): Graphics {
    const g = new Graphics();
    for (const ring of rings) draw(g, ring);
    g.visible = false;
    g.eventMode = 'none';
    return g;
  }

  private pointer(region: number, screenX: number, screenY: number): MapPointer {
    const world = this.viewport.toWorld(screenX, screenY);
    const agent = this.nearestAgent(world.x, world.y, 6 / this.viewport.scale.x);
    return { region, agent, x: world.x, y: world.y, screenX, screenY };
  }

  /** The marker or particle nearest to (x, y) within `radius` map units: markers first, then SMEs, then cells. */
  private nearestAgent(x: number, y: number, radius: number): AgentHit | null {
    let best: AgentHit | null = null;
    let bestDistance = radius;
    const consider = (kind: AgentHit['kind'], id: number, px: number, py: number) => {
      const d = Math.hypot(px - x, py - y);
      if (d < bestDistance) [best, bestDistance] = [{ kind, id }, d];
    };
    for (const m of this.markerPositions) consider(m.kind, m.id, m.x, m.y);
    if (best || !this.snapshot || !this.geometry) return best;
    const found = this.agents.nearest(this.snapshot, x, y, radius);
    return found;
  }

  /** Zooms to the regions' extent. */
  fit(): void {
    if (!this.geometry) return;
    const xs: number[] = [];
    const ys: number[] = [];
    for (const shape of this.geometry.regions) for (const ring of shape.rings) for (let i = 0; i < ring.length; i += 2) (xs.push(ring[i]), ys.push(ring[i + 1]));
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    this.viewport.fit(true, (maxX - minX) * 1.05, (maxY - minY) * 1.05);
    this.viewport.moveCenter((minX + maxX) / 2, (minY + maxY) / 2);
  }

  resize(width: number, height: number): void {
    this.app.renderer.resize(width, height);
    if (!this.geometry || !this.viewport) return;
    this.viewport.resize(width, height, this.geometry.width, this.geometry.height);
    this.fit();
    this.dirty = true;
  }

  /** Region values of the current layer (NaN where undefined). */
  layerValues(snapshot = this.snapshot, layer = this.layer): Float32Array {
    if (!snapshot) return new Float32Array(0);
    const k = MAP_LAYERS.indexOf(layer);
    return snapshot.layers.subarray(k * snapshot.regionCount, (k + 1) * snapshot.regionCount);
  }

  update(snapshot: MapSnapshot): void {
    // The same picture in the same colours (an update of the controls, not of the run): nothing to do.
    if (snapshot === this.snapshot && this.layer === this.drawnLayer) return;
    this.snapshot = snapshot;
    if (!this.geometry || this.geometry.regions.length !== snapshot.regionCount) return;
    this.recolour();
    for (let r = 0; r < this.regionShapes.length; r++) {
      this.lockdowns[r].visible = snapshot.lockedDown[r] === 1;
      this.borders[r].visible = snapshot.borderOpen[r] === 0;
    }
    this.agents.update(snapshot);
    this.flows.setFlows(snapshot.flows);
    this.drawMarkers(snapshot);
  }

  recolour(): void {
    this.dirty = true;
    this.drawnLayer = this.layer;
    const values = this.layerValues();
    for (let r = 0; r < this.regionShapes.length; r++) this.regionShapes[r].tint = colourFor(values[r], this.palette);
  }

  /** Lead-firm plants (squares, size by capacity) and hub suppliers (diamonds) at region anchors. */
  private drawMarkers(snapshot: MapSnapshot): void {
    const geometry = this.geometry as MapGeometry;
    const g = this.markers.clear();
    this.markerPositions = [];
    const perRegion = new Map<number, number>();
    const next = (r: number) => {
      const k = perRegion.get(r) ?? 0;
      perRegion.set(r, k + 1);
      return k;
    };
    for (let h = 0; h < snapshot.hubRegion.length; h++) {
      const [x, y] = geometry.regions[snapshot.hubRegion[h]].anchor;
      const k = next(snapshot.hubRegion[h]);
      const cx = x + (k % 4) * 7 - 10;
      const cy = y - 10 - Math.floor(k / 4) * 7;
      this.markerPositions.push({ kind: 'hub', id: h, x: cx, y: cy });
      g.poly([cx, cy - 4, cx + 4, cy, cx, cy + 4, cx - 4, cy]).fill(0xe7298a).stroke({ width: 0.8, color: 0x000000 });
    }
    for (let p = 0; p < snapshot.plantRegion.length; p++) {
      const [x, y] = geometry.regions[snapshot.plantRegion[p]].anchor;
      const k = next(snapshot.plantRegion[p]);
      const size = 2.5 + Math.min(4, Math.sqrt(snapshot.plantCapacity[p]) / 40);
      const cx = x + (k % 4) * 7 - 10;
      const cy = y - 10 - Math.floor(k / 4) * 7;
      this.markerPositions.push({ kind: 'plant', id: p, x: cx, y: cy });
      g.rect(cx - size, cy - size, size * 2, size * 2)
        .fill({ color: 0xffffff, alpha: snapshot.plantActive[p] ? 1 : 0.3 })
        .stroke({ width: 0.8, color: 0x000000 });
    }
  }

  /**
   * Where the marker of plant or hub `id` was last drawn, in the canvas's CSS pixels (null when it is
   * not drawn): a click there selects it. For the browser tests, which aim at a plant.
   */
  markerOnScreen(kind: 'plant' | 'hub', id: number): { x: number; y: number } | null {
    const marker = this.markerPositions.find((m) => m.kind === kind && m.id === id);
    if (!marker || !this.viewport) return null;
    const { x, y } = this.viewport.toScreen(marker.x, marker.y);
    return { x, y };
  }

  setSelection(regions: number[]): void {
    if (!this.geometry) return;
    if (regions.length === this.selected.length && regions.every((r, k) => r === this.selected[k])) return;
    this.selected = regions.slice();
    this.dirty = true;
    const g = this.selection.clear();
    for (const r of regions) for (const ring of this.geometry.regions[r]?.rings ?? []) g.poly(ring).stroke({ width: 2.5, color: SELECTED_COLOUR });
  }

  /**
   * Draws a frame when something changed, or always when `animate` (the dots on the arcs move
   * with time); not at all when the caller does not `allow` one now (it spaces frames while the
   * run plays), unless the user moved the view. Says whether it drew.
   */
  render(time: number, animate = true, allow = true): boolean {
    if (!this.geometry || !(allow || this.viewMoved)) return false;
    if (!animate && !this.dirty) return false;
    if (animate) this.flows.animate(time);
    this.app.render();
    this.dirty = this.viewMoved = false;
    this.draws++;
    return true;
  }

  /**
   * The map as PNG at the screen's full resolution (a software-WebGL map draws at less: it is
   * drawn once more at full resolution for the picture, then back).
   */
  async png(): Promise<Blob> {
    const { renderer, screen } = this.app;
    const drawn = renderer.resolution;
    const full = Math.min(2, globalThis.devicePixelRatio || 1);
    if (drawn !== full) renderer.resize(screen.width, screen.height, full);
    this.app.render();
    // toBlob takes the canvas's pixels when called: the drawing resolution can go back at once.
    const picture = canvasPng(this.canvas);
    if (drawn !== full) {
      renderer.resize(screen.width, screen.height, drawn);
      this.dirty = true;
    }
    return picture;
  }

  get canvas(): HTMLCanvasElement {
    return this.app.canvas;
  }

  destroy(): void {
    this.app.destroy({ removeView: false }, { children: true });
  }
}
