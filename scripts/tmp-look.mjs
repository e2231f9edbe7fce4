import { launch, mount, settled } from '../tests/browser/harness.mjs';
const h = await launch();
// 1. A compare chart (moves to the on-demand module), DPR 2.
let page = await h.page({ width: 1000, height: 760, dpr: 2 });
await mount(page, h.base, `<spco-roles src="/data/reconstructed-table3.csv" compare="sme,large" lang="en" style="display:block;width:900px;height:640px"></spco-roles>`);
await page.screenshot({ path: '/tmp/look-compare.png' });
console.log('compare canvas', await page.evaluate(() => { const c = document.querySelector('spco-roles').shadowRoot.querySelector('canvas'); return [c.width, c.height, c.getBoundingClientRect().width, c.getBoundingClientRect().height]; }), page.errors);
// 2. Phone DPR 3, demo.
page = await h.page({ width: 390, height: 844, dpr: 3 });
await page.goto(`${h.base}/?lang=en`);
await page.waitForFunction(() => [...document.querySelectorAll('spco-roles')].every((e) => e.layout));
await settled(page);
await page.screenshot({ path: '/tmp/look-phone.png' });
console.log('phone canvases', await page.evaluate(() => [...document.querySelectorAll('spco-roles')].map((e) => { const c = e.shadowRoot.querySelector('canvas'); const r = c.getBoundingClientRect(); return [c.width, c.height, Math.round(r.width * 3), Math.round(r.height * 3)]; })), page.errors);
// 3. An element that fails to load: message, canvas untouched.
page = await h.page({ width: 800, height: 600 });
await mount(page, h.base, `<spco-roles src="/data/nope.csv" lang="en" style="display:block;width:700px;height:500px"></spco-roles>`, { wait: false });
await page.waitForTimeout(1500);
await page.screenshot({ path: '/tmp/look-404.png' });
console.log('404', await page.evaluate(() => { const r = document.querySelector('spco-roles').shadowRoot; return [r.querySelector('.msg').textContent, r.querySelector('canvas').width]; }));
await h.close();
