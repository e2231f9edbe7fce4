import { launch, mount } from '../tests/browser/harness.mjs';
const h = await launch();
const page = await h.page({ width: 1000, height: 760, dpr: 2 });
await mount(page, h.base, `<spco-roles src="/data/reconstructed-table3.csv" lang="en" style="display:block;width:900px;height:640px"></spco-roles>`);
console.log(await page.evaluate(() => { const e = document.querySelector('spco-roles'); const walk = (n, d) => [...n.children].map((c) => '  '.repeat(d) + c.localName + (c.className ? '.' + c.className : '') + (c.hidden ? ' [hidden]' : '') + '\n' + (d < 3 ? walk(c, d + 1) : '')).join(''); return walk(e.shadowRoot, 0); }));
await h.close();
