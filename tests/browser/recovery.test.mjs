// Issue #15: a WebAssembly trap never breaks the page (the other elements reload into a fresh
// instance and keep their view; the trapped one says what happened), and running out of memory
// says so. Under the strict CSP, like bigfile.test.mjs, whose page setup it shares
// (bigfile-harness.mjs); a file of its own so each stays within the runner's per-file time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, drawn } from './bigfile-harness.mjs';

test('a trap restarts wasm: the other elements reload, keep their view and work; the trapped one says why', async () => {
  const page = await open(`
    <spco-roles id="a" src="/data/reconstructed-table3.csv" style="height:300px"></spco-roles>
    <spco-roles id="b" src="/data/reconstructed-table3.csv" group="sme" style="height:400px"></spco-roles>
    <spco-roles id="c" view="hierarchy" style="height:400px"></spco-roles>`);
  await drawn(page, '#a');
  await drawn(page, '#b');
  const before = await page.evaluate(async () => {
    const b = document.getElementById('b'), c = document.getElementById('c');
    await c.setData(await (await fetch('/data/reconstructed-table3.csv')).text());
    b.selectedRole = 3;
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    return { view: b.layout.view, stats: JSON.stringify(b.stats), c: JSON.stringify(c.stats) };
  });
  // b is zoomed by the reader (a wheel over its plot) before the trap.
  // At one of its points, so that points stay in view (the test reads them after the restart).
  const bp = await page.evaluate(() => { const b = document.getElementById('b'); const r = b.shadowRoot.querySelector('.plot').getBoundingClientRect(); const p = b.layout.points[0]; return { x: r.x + p.x, y: r.y + p.y }; });
  // The plain wheel zooms a chart the reader has focused (over an unfocused one it scrolls the page).
  await page.evaluate(() => document.getElementById('b').shadowRoot.querySelector('.plot').focus());
  await page.mouse.move(bp.x, bp.y);
  await page.mouse.wheel(0, -240);
  await page.waitForFunction((v) => JSON.stringify(document.getElementById('b').layout.view) !== v, JSON.stringify(before.view));
  await page.waitForTimeout(300);
  before.view = await page.evaluate(() => document.getElementById('b').layout.view);
  const r = await page.evaluate(async () => {
    const a = document.getElementById('a');
    // A trap from a's next call: its handle points outside wasm memory, so reading the chart
    // there is an out-of-bounds access (no test-only export, nothing shipped for it).
    a._handle.wasm.__wbg_ptr = 0xfffffff0;
    await a.setData('respondent,group,role,importance,performance\nr1,sme,1,5,3\n');
    const b = document.getElementById('b');
    await new Promise((ok) => { const poll = () => (b._handle && b.layout?.points?.length ? ok() : setTimeout(poll, 20)); poll(); });
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    return { msg: a.shadowRoot.querySelector('.msg').textContent, view: b.layout.view, stats: JSON.stringify(b.stats),
      selected: b.selectedRole, group: b.group, c: JSON.stringify(document.getElementById('c').stats) };
  });
  assert.match(r.msg, /^Could not show the chartinternal error: RuntimeError: memory access out of bounds|^Could not show the chartinternal error: memory access out of bounds/);
  assert.deepEqual(r.view, before.view, 'b keeps its zoom');
  assert.equal(r.stats, before.stats, 'b keeps its data and group');
  assert.equal(r.selected, 3, 'b keeps its selection');
  assert.equal(r.c, before.c, 'c (data from setData) reloaded');
  // b answers hover: a point under the pointer gives its tooltip.
  const box = await page.locator('#b').boundingBox();
  const p = await page.evaluate(() => document.getElementById('b').layout.points[0]);
  const plot = await page.evaluate(() => { const r = document.getElementById('b').shadowRoot.querySelector('.plot').getBoundingClientRect(); return { x: r.x, y: r.y }; });
  await page.mouse.move(plot.x + p.x, plot.y + p.y);
  await page.waitForFunction(() => !document.getElementById('b').shadowRoot.querySelector('.tip').hidden);
  // ... and a wheel zooms it.
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((v) => JSON.stringify(document.getElementById('b').layout.view) !== v, JSON.stringify(r.view));
  // The trapped element takes new data in the fresh instance.
  const n = await page.evaluate(async () => {
    const a = document.getElementById('a');
    await a.setData(await (await fetch('/data/reconstructed-table3.csv')).text());
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    return a.layout?.points?.length ? a.dataInfo.n_respondents : null;
  });
  assert.ok(n > 0);
  assert.ok(box.height > 0);
  await page.context().close();
});

