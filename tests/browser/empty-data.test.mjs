// A data file with a header and no answers (issue #12) is an error in the element, as in the CLI:
// the message names the file and is shown inside the element, and no chart is drawn from n = 0.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mount } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('a header-only file shows "the file has a header but no answers" and fires error', async () => {
  const page = await env.page();
  await mount(page, env.base, '', { wait: false });
  const result = await page.evaluate(async () => {
    const el = document.createElement('spco-roles');
    document.body.append(el);
    const failed = new Promise((ok) => el.addEventListener('error', (e) => ok(e.detail.message), { once: true }));
    el.setData('respondent,group,spco,role,importance,performance\r\n', 'auto', 'leeg.csv').catch(() => {});
    const message = await failed;
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    return { message, shown: el.shadowRoot.textContent, points: el.layout?.points?.length ?? 0 };
  });
  assert.equal(result.message, 'leeg.csv: the file has a header but no answers.');
  assert.ok(result.shown.includes('leeg.csv: the file has a header but no answers.'), result.shown);
  assert.equal(result.points, 0);
  assert.ok(!page.errors.some((e) => /Uncaught|RuntimeError|panicked/.test(e)), page.errors.join('\n'));
});
