// Writes www/screenshot.png: the page with the example article, a few suggestions reviewed.
// Usage: node scripts/screenshot.mjs (after make dist)
import { chromium } from 'playwright-core';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url).pathname;
const article = readFileSync(join(root, '../shared/examples/syria-two-articles.txt'), 'utf8');
const profile = mkdtempSync(join(tmpdir(), 'gloss-shot-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await ctx.newPage();
await page.goto(pathToFileURL(join(root, 'dist/gloss.html')).href);
await page.waitForSelector('body[data-ready="true"]');
await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), article);
await page.evaluate(() => { document.getElementById('paste').open = false; });
for (const k of ['j', 'a', 'a', 'x', 'a']) await page.keyboard.press(k);
await page.screenshot({ path: join(root, 'www/screenshot.png') });
await ctx.close();
rmSync(profile, { recursive: true, force: true });
