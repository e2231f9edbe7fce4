// The chart as an image: the canvas at device-pixel resolution plus a footer, and the PNG download
// behind the controls' button.

// In the lazy chunk: it imports nothing of the element; the footer's lines are passed in.

/**
 * The chart as drawn now, as an image of `type`. The image travels without the page, so it carries
 * a footer: the data file and, for reconstructed data, the same warning as the badge.
 */
export function chartImage(el, type, footer) {
  const chart = el._el.canvas;
  const dpr = chart.width / (chart.getBoundingClientRect().width || chart.width);
  const c = document.createElement('canvas');
  const ctx = c.getContext('2d');
  const font = `${11 * dpr}px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif`;
  ctx.font = font;
  const lines = wrapWords(ctx, footer.join(' · '), chart.width - 12 * dpr);
  const lh = 15 * dpr;
  c.width = chart.width;
  c.height = chart.height + (lines.length ? lines.length * lh + 6 * dpr : 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(chart, 0, 0);
  ctx.font = font;
  ctx.fillStyle = '#57606a';
  ctx.textBaseline = 'middle';
  lines.forEach((l, i) => ctx.fillText(l, 6 * dpr, chart.height + 3 * dpr + (i + 0.5) * lh));
  return new Promise((resolve) => c.toBlob(resolve, type));
}

/** `text` in lines no wider than `width` px in `ctx`'s font, broken between words (the footers). */
export function wrapWords(ctx, text, width) {
  const lines = [];
  for (const w of text.split(' ')) {
    const last = lines.length ? `${lines[lines.length - 1]} ${w}` : null;
    if (last && ctx.measureText(last).width <= width) lines[lines.length - 1] = last;
    else if (w) lines.push(w);
  }
  return lines;
}

/** Saves the chart as `spco-roles-<view>.png`. */
export function downloadPng(el) {
  el.toBlob().then((blob) => {
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `spco-roles-${el.view}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  });
}
