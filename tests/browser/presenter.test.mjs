// The element on a reveal.js deck (reveal scales each slide with a CSS transform), as a presenter
// uses it: crisp canvas, hover, wheel zoom and keys under transforms and after a resize; larger
// type on a big screen; exports; the URL state. Screenshots go to $SPCO_SHOTS when set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let env, page;
const SHOTS = process.env.SPCO_SHOTS;

before(async () => {
  env = await launch();
  page = await env.page({ width: 1280, height: 720 });
  await page.goto(`${env.base}/tests/fixtures/deck.html`);
  await page.waitForFunction(() => window.Reveal?.isReady() && document.getElementById('deck').layout?.points?.length);
});
after(async () => { await env?.close(); });

// The plot's on-screen rect, its layout size and the transform's scale.
const geometry = () => page.evaluate(() => {
  const el = document.getElementById('deck');
  const p = el.shadowRoot.querySelector('.plot');
  const r = p.getBoundingClientRect();
  const c = el.shadowRoot.querySelector('canvas');
  const cr = c.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height, scale: r.width / p.offsetWidth,
    canvas: [c.width, c.height], canvasOnScreen: [cr.width, cr.height], dpr: devicePixelRatio };
});

async function settle() {
  // Reveal lays out in its own resize handler; the element measures a frame later.
  await page.waitForTimeout(350);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

async function setScale(s) {
  await page.evaluate((s) => window.Reveal.configure(s ? { minScale: s, maxScale: s } : { minScale: 0.2, maxScale: 2 }), s);
  await settle();
}

// Four roles whose markers stand apart from the others, in element CSS px.
async function spreadRoles() {
  const pts = await page.evaluate(() => document.getElementById('deck').layout.points);
  const sep = (p) => Math.min(...pts.filter((q) => q !== p).map((q) => Math.hypot(p.x - q.x, p.y - q.y)));
  return pts.map((p) => ({ ...p, sep: sep(p) })).sort((a, b) => b.sep - a.sep).slice(0, 4);
}

async function checkCrisp(label) {
  const g = await geometry();
  for (const i of [0, 1]) {
    const want = g.canvasOnScreen[i] * g.dpr;
    assert.ok(Math.abs(g.canvas[i] - want) / want <= 0.02, `${label}: backing ${g.canvas[i]} vs on-screen ${want.toFixed(1)}`);
  }
  return g;
}

async function checkHover(label) {
  const g = await geometry();
  for (const p of await spreadRoles()) {
    const x = g.left + p.x * g.scale, y = g.top + p.y * g.scale;
    await page.mouse.move(x, y);
    const tip = await page.waitForFunction(() => {
      const t = document.getElementById('deck').shadowRoot.querySelector('.tip');
      if (t.hidden) return null;
      const r = t.getBoundingClientRect();
      return { title: t.querySelector('.title').textContent, l: r.left, t: r.top, r: r.right, b: r.bottom };
    }, null, { timeout: 2000 }).then((h) => h.jsonValue()).catch(() => null);
    assert.ok(tip, `${label}: no tooltip for role ${p.role} at (${x.toFixed(0)}, ${y.toFixed(0)})`);
    assert.ok(tip.title.startsWith(`${p.role} `), `${label}: hovering role ${p.role} shows "${tip.title}"`);
    const dx = Math.max(tip.l - x, 0, x - tip.r), dy = Math.max(tip.t - y, 0, y - tip.b);
    assert.ok(Math.hypot(dx, dy) <= 20, `${label}: tooltip ${Math.hypot(dx, dy).toFixed(1)} px from the pointer`);
    assert.ok(tip.l >= g.left - 1 && tip.r <= g.left + g.width + 1 && tip.t >= g.top - 1 && tip.b <= g.top + g.height + 1,
      `${label}: tooltip inside the element`);
  }
  await page.mouse.move(1, 1);
}

// The data point under the pointer stays under it (within 3 px) through a wheel zoom.
async function checkWheel(label) {
  const g = await geometry();
  const L0 = await page.evaluate(() => document.getElementById('deck').layout);
  const [fx, fy] = [0.3, 0.6];
  const sx = g.left + (L0.plot.x + fx * L0.plot.w) * g.scale, sy = g.top + (L0.plot.y + fy * L0.plot.h) * g.scale;
  const data = [L0.view.x0 + fx * (L0.view.x1 - L0.view.x0), L0.view.y1 - fy * (L0.view.y1 - L0.view.y0)];
  // A presenter has clicked into the chart: the plain wheel zooms only once it has focus (over an
  // unfocused chart it scrolls the page, issue 11).
  await page.evaluate(() => document.getElementById('deck').shadowRoot.querySelector('.plot').focus());
  await page.mouse.move(sx, sy);
  await page.mouse.wheel(0, -240);
  await settle();
  const L1 = await page.evaluate(() => document.getElementById('deck').layout);
  assert.ok(L1.view.x1 - L1.view.x0 < L0.view.x1 - L0.view.x0, `${label}: the wheel zoomed in`);
  const px = g.left + (L1.plot.x + (data[0] - L1.view.x0) / (L1.view.x1 - L1.view.x0) * L1.plot.w) * g.scale;
  const py = g.top + (L1.plot.y + (L1.view.y1 - data[1]) / (L1.view.y1 - L1.view.y0) * L1.plot.h) * g.scale;
  assert.ok(Math.hypot(px - sx, py - sy) <= 3, `${label}: the point under the pointer moved ${Math.hypot(px - sx, py - sy).toFixed(2)} px`);
  await page.evaluate(() => { const el = document.getElementById('deck'); el.shadowRoot.querySelector('.plot').focus(); });
  await page.keyboard.press('0');
  await settle();
}

async function checkArrow(label) {
  await page.evaluate(() => document.getElementById('deck').shadowRoot.querySelector('.plot').focus());
  const before = await page.evaluate(() => window.Reveal.getIndices().h);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await settle();
  const after = await page.evaluate(() => window.Reveal.getIndices().h);
  assert.equal(after, before, `${label}: ArrowRight/Space on the focused chart changed the slide`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('0');
}

async function checkAll(label) {
  const g = await checkCrisp(label);
  await checkHover(label);
  await checkWheel(label);
  await checkArrow(label);
  return g;
}

test('at 1280x720 the chart is crisp, hover and wheel land under the pointer, keys stay in the chart', async () => {
  const g = await checkAll('1280x720');
  assert.ok(Math.abs(g.scale - 1) < 0.05, `reveal's scale at 1280x720 is ${g.scale}`);
});

test('forced transform scales 0.6 and 1.5', async () => {
  for (const s of [0.6, 1.5]) {
    await setScale(s);
    const g = await checkAll(`scale ${s}`);
    assert.ok(Math.abs(g.scale - s) < 0.02, `scale ${s}: measured ${g.scale}`);
  }
  await setScale(null);
});

test('after a resize to 1920x1080: crisp, hover, wheel, keys; role labels >= 20 px on screen without overlaps', async () => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await settle();
  const g = await checkAll('1920x1080');
  assert.ok(g.scale > 1.3, `reveal scaled the slide up (${g.scale})`);
  const L = await page.evaluate(() => document.getElementById('deck').layout);
  assert.ok(L.labels.length >= 8, `${L.labels.length} labels`);
  for (const l of L.labels) assert.ok(l.h * g.scale >= 20, `label ${l.role}: line box ${(l.h * g.scale).toFixed(1)} px on screen`);
  for (const a of L.labels) for (const b of L.labels) {
    if (a === b) continue;
    const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    assert.ok(!overlap, `labels ${a.role} and ${b.role} overlap`);
  }
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/deck-1920.png` });
});

test('a text-scale attribute scales the type; an unknown value is an error in the element', async () => {
  const h = (v) => page.evaluate(async (v) => {
    const el = document.getElementById('deck');
    if (v == null) el.removeAttribute('text-scale'); else el.setAttribute('text-scale', v);
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const msg = el.shadowRoot.querySelector('.msg');
    return { h: Math.max(...el.layout.labels.map((l) => l.h)), error: msg.hidden ? null : msg.textContent };
  }, v);
  const one = await h('1'), two = await h('2');
  assert.ok(Math.abs(two.h / one.h - 2) < 0.05, `text-scale 2 gives ${two.h} vs ${one.h}`);
  const bad = await h('huge');
  assert.match(bad.error ?? '', /text-scale "huge"/);
  const auto = await h(null);
  assert.equal(auto.error, null);
});

test('fullscreen (F key) gives larger type and a white backdrop', async () => {
  await page.evaluate(() => document.getElementById('deck').shadowRoot.querySelector('.plot').focus());
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement === document.getElementById('deck'), null, { timeout: 3000 });
  await settle();
  const info = await page.evaluate(() => {
    const el = document.getElementById('deck');
    return { bg: getComputedStyle(el).backgroundColor, labels: el.layout.labels.map((l) => l.h), vh: innerHeight,
      scale: el.shadowRoot.querySelector('.plot').getBoundingClientRect().width / el.shadowRoot.querySelector('.plot').offsetWidth };
  });
  assert.equal(info.bg, 'rgb(255, 255, 255)');
  for (const h of info.labels) assert.ok(h * info.scale >= 20, `fullscreen label line box ${h * info.scale} px`);
  await checkCrisp('fullscreen');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/fullscreen.png` });
  await page.keyboard.press('f');
  await page.waitForFunction(() => !document.fullscreenElement, null, { timeout: 3000 });
  await settle();
});

