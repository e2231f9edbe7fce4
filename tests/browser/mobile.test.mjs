// Issue #11: phones and the wheel. A one-finger swipe over a chart scrolls the page (CDP touch
// events go through Chromium's real input pipeline, touch-action included); a tap shows the role's
// card until a tap elsewhere; the plain wheel over an unfocused chart scrolls the page and shows a
// hint, Ctrl + wheel zooms; below 480 px (or on a touch screen held sideways) the controls
// collapse into two menus in one row (at 320 px the rest of the bar wraps below them, each button
// one line of text), with 44 px targets on a coarse pointer; numbered labels get a key; the badge
// stays off the plot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, settled } from './harness.mjs';

const RECON = '/data/reconstructed-table3.csv';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// A phone-sized page with text above and below the chart, so the page can scroll.
async function phone({ width = 390, height = 844, touch = true, body } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: touch ? 3 : 1,
    hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${env.base}/tests/fixtures/phone.html`);
  await page.evaluate((html) => { document.body.innerHTML = html; }, body ?? `<p style="height:200px">Text above.</p>
    <spco-roles src="${RECON}" controls synthetic style="width:100%;height:520px"></spco-roles>
    <p style="height:2000px">Text below.</p>`);
  await page.waitForFunction(() => document.querySelector('spco-roles').layout?.points?.length > 0);
  return page;
}

// The plot's top-left corner in page coordinates (el.layout is relative to it).
const plotOrigin = (page) => page.evaluate(() => {
  const r = document.querySelector('spco-roles').shadowRoot.querySelector('.plot').getBoundingClientRect();
  return [r.left, r.top];
});

async function touch(cdp, type, points) {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
}

test('a one-finger swipe over the chart scrolls the page and leaves the view alone', async () => {
  const page = await phone();
  const cdp = await page.context().newCDPSession(page);
  const before = await page.evaluate(() => JSON.stringify(document.querySelector('spco-roles').layout.view));
  const [ox, oy] = await plotOrigin(page);
  const x = ox + 180, y0 = oy + 350;
  await touch(cdp, 'touchStart', [[x, y0]]);
  for (let i = 1; i <= 12; i++) { await touch(cdp, 'touchMove', [[x, y0 - i * 25]]); }
  await touch(cdp, 'touchEnd', []);
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => ({ y: window.scrollY, view: JSON.stringify(document.querySelector('spco-roles').layout.view) }));
  assert.ok(after.y > 150, `the page scrolled (${after.y} px)`);
  assert.equal(after.view, before, 'the chart did not pan');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('two fingers pinch the chart, not the page', async () => {
  const page = await phone();
  const cdp = await page.context().newCDPSession(page);
  const before = await page.evaluate(() => document.querySelector('spco-roles').layout.view);
  const [ox, oy] = await plotOrigin(page);
  const cx = ox + 180, cy = oy + 250;
  await touch(cdp, 'touchStart', [[cx - 20, cy], [cx + 20, cy]]);
  for (let i = 1; i <= 10; i++) await touch(cdp, 'touchMove', [[cx - 20 - i * 8, cy], [cx + 20 + i * 8, cy]]);
  await touch(cdp, 'touchEnd', []);
  await page.waitForTimeout(200);
  const after = await page.evaluate(() => ({ y: window.scrollY, view: document.querySelector('spco-roles').layout.view }));
  const span = (v) => v.x1 - v.x0;
  assert.ok(span(after.view) < span(before) * 0.6, `zoomed in (${span(before)} -> ${span(after.view)})`);
  assert.equal(after.y, 0, 'the page did not scroll');
  await page.context().close();
});

test('a tap on a role shows its card until a tap elsewhere', async () => {
  const page = await phone();
  const cdp = await page.context().newCDPSession(page);
  const el = await page.evaluate(() => {
    const e = document.querySelector('spco-roles');
    const p = e.layout.points.find((q) => q.role === 11);
    return { x: p.x, y: p.y };
  });
  const [ox, oy] = await plotOrigin(page);
  await touch(cdp, 'touchStart', [[ox + el.x, oy + el.y]]);
  await touch(cdp, 'touchEnd', []);
  await page.waitForTimeout(150);
  const card = await page.evaluate(() => {
    const e = document.querySelector('spco-roles');
    const tip = e.shadowRoot.querySelector('.tip');
    return { hidden: tip.hidden, text: tip.textContent, selected: e.selectedRole };
  });
  assert.equal(card.hidden, false, 'the card shows');
  assert.equal(card.selected, 11);
  // Role 11 is "Business support services" (src/catalogue/catalogue.json, the study's table 3).
  assert.match(card.text, /Business support services/);
  assert.match(card.text, /Importance/);
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.tip').hidden), false,
    'it stays');
  await touch(cdp, 'touchStart', [[100, 60]]);
  await touch(cdp, 'touchEnd', []);
  await page.waitForTimeout(150);
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.tip').hidden), true,
    'a tap elsewhere hides it');
  await page.context().close();
});

test('the plain wheel over an unfocused chart scrolls the page with a hint; Ctrl + wheel zooms', async () => {
  const page = await phone({ width: 1200, height: 800, touch: false });
  const [ox, oy] = await plotOrigin(page);
  const view0 = await page.evaluate(() => document.querySelector('spco-roles').layout.view);
  await page.mouse.move(ox + 300, oy + 200);
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(300);
  let s = await page.evaluate(() => {
    const e = document.querySelector('spco-roles');
    const h = e.shadowRoot.querySelector('.hint');
    return { y: window.scrollY, view: e.layout.view, hint: h && h.classList.contains('on') ? h.textContent : null };
  });
  assert.ok(s.y >= 150, `the page scrolled (${s.y})`);
  assert.deepEqual(s.view, view0, 'no zoom');
  assert.match(s.hint ?? '', /(Ctrl|⌘) \+ scroll to zoom/);
  const [ox2, oy2] = await plotOrigin(page);
  await page.mouse.move(ox2 + 300, oy2 + 200);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await page.waitForTimeout(200);
  s = await page.evaluate(() => ({ y: window.scrollY, view: document.querySelector('spco-roles').layout.view }));
  assert.ok(s.view.x1 - s.view.x0 < view0.x1 - view0.x0, 'Ctrl + wheel zoomed in');
  // Once the chart is clicked, the plain wheel zooms too.
  const y1 = s.y;
  await page.mouse.click(ox2 + 5, oy2 + 5);
  const span1 = s.view.x1 - s.view.x0;
  await page.mouse.wheel(0, -200);
  await page.waitForTimeout(200);
  s = await page.evaluate(() => ({ y: window.scrollY, view: document.querySelector('spco-roles').layout.view }));
  assert.ok(s.view.x1 - s.view.x0 < span1, 'the focused chart zooms on the plain wheel');
  assert.equal(s.y, y1, 'and the page stays');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('wheel-zoom makes the plain wheel zoom an unfocused chart', async () => {
  const page = await phone({ width: 1200, height: 800, touch: false,
    body: `<spco-roles src="${RECON}" wheel-zoom style="width:800px;height:500px"></spco-roles><p style="height:2000px">x</p>` });
  const [ox, oy] = await plotOrigin(page);
  const v0 = await page.evaluate(() => document.querySelector('spco-roles').layout.view);
  await page.mouse.move(ox + 300, oy + 200);
  await page.mouse.wheel(0, -200);
  await page.waitForTimeout(200);
  const s = await page.evaluate(() => ({ y: window.scrollY, view: document.querySelector('spco-roles').layout.view, prop: document.querySelector('spco-roles').wheelZoom }));
  assert.equal(s.prop, true);
  assert.ok(s.view.x1 - s.view.x0 < v0.x1 - v0.x0, 'zoomed');
  assert.equal(s.y, 0);
  await page.context().close();
});

test('at 390 px on a coarse pointer: two menus in one row, 44 px targets, a key for numbered labels, the badge off the plot', async () => {
  const page = await phone();
  const r = await page.evaluate(() => {
    const e = document.querySelector('spco-roles');
    const sr = e.shadowRoot;
    const box = (n) => { const b = n.getBoundingClientRect(); return { x: b.x, y: b.y, w: b.width, h: b.height }; };
    const menus = [...sr.querySelectorAll('.menu')].map((m) => ({ text: m.textContent, ...box(m) }));
    const bar = box(sr.querySelector('.bar'));
    const coarse = matchMedia('(pointer: coarse)').matches;
    // Open the zoom menu: its buttons must be 44 px too.
    sr.querySelectorAll('.menu')[1].click();
    const zoomButtons = [...sr.querySelectorAll('.zm button, .zm select')].filter((b) => b.offsetParent).map(box);
    sr.querySelectorAll('.menu')[0].click();
    const chips = [...sr.querySelectorAll('.chips button')].filter((b) => b.offsetParent).map(box);
    const key = [...sr.querySelectorAll('.key li')].map((li) => li.textContent);
    const numbered = e.layout.labels.filter((l) => l.number_only).map((l) => l.role);
    const plot = box(sr.querySelector('.plot'));
    const badge = box(sr.querySelector('.badge'));
    return { menus, bar, coarse, zoomButtons, chips, key, numbered, plot, badge };
  });
  assert.ok(r.coarse, 'the emulated phone has a coarse pointer');
  assert.equal(r.menus.length, 2);
  assert.match(r.menus[0].text, /Groups/);
  assert.match(r.menus[1].text, /Zoom/);
  assert.ok(Math.abs(r.menus[0].y - r.menus[1].y) < 1, 'one row');
  assert.ok(r.bar.h < 60, `the bar is one row (${r.bar.h} px)`);
  for (const b of [...r.menus, ...r.zoomButtons, ...r.chips]) assert.ok(b.h >= 44 && b.w >= 44, `target ${b.w}x${b.h}`);
  assert.ok(r.zoomButtons.length >= 4 && r.chips.length >= 3, 'the menus open');
  assert.ok(r.numbered.length > 0, 'some labels are bare numbers at 390 px');
  assert.equal(r.key.length, r.numbered.length, 'one key line per numbered label');
  // Role 11 is "Business support services" (src/catalogue/catalogue.json, the study's table 3).
  if (r.numbered.includes(11)) assert.ok(r.key.includes('11 · Business support services'), r.key.join(' | '));
  assert.ok(r.badge.y >= r.plot.y + r.plot.h - 0.5, 'the badge is below the plot');
  await page.context().close();
});

// Found at 320 px (a small phone, or a 375 px one with its display zoomed): the bar's buttons
// were squeezed until their words broke ("Groepen" over "▾", "Tabel" over "?"). A button keeps
// its words on one line; a bar too narrow for them all wraps between them, menus first. The note
// beside them kept shrinking to "n …"; it now stops at a few words and otherwise takes a row.
test('on small phones every button of the bar is one line of text, the menus share a row, the note keeps its words', async () => {
  // 246 px: the demo's card at 320; 316 px: at 390, where the buttons left the note ~40 px.
  const page = await phone({ width: 390, height: 640,
    body: [246, 316].map((w) => `<spco-roles src="${RECON}" controls lang="nl" style="width:${w}px;height:520px"></spco-roles>`).join('') });
  await page.waitForFunction(() => [...document.querySelectorAll('spco-roles')].every((e) => e.layout?.points));
  const all = await page.evaluate(() => [...document.querySelectorAll('spco-roles')].map((e) => {
    const sr = e.shadowRoot;
    const lines = (b) => { const g = document.createRange(); g.selectNodeContents(b);
      return new Set([...g.getClientRects()].map((q) => Math.round(q.top))).size; };
    const buttons = [...sr.querySelectorAll('.bar button')].filter((b) => b.offsetParent)
      .map((b) => ({ text: b.textContent, lines: lines(b), y: b.getBoundingClientRect().y }));
    const note = sr.querySelector('.note');
    return { buttons, barW: sr.querySelector('.bar').scrollWidth, hostW: e.getBoundingClientRect().width,
      note: [note.getBoundingClientRect().width, note.scrollWidth, note.textContent] };
  }));
  for (const r of all) {
    assert.ok(r.buttons.length >= 4, JSON.stringify(r.buttons));
    for (const b of r.buttons) assert.equal(b.lines, 1, `"${b.text}" is on ${b.lines} lines`);
    assert.equal(r.buttons[0].y, r.buttons[1].y, 'the two menus share a row');
    assert.ok(r.barW <= r.hostW + 0.5, `the bar fits its element (${r.barW} > ${r.hostW})`);
    // The note ("n = 31 respondenten") is never squeezed to "n …": whole, or a row of its own.
    assert.ok(r.note[0] >= Math.min(r.note[1], 70), `${r.hostW} px: the note shows ${r.note[0]} of ${r.note[1]} px`);
  }
  await page.context().close();
});

test('at 390 px the table opens under a drawn chart: the key steps aside and comes back', async () => {
  const page = await phone({ body: `<spco-roles src="${RECON}" controls style="width:316px;height:560px"></spco-roles>` });
  const state = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const sr = document.querySelector('spco-roles').shadowRoot;
    const msg = sr.querySelector('.msg');
    const key = sr.querySelector('.key');
    done({ msg: msg.hidden ? '' : msg.textContent, key: key.getBoundingClientRect().height,
      keyItems: key.querySelectorAll('li').length, labels: document.querySelector('spco-roles').layout.labels.length });
  }))));
  const before = await state();
  assert.ok(before.keyItems > 0 && before.key > 0, `a key under the plot (${JSON.stringify(before)})`);
  const table = () => page.evaluate(() => [...document.querySelector('spco-roles').shadowRoot.querySelectorAll('.bar button')]
    .find((b) => b.textContent === 'Table').click());
  await table();
  await page.waitForTimeout(300);
  const open = await state();
  assert.equal(open.msg, '', 'the chart is drawn, not "too small"');
  assert.equal(open.key, 0, 'the key steps aside while the table is open');
  assert.ok(open.labels >= 10, `labels drawn (${open.labels})`);
  await table();
  await page.waitForTimeout(300);
  const closed = await state();
  assert.ok(closed.key > 0 && closed.msg === '', `the key is back (${JSON.stringify(closed)})`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The keys dialog on a phone listed "Drag: pan", where one finger scrolls the page. On a touch
// screen it starts with the gestures and leaves out the mouse's rows; with a mouse it is as it was.
test('the keys dialog lists the touch gestures on a phone and the mouse rows with a mouse', async () => {
  const rows = async (page) => {
    await page.evaluate(() => [...document.querySelector('spco-roles').shadowRoot.querySelectorAll('.bar button')]
      .find((b) => b.textContent === '?').click());
    await page.waitForFunction(() => document.querySelector('spco-roles').shadowRoot.querySelector('.help dl'));
    const dts = await page.evaluate(() => [...document.querySelector('spco-roles').shadowRoot.querySelectorAll('.help dt')].map((d) => d.textContent));
    await page.context().close();
    return dts;
  };
  const phoneRows = await rows(await phone());
  assert.deepEqual(phoneRows.slice(0, 3), ['Tap', 'Two fingers', 'One finger']);
  assert.ok(!phoneRows.includes('Drag') && phoneRows.includes('Tab'), phoneRows.join(' | '));
  const deskRows = await rows(await phone({ width: 1200, height: 800, touch: false }));
  assert.ok(!deskRows.includes('Tap') && deskRows.includes('Drag') && deskRows.includes('Double-click'), deskRows.join(' | '));
});

// The report's summary table has no groups: on a phone its Groups menu opened on nothing.
test('at 390 px a chart of data without groups has no Groups menu; one with groups has it', async () => {
  const page = await phone({ body: ['/data/table3-summary.csv', RECON]
    .map((src) => `<spco-roles src="${src}" controls style="width:316px;height:520px"></spco-roles>`).join('') });
  await page.waitForFunction(() => [...document.querySelectorAll('spco-roles')].every((e) => e.layout?.points));
  const menus = await page.evaluate(() => [...document.querySelectorAll('spco-roles')].map((e) =>
    [...e.shadowRoot.querySelectorAll('button.menu')].filter((b) => b.offsetParent).map((b) => b.textContent)));
  assert.deepEqual(menus, [['Zoom ▾'], ['Groups ▾', 'Zoom ▾']]);
  await page.context().close();
});

// A phone held sideways is wide enough for the full bar, whose rows of 44 px targets then took
// ~140 px of a 390 px-high screen: a touch screen under 500 px high gets the two menus too. A
// short desktop window (fine pointer) keeps the full bar.
test('a phone in landscape gets the two menus in one row; a short desktop window keeps the full bar', async () => {
  const bar = async (page) => {
    const r = await page.evaluate(() => {
      const sr = document.querySelector('spco-roles').shadowRoot;
      return { menus: [...sr.querySelectorAll('button.menu')].filter((b) => b.offsetParent).length,
        bar: sr.querySelector('.bar').getBoundingClientRect().height };
    });
    await page.context().close();
    return r;
  };
  const sideways = await bar(await phone({ width: 844, height: 390 }));
  assert.equal(sideways.menus, 2);
  assert.ok(sideways.bar < 60, `one row (${sideways.bar} px)`);
  const desk = await bar(await phone({ width: 1000, height: 450, touch: false }));
  assert.equal(desk.menus, 0, 'a fine pointer keeps the full bar');
});

test('an element the page does not size fits a phone held sideways and a short frame, and is 480 px elsewhere', async () => {
  const body = `<p style="height:100px">Text above.</p><spco-roles src="${RECON}" controls synthetic></spco-roles>
    <p style="height:2000px">Text below.</p>`;
  const height = async (page) => {
    // The fixture's stylesheet sizes every element; without it the element's own fallback shows.
    await page.evaluate(() => document.head.querySelector('style').remove());
    await page.waitForFunction(() => document.querySelector('spco-roles').getBoundingClientRect().height !== 600);
    await settled(page);
    const r = await page.evaluate(() => {
      const el = document.querySelector('spco-roles');
      const l = el.layout, canvas = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      // The frame was laid out for the canvas as it is now, and the canvas lies inside the element.
      return { el: el.getBoundingClientRect().height, points: l.points.length,
        inside: Math.abs(l.height_css - canvas.height) < 0.5 && canvas.bottom <= el.getBoundingClientRect().bottom + 0.5 };
    });
    await page.context().close();
    return r;
  };
  const sideways = await height(await phone({ width: 844, height: 390, body }));
  assert.deepEqual(sideways, { el: 390, points: 14, inside: true }, 'the viewport height, not 480');
  const frame = await height(await phone({ width: 600, height: 300, touch: false, body }));
  assert.equal(frame.el, 300);
  const tall = await height(await phone({ width: 390, height: 844, body }));
  assert.equal(tall.el, 480);
});

test('on a fine pointer every control is at least 24 px', async () => {
  const page = await phone({ width: 1200, height: 800, touch: false });
  const sizes = await page.evaluate(() => [...document.querySelector('spco-roles').shadowRoot.querySelectorAll('.bar button, .bar select, .bar a')]
    .filter((b) => b.offsetParent).map((b) => [b.getBoundingClientRect().width, b.getBoundingClientRect().height]));
  assert.ok(sizes.length > 5);
  for (const [w, h] of sizes) assert.ok(w >= 24 && h >= 24, `${w}x${h}`);
  await page.context().close();
});

// Found on the demo page at 390x844, DPR 3: the key's own height changed which labels fit, so the
// key flipped between 11 and 12 entries every frame, the canvas was resized every frame and stayed
// blank. A settled chart keeps its canvas size, its key and its drawn frame.
test('on the demo page at 390 px the number key settles and the chart stays drawn', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
    hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${env.base}/`);
  await page.waitForFunction(() => document.getElementById('reconstructed')?.layout?.points?.length > 0);
  await page.locator('#reconstructed').scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  const watch = await page.evaluate(() => new Promise((done) => {
    const el = document.getElementById('reconstructed');
    const c = el.shadowRoot.querySelector('canvas');
    const seen = new Set();
    let n = 0;
    const tick = () => {
      seen.add(`${c.width}x${c.height}|${el.shadowRoot.querySelectorAll('.key li').length}`);
      if (++n < 30) requestAnimationFrame(tick);
      else {
        // Blank would read all-transparent: some pixel of the plot is painted.
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < px.length; i += 4 * 97) if (px[i]) painted++;
        done({ seen: [...seen], painted });
      }
    };
    requestAnimationFrame(tick);
  }));
  assert.equal(watch.seen.length, 1, `canvas size and key over 30 frames: ${watch.seen.join(' ; ')}`);
  assert.ok(watch.painted > 100, `the plot is drawn (${watch.painted} sampled pixels painted)`);
  // The hierarchy fills most of this portrait screen, yet keeps the page's type (a phone is in
  // the hand: slide type at 1.13x cut more of its names), and so does every chart here.
  const scales = await page.evaluate(() => [...document.querySelectorAll('spco-roles')].map((el) => el._handle.textScale()));
  assert.deepEqual(scales, scales.map(() => 1), `text scales on a portrait phone: ${scales}`);
  await context.close();
});
