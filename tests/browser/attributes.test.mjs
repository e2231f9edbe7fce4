// Issue #12: what an element does with its attributes and its data after it has loaded: every
// attribute changed later takes effect (format re-imports the data it kept), `src` takes only
// safe URLs, and the controls' data link always names the data shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mount } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const TABLE3 = '/data/table3-summary.csv';
const RECON = '/data/reconstructed-table3.csv';

// In-page helpers: wait for the next drawn frame, a hash of the canvas, the element's errors.
const HELPERS = () => {
  window.frames2 = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  window.ink = (el) => {
    const c = el.shadowRoot.querySelector('canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] + 3 * d[i + 1] + 7 * d[i + 2]) >>> 0;
    return h;
  };
  window.failures = [];
  document.addEventListener('error', (e) => { if (e.detail?.message) window.failures.push(e.detail.message); });
};

async function page(body) {
  const p = await env.page();
  await p.addInitScript(HELPERS);
  await mount(p, env.base, body);
  return p;
}

test('src="javascript:..." (and other unsafe schemes) is an error, with no link and no script run', async () => {
  const p = await page(`<spco-roles src="${TABLE3}" controls lang="nl"></spco-roles>`);
  for (const bad of ['javascript:window.__ran=1', 'java\tscript:window.__ran=1', ' JavaScript:window.__ran=1',
    'vbscript:msgbox(1)', 'file:///etc/passwd']) {
    const r = await p.evaluate(async (bad) => {
      const el = document.querySelector('spco-roles');
      window.failures.length = 0;
      el.src = bad;
      await window.frames2();
      const root = el.shadowRoot;
      const dl = root.querySelector('.dl');
      return {
        failures: [...window.failures], msg: root.querySelector('.msg').textContent,
        msgShown: !root.querySelector('.msg').hidden, linkHidden: dl.hidden, href: dl.getAttribute('href'),
        anyJsHref: [...root.querySelectorAll('[href]')].map((a) => a.getAttribute('href')).filter((h) => !/^(https?|blob):/.test(h)),
      };
    }, bad);
    assert.equal(r.failures.length, 1, `${JSON.stringify(bad)}: one error event`);
    assert.match(r.failures[0], /niet toegelaten/, 'the Dutch wording (lang="nl")');
    assert.ok(r.msgShown && /niet toegelaten/.test(r.msg), 'the message is shown in the element');
    assert.ok(r.linkHidden, 'no data link');
    assert.equal(r.href, null, 'no href at all');
    assert.deepEqual(r.anyJsHref, []);
  }
  // Clicking where the link was (and the link itself, forced visible) runs nothing.
  const box = await p.locator('spco-roles').boundingBox();
  await p.mouse.click(box.x + box.width - 30, box.y + 15);
  await p.evaluate(() => { const a = document.querySelector('spco-roles').shadowRoot.querySelector('.dl'); a.hidden = false; a.click(); });
  await p.waitForTimeout(100);
  assert.equal(await p.evaluate(() => window.__ran), undefined, 'no script ran');
  assert.deepEqual(p.errors, []);
  // English too, and a safe src afterwards loads again.
  const en = await p.evaluate(async () => {
    const el = document.querySelector('spco-roles');
    el.lang = 'en';
    window.failures.length = 0;
    el.src = 'vbscript:x';
    await window.frames2();
    return window.failures[0];
  });
  assert.match(en, /not allowed/);
});

test('safe sources load: relative, absolute http, data: and blob: URLs, each linked as itself', async () => {
  const p = await page(`<spco-roles src="${TABLE3}" controls></spco-roles>`);
  const text = await p.evaluate(async (u) => (await fetch(u)).text(), TABLE3);
  const r = await p.evaluate(async ({ text, recon }) => {
    const el = document.querySelector('spco-roles');
    const out = [];
    const blob = URL.createObjectURL(new Blob([text]));
    for (const src of [recon, new URL(recon, location.href).href, `data:text/csv,${encodeURIComponent(text)}`, blob]) {
      el.src = src;
      await new Promise((ok) => { const poll = () => (el.dataInfo && el.getAttribute('src') === src && el.shadowRoot.querySelector('.dl').href === new URL(src, location.href).href ? ok() : setTimeout(poll, 20)); poll(); });
      out.push({ n: el.stats.n_respondents, href: el.shadowRoot.querySelector('.dl').getAttribute('href') === new URL(src, location.href).href });
    }
    return { out, failures: window.failures };
  }, { text, recon: RECON });
  assert.deepEqual(r.failures, []);
  assert.deepEqual(r.out.map((o) => o.href), [true, true, true, true]);
  assert.equal(r.out[0].n, 31, 'the reconstructed respondents');
  assert.equal(r.out[2].n, 31, 'Table 3 (largest n 31) from a data: URL');
});

test('after setData() the data link offers that data (a blob), not the old file; a new src links the src', async () => {
  const p = await page(`<spco-roles src="${TABLE3}" controls></spco-roles>`);
  const r = await p.evaluate(async (recon) => {
    const el = document.querySelector('spco-roles');
    const dl = () => el.shadowRoot.querySelector('.dl');
    const first = dl().getAttribute('href');
    const text = await (await fetch(recon)).text();
    await el.setData(text, undefined, 'mine.csv');
    await window.frames2();
    const blobHref = dl().getAttribute('href');
    const linked = await (await fetch(blobHref)).text();
    // A second setData replaces (and revokes) the first blob.
    await el.setData(text.split('\n').slice(0, 200).join('\n'), undefined, 'part.csv');
    await window.frames2();
    let revoked = false;
    try { await fetch(blobHref); } catch { revoked = true; }
    const second = { href: dl().getAttribute('href'), download: dl().download, hidden: dl().hidden };
    el.src = '/data/table3-summary.csv?again';
    await new Promise((ok) => { const poll = () => (dl().getAttribute('href')?.startsWith('http') ? ok() : setTimeout(poll, 20)); poll(); });
    return { first, blobHref, same: linked === text, revoked, second, last: dl().getAttribute('href'), hidden: dl().hidden };
  }, RECON);
  assert.match(r.first, /table3-summary\.csv$/);
  assert.match(r.blobHref, /^blob:/, 'a blob link after setData');
  assert.ok(r.same, 'the blob holds exactly the data given');
  assert.ok(r.revoked, 'the replaced blob URL is revoked');
  assert.match(r.second.href, /^blob:/);
  assert.notEqual(r.second.href, r.blobHref);
  assert.equal(r.second.download, 'part.csv');
  assert.match(r.last, /table3-summary\.csv\?again$/);
  assert.equal(r.hidden, false);
  // (The fetch of the revoked blob above fails, as it should, with a console error.)
  assert.deepEqual(p.errors.filter((e) => !/ERR_FILE_NOT_FOUND/.test(e)), []);
});

test('changing format after loading re-imports the kept data (from src and from setData)', async () => {
  const p = await page(`<spco-roles src="${RECON}"></spco-roles>`);
  const r = await p.evaluate(async () => {
    const el = document.querySelector('spco-roles');
    const out = [el.dataInfo.format];
    // The error's words come from the on-demand module (more.js): wait for it, not for a frame.
    const failed = async () => { const t = performance.now(); while (!window.failures.length && performance.now() - t < 10000) await window.frames2(); };
    el.format = 'summary';
    await failed();
    out.push(window.failures.length);
    el.format = 'long';
    await window.frames2();
    out.push(el.dataInfo.format, el.stats.n_respondents, el.shadowRoot.querySelector('.msg').hidden);
    // Data given in JS: kept, and read again.
    const wide = await (await fetch('/tests/fixtures/import/wide.csv')).text();
    el.removeAttribute('format');
    await el.setData(wide);
    out.push(el.dataInfo.format);
    window.failures.length = 0;
    el.format = 'long';
    await failed();
    out.push(window.failures.length);
    el.format = 'wide';
    await window.frames2();
    out.push(el.dataInfo.format, el.shadowRoot.querySelector('.msg').hidden);
    return out;
  });
  assert.deepEqual(r, ['long', 1, 'long', 31, true, 'wide', 1, 'wide', true]);
});

test('every attribute changed after loading takes effect, and every one has a reflecting property', async () => {
  const p = await page(`<spco-roles id="a" src="${RECON}"></spco-roles><spco-roles id="b" src="${RECON}"></spco-roles>`);
  const r = await p.evaluate(async () => {
    const el = document.getElementById('a');
    const other = document.getElementById('b');
    const root = el.shadowRoot;
    const res = {};
    const step = async (fn) => { fn(); await window.frames2(); await window.frames2(); };
    let before;

    before = el.stats.n_respondents;
    await step(() => { el.group = ['sme']; });
    res.group = [before, el.stats.n_respondents, el.getAttribute('group'), el.group, el.stats.selection.groups];
    await step(() => { el.group = null; });

    await step(() => { el.crosshair = 'mean'; });
    res.crosshair = el.stats.crosshair.kind;
    await step(() => { el.group = 'sme'; });
    const fixed = el.stats.crosshair.importance;
    await step(() => { el.crosshairFollows = true; });
    res.crosshairFollows = [el.getAttribute('crosshair-follows'), fixed !== el.stats.crosshair.importance];
    await step(() => { el.crosshairFollows = false; el.group = ''; el.crosshair = null; });
    res.crosshairFollowsOff = el.hasAttribute('crosshair-follows');

    await step(() => { el.sd = 'sample'; });
    res.sd = el.stats.sd;
    await step(() => { el.sd = null; });

    await step(() => { el.zoom = 'report'; });
    res.zoom = el.layout.view.x0;

    before = window.ink(el);
    await step(() => { el.errorbars = 'none'; });
    res.errorbars = before !== window.ink(el);

    before = root.querySelector('.plot').getAttribute('aria-label');
    await step(() => { el.lang = 'nl'; });
    res.lang = [el.lang, before !== root.querySelector('.plot').getAttribute('aria-label')];

    await step(() => { el.controls = true; });
    res.controls = [el.getAttribute('controls'), root.querySelector('.bar').hidden];
    await step(() => { el.controls = false; });
    res.controlsOff = root.querySelector('.bar').hidden;

    await step(() => { el.synthetic = true; });
    res.synthetic = root.querySelector('.badge').hidden;
    await step(() => { el.synthetic = false; });
    res.syntheticOff = root.querySelector('.badge').hidden;

    await step(() => { el.view = 'hierarchy'; });
    res.view = el.layout.nodes.length > 0;
    const ids = () => el.layout.nodes.map((n) => n.id);
    await step(() => { el.hierarchy = 'categories'; });
    res.hierarchy = ids().some((id) => id >= 401 && id <= 403);
    before = window.ink(el);
    await step(() => { el.colorBy = 'importance'; });
    res.colorBy = [el.getAttribute('color-by'), before !== window.ink(el)];

    await step(() => { el.src = '/data/table3-summary.csv'; });
    await new Promise((ok) => { const poll = () => (el.dataInfo?.source === 'summary' ? ok() : setTimeout(poll, 20)); poll(); });
    res.src = el.dataInfo.source;
    res.failures = window.failures;
    return res;
  });
  assert.deepEqual(r.failures, []);
  assert.ok(r.group[1] < r.group[0]);
  assert.deepEqual(r.group.slice(2), ['sme', 'sme', ['sme']]);
  assert.equal(r.crosshair, 'mean');
  assert.deepEqual(r.crosshairFollows, ['', true]);
  assert.equal(r.crosshairFollowsOff, false);
  assert.equal(r.sd, 'sample');
  assert.equal(r.zoom, 4.5);
  assert.ok(r.errorbars, 'errorbars changes the drawing');
  assert.deepEqual(r.lang, ['nl', true]);
  assert.deepEqual(r.controls, ['', false]);
  assert.equal(r.controlsOff, true);
  assert.equal(r.synthetic, false);
  assert.equal(r.syntheticOff, true);
  assert.ok(r.view && r.hierarchy);
  assert.deepEqual(r.colorBy, ['importance', true]);
  assert.equal(r.src, 'summary');
  assert.deepEqual(p.errors, []);
});

test('link set after loading joins the elements: a click on a role in one selects it in the other', async () => {
  const p = await page(`<spco-roles id="a" src="${RECON}"></spco-roles><spco-roles id="b" src="${RECON}"></spco-roles>`);
  const pt = await p.evaluate(async () => {
    const a = document.getElementById('a');
    a.link = 'x';
    document.getElementById('b').link = 'x';
    await window.frames2();
    const r = a.getBoundingClientRect();
    const q = a.layout.points.find((q) => q.role === 4);
    return { x: r.left + q.x, y: r.top + q.y };
  });
  await p.mouse.click(pt.x, pt.y);
  await p.waitForTimeout(50);
  assert.deepEqual(await p.evaluate(() => [document.getElementById('a').selectedRole, document.getElementById('b').selectedRole]), [4, 4]);
  // And unlinked again, a click no longer crosses.
  const pt2 = await p.evaluate(async () => {
    const a = document.getElementById('a');
    a.link = null;
    await window.frames2();
    const r = a.getBoundingClientRect();
    const q = a.layout.points.find((q) => q.role === 9);
    return { x: r.left + q.x, y: r.top + q.y };
  });
  await p.mouse.click(pt2.x, pt2.y);
  await p.waitForTimeout(50);
  assert.deepEqual(await p.evaluate(() => [document.getElementById('a').selectedRole, document.getElementById('b').selectedRole]), [9, 4]);
});
