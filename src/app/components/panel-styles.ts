import { css } from 'lit';

/** Shared look of the side panels: readable, large touch targets, a visible focus ring. */
export const panelStyles = css`
  :host { display: block; color: var(--text); font-size: 1em; }
  button, select, input { font: inherit; min-height: 2.2em; border-radius: 6px; border: 1px solid var(--border); background: var(--field); color: var(--text); padding: 0.2em 0.6em; }
  input[type='checkbox'] { min-height: auto; width: 1.3em; height: 1.3em; }
  button { cursor: pointer; }
  button.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); font-weight: 600; }
  :is(button, select, input, summary, a, [tabindex]):focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  summary { cursor: pointer; font-weight: 600; padding: 0.3em 0; min-height: 1.8em; }
  .note { font-size: 0.85em; color: var(--muted); margin: 0.3em 0; }
  label { display: inline-flex; flex-direction: column; gap: 0.15em; font-size: 0.9em; }
  .row { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: end; margin: 0.3em 0; }
  table { border-collapse: collapse; font-size: 0.85em; width: 100%; }
  td, th { padding: 0.15em 0.4em; border-bottom: 1px solid var(--border); text-align: left; }
`;
