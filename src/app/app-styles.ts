import { css } from 'lit';

/**
 * The app's look: high contrast, large touch targets, a visible focus ring everywhere, and a
 * presentation mode (host attribute `presentation`) with large type for projectors.
 */
export const appStyles = css`
  :host {
    --text: #14202b; --muted: #4a5864; --border: #b8c4cc; --field: #ffffff; --panel: #f6f8f9;
    --accent: #0b5fa5; --accent-text: #ffffff; --focus: #ffbf47; --bg: #e9eef1;
    display: block; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--text); background: var(--bg);
    min-height: 100vh; font-size: 15px;
  }
  :host([presentation]) { font-size: 22px; }
  button, select, input { font: inherit; min-height: 2.4em; border-radius: 6px; border: 1px solid var(--border); background: var(--field); color: var(--text); padding: 0.2em 0.7em; }
  button { cursor: pointer; }
  button[aria-pressed='true'] { background: #dce9f5; border-color: var(--accent); }
  button.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); font-weight: 600; min-width: 6.5em; }
  :is(button, select, input, a, [tabindex]):focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px #14202b; }
  header, .controls { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: end; padding: 0.4em 0.8em; }
  header { background: #14202b; color: #fff; }
  header h1 { margin: 0 0.6em 0 0; font-size: 1.4em; align-self: center; }
  header label { color: #fff; }
  label { display: inline-flex; flex-direction: column; gap: 0.15em; font-size: 0.9em; }
  .controls { background: #fff; border-bottom: 1px solid var(--border); }
  .controls input[type='number'] { width: 7em; }
  .controls input[type='range'] { width: 10em; }
  .readout { font-size: 1.1em; padding: 0 0.4em; align-self: center; }
  .readout strong { font-variant-numeric: tabular-nums; font-size: 1.2em; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(300px, 420px); gap: 0.6em; padding: 0.6em; }
  :host([presentation]) .layout { grid-template-columns: minmax(0, 1fr) minmax(300px, 560px); }
  .left { display: flex; flex-direction: column; gap: 0.4em; min-width: 0; }
  .maps { display: grid; grid-template-columns: 1fr; gap: 0.4em; }
  .maps.two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  figure { margin: 0; min-width: 0; }
  figcaption { font-weight: 600; }
  glocal-map { height: min(64vh, 640px); }
  .maps.two glocal-map { height: min(52vh, 520px); }
  .right { max-height: calc(100vh - 9em); overflow-y: auto; }
  .legend { background: #fff; border-radius: 8px; padding: 0.4em 0.8em; font-size: 0.9em; }
  .ramp { height: 14px; border-radius: 3px; margin-top: 0.3em; max-width: 28em; }
  .ramp-labels { display: flex; justify-content: space-between; max-width: 28em; color: var(--muted); }
  .agents { display: flex; flex-wrap: wrap; gap: 0.3em 1em; padding: 0; list-style: none; margin: 0.4em 0 0; }
  .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.35em; vertical-align: -0.1em; border: 1px solid #333; }
  .swatch.dot { border-radius: 50%; }
  .swatch.ring { border-radius: 50%; box-shadow: 0 0 0 2px #fff, 0 0 0 3px #3ec5f0; }
  .swatch.diamond { transform: rotate(45deg) scale(0.8); }
  .swatch.line { height: 0.25em; vertical-align: 0.2em; }
  .swatch.outline { background: transparent !important; border: 3px solid #ff7f00; }
  footer { padding: 0.4em 0.8em 1em; font-size: 0.85em; color: var(--muted); }
  .error { background: #fde2e1; color: #7a1010; padding: 0.5em 0.8em; margin: 0.4em 0.8em; border-radius: 6px; white-space: pre-line; }
  .message { background: #e2f0fd; padding: 0.5em 0.8em; margin: 0.4em 0.8em; border-radius: 6px; word-break: break-all; }
  .skip { position: absolute; left: -999px; top: 0.3em; }
  .skip:focus { left: 0.5em; top: 0.5em; z-index: 10; background: #fff; padding: 0.4em; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  @media (max-width: 900px) {
    .layout { grid-template-columns: 1fr; }
    .maps.two { grid-template-columns: 1fr; }
    .right { max-height: none; }
    glocal-map { height: 55vh; }
  }
`;