test('spotlight: selecting a role shows its caption; arrows step to the next role', async () => {
  const [p] = await spreadRoles();
  const g = await geometry();
  await page.mouse.click(g.left + p.x * g.scale, g.top + p.y * g.scale);
  await settle();
  const cap = () => page.evaluate(() => {
    const s = document.getElementById('deck').shadowRoot.querySelector('.spot');
    return s && !s.hidden ? { title: s.querySelector('h3').textContent, size: parseFloat(s.style.fontSize) } : null;
  });
  const c1 = await cap();
  assert.ok(c1 && c1.title.startsWith(`${p.role} `), `caption ${JSON.stringify(c1)} for role ${p.role}`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/spotlight.png` });
  await page.keyboard.press('ArrowRight');
  await settle();
  const c2 = await cap();
  const sel = await page.evaluate(() => document.getElementById('deck').selectedRole);
  assert.ok(c2 && c2.title !== c1.title, 'ArrowRight moved the spotlight');
  assert.equal(await page.evaluate(() => window.Reveal.getIndices().h), 0);
  assert.ok(sel, 'a role is selected');
  await page.keyboard.press('Escape');
  await settle();
  assert.equal(await cap(), null);
});

test('exports: SVG parses and holds every visible label; CSV equals el.stats', async () => {
  const r = await page.evaluate(async () => {
    const el = document.getElementById('deck');
    const doc = new DOMParser().parseFromString(await el.toSvg(), 'image/svg+xml');
    // The SVG keeps a label's double space as a no-break space plus a space (SVG collapses runs).
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent.replace(/\u00a0/g, ' ').trim());
    return { error: doc.querySelector('parsererror')?.textContent ?? null, texts, labels: el.layout.labels,
      csv: el.toCsv(), stats: el.stats };
  });
  assert.equal(r.error, null);
  for (const l of r.labels) {
    assert.ok(r.texts.some((t) => t === String(l.role) || t.startsWith(`${l.role} `)), `SVG lacks role ${l.role}'s label`);
  }
  assert.ok(r.texts.some((t) => /^Data: reconstructed-table3\.csv/.test(t)), 'SVG carries the source line');
  assert.ok(r.texts.some((t) => /^Synthetic data:/.test(t)), 'SVG carries the synthetic warning');
  const lines = r.csv.trim().split('\r\n');
  const head = lines[0].split(',');
  const rows = lines.slice(1).filter((l) => !l.startsWith('#')).map((l) => Object.fromEntries(l.split(',').map((v, i) => [head[i], v])));
  assert.equal(rows.length, r.stats.roles.length);
  const num = (v) => (v === '' ? null : Number(v));
  r.stats.roles.forEach((s, i) => {
    const row = rows[i];
    assert.equal(Number(row.role), s.role);
    for (const scale of ['importance', 'performance']) {
      const d = s[scale];
      assert.equal(num(row[`${scale}_mean`]), d?.mean ?? null);
      assert.equal(num(row[`${scale}_sd`]), d?.sd ?? null);
      assert.equal(num(row[`${scale}_n`]), d?.n ?? null);
      assert.equal(num(row[`${scale}_ci95_low`]), d?.ci95?.[0] ?? null);
    }
    assert.equal(num(row.gap), s.gap ?? null);
  });
  assert.ok(lines.some((l) => l.startsWith('# Synthetic data:')));
  const withSource = await page.evaluate(() => {
    const el = document.getElementById('deck');
    el.setAttribute('source', 'VUB survey 2024, Table 3');
    const s = el.toCsv(); el.removeAttribute('source'); return s;
  });
  assert.match(withSource, /# Source: VUB survey 2024, Table 3/);
});

test('URL state round-trips through a reload and Back; a bad hash is ignored with a warning', async () => {
  const state = () => page.evaluate(() => document.getElementById('deck').state);
  const [p] = await spreadRoles();
  const g = await geometry();
  await page.mouse.click(g.left + p.x * g.scale, g.top + p.y * g.scale);
  await settle();
  const s1 = await state();
  assert.equal(s1.selected, p.role);
  await page.keyboard.press('+');
  await settle();
  const s2 = await state();
  assert.ok(s2.zoom[1] - s2.zoom[0] < s1.zoom[1] - s1.zoom[0]);
  // On a reveal.js deck the view goes in the query (the hash is reveal's; presenter-url.test.mjs).
  assert.match(await page.evaluate(() => location.search), /spco-deck=/);
  await page.reload();
  await page.waitForFunction(() => document.getElementById('deck').layout?.points?.length);
  await settle();
  const s3 = await state();
  assert.equal(s3.selected, s2.selected);
  assert.equal(s3.view, s2.view);
  s3.zoom.forEach((v, i) => assert.ok(Math.abs(v - s2.zoom[i]) < 1e-3, `zoom ${i}: ${v} vs ${s2.zoom[i]}`));
  await page.goBack();
  await settle();
  const s4 = await state();
  s4.zoom.forEach((v, i) => assert.ok(Math.abs(v - s1.zoom[i]) < 1e-3, `Back: zoom ${i}: ${v} vs ${s1.zoom[i]}`));
  assert.equal(s4.selected, s1.selected);
  // el.state = ... sets the same.
  await page.evaluate((s) => { document.getElementById('deck').state = s; }, s2);
  const s5 = await state();
  s5.zoom.forEach((v, i) => assert.ok(Math.abs(v - s2.zoom[i]) < 1e-3));
  // A stale hash (a group the data lacks): a warning, and the attributes apply.
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto('about:blank');
  await page.goto(`${env.base}/tests/fixtures/deck.html#spco-deck=v:quadrant;g:nosuchgroup;r:3`);
  await page.waitForFunction(() => document.getElementById('deck').layout?.points?.length);
  await settle();
  const s6 = await state();
  assert.equal(s6.selected, null);
  assert.deepEqual(s6.groups, []);
  assert.ok(warnings.some((w) => /ignored/.test(w) && /nosuchgroup/.test(w)), warnings.join('\n'));
  assert.deepEqual(page.errors, []);
});
