import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { testDataDir } from '@khao/testing';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const artifacts = path.join(testDataDir, 'artifacts');

/** Debian's Chromium, headless (never a downloaded browser; scripts/test.mjs installs it when missing). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A browser context as a person in Thailand has it: their language, Bangkok time. Every page is watched for
 * Content-Security-Policy refusals and uncaught errors, which fail the test that meets them.
 */
export async function newPerson(
  browser: Browser,
  locale: 'th-TH' | 'en-US',
): Promise<{ ctx: BrowserContext; page: Page; problems: string[] }> {
  const ctx = await browser.newContext({
    locale,
    timezoneId: 'Asia/Bangkok',
    viewport: { width: 1280, height: 1000 },
    // No animations: axe then sees dialogs as they end up, not half faded in.
    reducedMotion: 'reduce',
  });
  ctx.setDefaultTimeout(10_000);
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
  });
  return { ctx, page, problems };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; data?: unknown }[];
}

/** axe-core on the page as it is now: no serious or critical violation (evaluated by the debugger, not by CSP). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 120), data: n.any[0]?.data })) })))`,
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html} ${JSON.stringify(n.data ?? '')}`).join(', ')}`,
    ),
    `axe on ${what}`,
  ).toEqual([]);
}

/**
 * The fonts Chromium drew an element's text with, and how many glyphs each drew (DevTools' platform fonts): a
 * font missing Thai shows boxes, which no DOM property tells.
 */
export async function fontsDrawing(page: Page, selector: string): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return Object.fromEntries(fonts.map((f) => [f.familyName, f.glyphCount]));
  } finally {
    await cdp.detach();
  }
}

/** A full-page screenshot kept as a test artifact (.data/test/artifacts/studio-<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `studio-${name}.png`);
  // The viewport, not the full page: the studio's header and menu are fixed, and a stitched page repeats them.
  await page.screenshot({ path: file });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

/** Logs in through the studio's log-in page and waits for the story list. */
export async function logIn(
  page: Page,
  baseUrl: string,
  credentials: { email: string; password: string },
  labels: { email: string; password: string; submit: string },
) {
  await page.goto(`${baseUrl}/studio/`);
  await page.waitForURL(/\/studio\/login/);
  await page.getByLabel(labels.email).fill(credentials.email);
  await page.locator('input[type=password]').fill(credentials.password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL(/\/studio\/stories$/);
}

/** Picks 10–11 April 2560 (BE) in the Thai calendar: decade, year, month, then the two days. */
export async function pickSeedDates(page: Page) {
  await page.getByRole('button', { name: 'วันที่จัดกิจกรรม' }).click();
  const calendar = page.locator('[data-dates-dropdown]');
  const level = calendar.locator('.mantine-DatePickerInput-calendarHeaderLevel');
  await expect.poll(() => level.textContent()).toMatch(/^[ก-๙]+ 25\d\d$/); // this month, in BE
  await level.click(); // the year's months
  await level.click(); // the decade's years (decades are CE's: 2020–2029 shows as 2563–2572)
  await calendar.getByRole('button', { name: 'ก่อนหน้า' }).click();
  expect(await level.textContent()).toBe('2553 – 2562');
  await calendar.getByRole('button', { name: '2560', exact: true }).click();
  await calendar.getByRole('button', { name: 'เม.ย.', exact: true }).click();
  expect(await level.textContent()).toBe('เมษายน 2560');
  await calendar.getByRole('button', { name: '10 เมษายน 2560', exact: true }).click();
  await calendar.getByRole('button', { name: '11 เมษายน 2560', exact: true }).click();
}
