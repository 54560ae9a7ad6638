import { LitElement, css, html } from 'lit';
import { MapView, type MapPointer } from '../map/map-view.ts';
import type { MapGeometry } from '../map/geometry.ts';
import type { MapSnapshot, MapLayer } from '../../worker/map-snapshot.ts';

/**
 * One map canvas (`data-testid` given by the app: `map`, or `map-compare` in compare mode) with
 * its hover tooltip. Emits `region-hover` (detail: MapPointer | null) and `region-select`
 * (detail: { pointer, additive }).
 */
export class GlocalMap extends LitElement {
  static override properties = { testid: { type: String }, label: { type: String }, tooltip: { attribute: false } };
  declare testid: string;
  declare label: string;
  declare tooltip: { x: number; y: number; text: string } | null;
  view: MapView | null = null;
  private ready: Promise<MapView> | null = null;
  private resizeObserver: ResizeObserver | null = null;

  static override styles = css`
    :host { display: block; position: relative; min-height: 240px; min-width: 0; overflow: hidden; border-radius: 6px; }
    canvas { position: absolute; inset: 0; display: block; touch-action: none; }
    canvas:focus-visible { outline: 3px solid var(--focus, #ffbf47); outline-offset: 2px; }
    .tooltip { position: absolute; pointer-events: none; background: rgba(15, 23, 32, 0.92); color: #fff; padding: 0.35em 0.6em;
      border-radius: 4px; font-size: 0.85em; white-space: pre-line; max-width: 22em; z-index: 2; }
  `;

  constructor() {
    super();
    this.testid = 'map';
    this.label = '';
    this.tooltip = null;
  }

  override render() {
    return html`<canvas data-testid=${this.testid} role="img" aria-label=${this.label} tabindex="0"></canvas>
      ${this.tooltip ? html`<div class="tooltip" style="left:${this.tooltip.x + 14}px;top:${this.tooltip.y + 14}px">${this.tooltip.text}</div>` : null}`;
  }

  /** Creates the pixi map on first use (after the first render put the canvas in place). */
  async whenReady(): Promise<MapView> {
    if (!this.ready) this.ready = this.createView();
    return this.ready;
  }

  private async createView(): Promise<MapView> {
    await this.updateComplete;
    const canvas = this.renderRoot.querySelector('canvas') as HTMLCanvasElement;
    const { width, height } = this.size();
    const view = await MapView.create(canvas, width, height);
    view.onHover = (pointer) => this.dispatchEvent(new CustomEvent<MapPointer | null>('region-hover', { detail: pointer }));
    view.onSelect = (pointer, additive) => this.dispatchEvent(new CustomEvent('region-select', { detail: { pointer, additive } }));
    this.view = view;
    this.resizeObserver = new ResizeObserver(() => {
      const s = this.size();
      view.resize(s.width, s.height);
    });
    this.resizeObserver.observe(this);
    return view;
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(200, this.clientWidth), height: Math.max(200, this.clientHeight) };
  }

  async setGeometry(geometry: MapGeometry): Promise<void> {
    (await this.whenReady()).setGeometry(geometry);
  }

  draw(snapshot: MapSnapshot, layer: MapLayer): void {
    if (!this.view) return;
    this.view.layer = layer;
    this.view.update(snapshot);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }
}
customElements.define('glocal-map', GlocalMap);
