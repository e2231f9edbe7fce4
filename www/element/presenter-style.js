// Styles of the presenter features (fullscreen look, spotlight caption, export buttons; the tooltip,
// key and badge grow with the chart's text scale, `--ts`, set by presenter.js), added to
// the element's stylesheet by shadow.js.

export const PRESENTER_STYLE = `
:host(:fullscreen) { background: #fff; height: 100vh; padding: 0; box-sizing: border-box; font-size: 18px; }
:host(:fullscreen)::backdrop { background: #fff; }
:host(:fullscreen) .root { inset: 0; padding: 1.5vh 2vw; background: var(--bg); }
:host(:fullscreen) button, :host(:fullscreen) select, :host(:fullscreen) .zoom a { font-size: 16px; padding: 4px 12px; }
:host(:fullscreen) .note { font-size: 16px; }
.spot { position: absolute; z-index: 3; left: 2%; top: 3%; background: rgba(255,255,255,.96); color: #1f2328;
  border: 1px solid #d0d7de; border-left: 6px solid #1f2328; border-radius: 8px; padding: .6em .9em;
  box-shadow: 0 6px 24px rgba(0,0,0,.14); line-height: 1.3; pointer-events: none; }
.spot.right { left: auto; right: 2%; }
.spot.bottom { top: auto; bottom: 3%; }
.spot[hidden] { display: none; }
.spot h3 { margin: 0 0 .3em; font-size: 1.25em; }
.spot .words { margin: 0 0 .5em; }
.spot dl { display: grid; grid-template-columns: auto 1fr; gap: .1em .8em; margin: 0 0 .4em;
  font-variant-numeric: tabular-nums; }
.spot dt { color: #57606a; }
.spot dd { margin: 0; }
.spot .note { font-size: .8em; color: #57606a; margin: 0 0 .3em; }
.spot .hint { font-size: .7em; color: #57606a; margin: 0; }
.root .tip { font-size: calc(12px * var(--ts, 1)); max-width: min(25em, 90%); }
.root .tip .title { font-size: 1.08em; }
/* The key and badge grow less: they take room from the plot. */
.root .key, .root .badge { font-size: min(calc(11px * var(--ts, 1)), 16px); }
`;