test('a trap in the on-demand module restarts only it: its other chart reloads, the start module\'s chart is untouched', async () => {
  const page = await open(`
    <spco-roles id="a" src="/data/reconstructed-table3.csv" style="height:300px"></spco-roles>
    <spco-roles id="m" src="/data/reconstructed-table3.csv" compare="sme,large" style="height:300px"></spco-roles>
    <spco-roles id="n" src="/data/reconstructed-table3.csv" compare="sme,large" style="height:300px"></spco-roles>`);
  await drawn(page, '#a');
  const arrows = () => page.evaluate(async () => {
    const t0 = performance.now();
    const n = document.getElementById('n');
    while (!(n._handle && n.layout?.arrows?.length) && performance.now() - t0 < 20000) await new Promise((ok) => setTimeout(ok, 50));
    return { arrows: n.layout?.arrows?.length ?? 0, cmp: JSON.stringify(n.comparison), more: n._handle?.more };
  });
  const before = await arrows();
  // Both compare charts live in the on-demand module, with 14 arrows (one per role).
  assert.equal(before.arrows, 14);
  assert.equal(before.more, true);
  const r = await page.evaluate(async () => {
    const a = document.getElementById('a'), m = document.getElementById('m'), n = document.getElementById('n');
    const aHandle = a._handle, nHandle = n._handle;
    // A trap from m's next call (see the first test): m's chart is in the on-demand module.
    m._handle.wasm.__wbg_ptr = 0xfffffff0;
    await m.setData('respondent,group,role,importance,performance\nr1,sme,1,5,3\n');
    const t0 = performance.now();
    while (!(n._handle && n._handle !== nHandle && n.layout?.arrows?.length) && performance.now() - t0 < 20000) await new Promise((ok) => setTimeout(ok, 50));
    return {
      msg: m.shadowRoot.querySelector('.msg').textContent,
      aSame: a._handle === aHandle, aPoints: a.layout?.points?.length ?? 0,
      nNew: n._handle !== nHandle, nMore: n._handle?.more,
    };
  });
  assert.match(r.msg, /^Could not show the chartinternal error: (RuntimeError: )?memory access out of bounds/);
  assert.ok(r.aSame, 'the start module\'s chart was not restarted');
  assert.equal(r.aPoints, 14);
  assert.ok(r.nNew && r.nMore, JSON.stringify(r));
  const after = await arrows();
  assert.deepEqual(after, before, 'n reloaded its data and comparison in the fresh instance');
  // The trapped element takes new data in the fresh on-demand instance, still comparing.
  const m = await page.evaluate(async () => {
    const m = document.getElementById('m');
    await m.setData(await (await fetch('/data/reconstructed-table3.csv')).text());
    const t0 = performance.now();
    while (!(m.layout?.arrows?.length) && performance.now() - t0 < 20000) await new Promise((ok) => setTimeout(ok, 50));
    return { arrows: m.layout?.arrows?.length ?? 0, more: m._handle?.more };
  });
  assert.deepEqual(m, { arrows: 14, more: true });
  await page.context().close();
});

test('running out of memory says so, not "unreachable"', async () => {
  const page = await open('<spco-roles id="a" lang="nl"></spco-roles>');
  const msg = await page.evaluate(async () => {
    const a = document.getElementById('a');
    await a.setData('respondent,group,role,importance,performance\nr1,sme,1,5,3\n');
    // The glue sizes its copy by the data's `length` and copies by the array's own length: a
    // 16 MB array of 'a' saying it is 1.1 GB long becomes one line with no end, 1.1 GB long.
    // The import's record buffer for that line doubles past wasm32's 2 GiB (isize::MAX), which
    // Rust reports as "capacity overflow" (a request the allocator could never meet; a request
    // under it that memory.grow cannot give sets the allocator's flag, src/wasm/alloc.rs).
    const h = a._handle, load = h.load;
    h.load = (bytes, format, name) => {
      const huge = new Uint8Array(16 << 20).fill(97);
      Object.defineProperty(huge, 'length', { get: () => 1_100_000_000 });
      return load.call(h, huge, format, name);
    };
    await a.setData('respondent,group,role,importance,performance\nr1,sme,1,5,3\n');
    return a.shadowRoot.querySelector('.msg').textContent;
  });
  assert.equal(msg, 'De grafiek kan niet getoond wordenNiet genoeg geheugen voor dit bestand.');
  await page.context().close();
});
