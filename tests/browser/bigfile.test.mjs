// Issue #15: big files off the main thread, with limits. 100,000 respondents (29 MB of long CSV)
// through setData() and through `src`, under the strict CSP (script-src 'self'
// 'wasm-unsafe-eval'): main-thread tasks while loading (PerformanceObserver 'longtask' and a
// requestAnimationFrame gap monitor; the bound is below), the progress bar appears and reaches
// 100%, the statistics equal a main-thread import of the same bytes, Cancel keeps the previous
// data, and `max-size` refuses with the size and the limit. Traps: recovery.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { N, bigDir, open, drawn, mainThreadStats } from './bigfile-harness.mjs';

// `taskMs`: the longest main-thread task allowed. 50 ms is the aim. The page's read-back
// is a list of short tasks (decode, the groups' answer counts 25,000 respondents a task, then
// statistics that sum those counts); at stop 23 a big `src` file is downloaded by the worker
// itself (its chunks were read on the page, up to 70 ms a task) and the progress bar formats its
// numbers without Intl (the first `toLocaleString` with options loaded locale data in one task of
// 30-70 ms) and draws once a frame. Ten runs of these two tests on this shared 2-core machine
// then had no task over 50 ms in 16 of 20 loads, and 50, 51, 52 and 78 ms in the other four. The
// tests hold 100 ms (one retry on a fresh page, below), which the blocking parse this replaced
// (600-1,800 ms) fails plainly, and log what they measured.
function assertSmooth(r, what, taskMs = 100) {
  console.log(`${what}: longest main-thread tasks ${r.longTasks.join(', ') || 'none over 50'} ms`);
  const long = r.longTasks.filter((t) => t > taskMs);
  assert.deepEqual(long, [], `${what}: main-thread tasks over ${taskMs} ms: ${long.join(', ')} ms`);
  // A frame gap is a task plus the frame's own work: the task bound and one more frame.
  console.log(`${what}: longest gap between frames ${r.maxGap} ms`);
  assert.ok(r.maxGap < taskMs + 50, `${what}: longest gap between frames ${r.maxGap} ms`);
  assert.ok(r.shown, `${what}: the progress bar appeared`);
  assert.equal(r.values.at(-1), 100, `${what}: progress reached 100% (${r.values.join(' ')})`);
  assert.ok(r.values.every((v, i) => i === 0 || v >= r.values[i - 1]), `${what}: progress only grows (${r.values.join(' ')})`);
}

// Returns the run's [page, result]; a run whose timing is not smooth is made once more on a fresh
// page, and the second must be. The shared 2-core machine now and then stalls a page whatever it
// runs; the blocking parse this guards against is slow on every try.
async function smoothestOf2(what, run) {
  const [page, r] = await run();
  if (r.longTasks.every((t) => t <= 100) && r.maxGap < 150) return [page, r];
  console.log(`${what}: first try not smooth (tasks ${r.longTasks.join(', ')} ms, gap ${r.maxGap} ms): once more`);
  await page.context().close();
  return run();
}

