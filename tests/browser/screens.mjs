// Screenshots of the demo as a reader sees it (not a test): node tests/browser/screens.mjs [outdir]
// Takes the demo page in both languages and at 2x, a hover tooltip, a group filter and a deep zoom.
import fs from 'node:fs';
import { launch } from './harness.mjs';

const out = process.argv[2] || 'test-results/screens';
fs.mkdirSync(out, { recursive: true });
const env = await launch();
try {
  for (const [lang, dpr] of [['en', 1], ['nl', 2]]) {
    const page = await env.page({ width: 1360, height: 900, dpr });
    await page.goto(`${env.base}/?lang=${lang}`);
    await page.waitForFunction(() => [...document.querySelectorAll('spco-roles')].every((el) => el.layout?.points));
    await page.screenshot({ path: `${out}/demo-${lang}-${dpr}x.png`, fullPage: true });
    const el = page.locator('#reconstructed');
    const box = await el.boundingBox();
    const l = await page.evaluate(() => document.getElementById('reconstructed').layout);
    const plotTop = await page.evaluate(() => { const el = document.getElementById('reconstructed'); return el.shadowRoot.querySelector('.plot').getBoundingClientRect().top - el.getBoundingClientRect().top; });
    const p = l.points.find((q) => q.role === 5);
    await page.mouse.move(box.x + p.x, box.y + plotTop + p.y);
    await page.waitForTimeout(100);
    await el.screenshot({ path: `${out}/tooltip-${lang}-${dpr}x.png` });
    await page.evaluate(() => { document.getElementById('reconstructed').group = 'sme,director'; });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(100);
    await el.screenshot({ path: `${out}/filtered-${lang}-${dpr}x.png` });
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.55);
    for (let i = 0; i < 8; i++) { await page.mouse.wheel(0, -150); await page.waitForTimeout(20); }
    await page.waitForTimeout(100);
    await el.screenshot({ path: `${out}/zoomed-${lang}-${dpr}x.png` });
    if (page.errors.length) console.error(page.errors.join('\n'));
    await page.context().close();
  }
} finally {
  await env.close();
}
console.log(`screenshots in ${out}/`);