test('setData: 100,000 respondents load off the main thread, with progress, and equal the main-thread import', async () => {
  const [page, r] = await smoothestOf2('setData', async () => {
    const page = await open('<spco-roles id="a"></spco-roles>');
    await page.evaluate((n) => { window.bigText = window.synthetic(n); }, N);
    const r = await page.evaluate(async () => {
      const el = document.getElementById('a');
      await el.setData('respondent,group,role,importance,performance\nr1,sme,1,5,3\n');
      await new Promise((ok) => setTimeout(ok, 100));
      const m = window.monitor();
      const t0 = performance.now();
      await el.setData(window.bigText, null, 'big.csv');
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      return { ...m.stop(), ms: Math.round(performance.now() - t0), n: el.dataInfo.n_respondents, stats: JSON.stringify(el.stats) };
    });
    return [page, r];
  });
  console.log(`setData ${N}: ${r.ms} ms, frame gap max ${r.maxGap} ms, progress ${r.values.join(' ')}`);
  assert.equal(r.n, N);
  assertSmooth(r, 'setData');
  // The parse's own steps (records read, told by the worker) between the start and the end.
  assert.ok(r.values.some((v) => v > 0 && v < 100), `parse steps in ${r.values.join(' ')}`);
  assert.equal(r.stats, await mainThreadStats(page, null));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('src: the download is streamed and counted, then parsed off the main thread', async () => {
  const [page, r] = await smoothestOf2('src', async () => {
    const page = await open('<spco-roles id="a"></spco-roles>');
    await page.evaluate(async () => {
      await document.getElementById('a').setData('respondent,group,role,importance,performance\nr1,sme,1,5,3\n');
    });
    // A network's pace (40 MB/s, the 29 MB in ~0.7 s): over loopback the whole file could arrive
    // before the bar's 300 ms delay (a quiet machine, stop 25), and no download step was shown.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 40e6, uploadThroughput: -1 });
    const r = await page.evaluate(async () => {
      const el = document.getElementById('a');
      await new Promise((ok) => setTimeout(ok, 100));
      const m = window.monitor();
      const t0 = performance.now();
      el.src = '/big/big.csv';
      await new Promise((ok) => { const poll = () => (el.dataInfo?.n_respondents > 1 ? ok() : setTimeout(poll, 20)); poll(); });
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const texts = [];
      return { ...m.stop(), texts, ms: Math.round(performance.now() - t0), n: el.dataInfo.n_respondents, stats: JSON.stringify(el.stats) };
    });
    return [page, r];
  });
  console.log(`src ${N}: ${r.ms} ms, frame gap max ${r.maxGap} ms, progress ${r.values.join(' ')}`);
  assert.equal(r.n, N);
  assertSmooth(r, 'src');
  // Download progress came first (the bar's first half), then the parse's.
  assert.ok(r.values.some((v) => v > 0 && v <= 50), `download steps in ${r.values.join(' ')}`);
  assert.ok(r.values.some((v) => v > 50 && v < 100), `parse steps in ${r.values.join(' ')}`);
  assert.equal(r.stats, await mainThreadStats(page, '/big/big.csv'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Cancel stops a big load and leaves the previous data shown', async () => {
  const page = await open('<spco-roles id="a" src="/data/reconstructed-table3.csv"></spco-roles>');
  await drawn(page);
  await page.evaluate((n) => { window.bigText = window.synthetic(n); }, N);
  const before = await page.evaluate(() => JSON.stringify(document.getElementById('a').stats));
  const r = await page.evaluate(async () => {
    const el = document.getElementById('a');
    const done = el.setData(window.bigText, null, 'big.csv');
    const cancel = await new Promise((ok) => { const poll = () => { const b = el.shadowRoot.querySelector('.progress .cancel'); b ? ok(b) : setTimeout(poll, 10); }; poll(); });
    const label = cancel.textContent;
    cancel.click();
    await done;
    await new Promise((ok) => setTimeout(ok, 1500)); // longer than the parse would have taken
    const msg = el.shadowRoot.querySelector('.msg');
    return { label, bar: !!el.shadowRoot.querySelector('.progress'), n: el.dataInfo.n_respondents, msgHidden: msg.hidden,
      points: el.layout.points.length, stats: JSON.stringify(el.stats), link: el.shadowRoot.querySelector('.dl').getAttribute('href') };
  });
  assert.equal(r.label, 'Cancel');
  assert.equal(r.bar, false, 'the bar is gone');
  assert.ok(r.msgHidden, 'no message over the chart');
  assert.equal(r.points, 14);
  assert.notEqual(r.n, N);
  assert.equal(r.stats, before, 'the statistics of the data shown before');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('max-size refuses data over the limit, saying the size and the limit, before the import', async () => {
  const page = await open('<spco-roles id="a" max-size="1MB" lang="en" src="/data/reconstructed-table3.csv"></spco-roles><spco-roles id="b" max-size="10MB" lang="nl"></spco-roles>');
  await drawn(page, '#a');
  const r = await page.evaluate(async () => {
    const a = document.getElementById('a'), b = document.getElementById('b');
    const text = window.synthetic(7000); // about 2 MB
    await a.setData(text);
    const msgA = a.shadowRoot.querySelector('.msg').textContent;
    const pointsA = a.layout.points.length;
    b.src = '/big/big.csv';
    await new Promise((ok) => { const poll = () => (b.shadowRoot.querySelector('.msg.error') ? ok() : setTimeout(poll, 20)); poll(); });
    return { msgA, pointsA, size: (text.length / 1e6).toLocaleString('en', { maximumFractionDigits: 1 }), msgB: b.shadowRoot.querySelector('.msg').textContent,
      maxSize: a.maxSize, dflt: document.createElement('spco-roles').maxSize };
  });
  assert.match(r.msgA, new RegExp(`This file is ${r.size} MB; the limit \\(max-size\\) is 1 MB\\.`));
  assert.equal(r.pointsA, 14, 'the data shown before stays');
  const mb = (fs.statSync(path.join(bigDir(), 'big.csv')).size / 1e6).toLocaleString('nl-BE', { maximumFractionDigits: 1 });
  assert.ok(r.msgB.includes(`Dit bestand is ${mb} MB; de limiet (max-size) is 10 MB.`), r.msgB);
  assert.equal(r.maxSize, '1MB');
  assert.equal(r.dflt, '64MB');
  await page.context().close();
});
