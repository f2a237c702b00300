// Rasterises the SVG artwork into the PNGs electron-builder and the windows use, with the system
// Chromium (headless, through Playwright). Run after editing an SVG and commit the PNGs:
//   node resources/render-icons.ts
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserType } from '@playwright/test';

const here = import.meta.dirname;
// Playwright is a dependency of apps/desktop: resolve it from there.
const resolveFromDesktop = createRequire(path.join(here, '..', 'apps', 'desktop', 'package.json')).resolve;
const { chromium } = (await import(pathToFileURL(resolveFromDesktop('@playwright/test')).href)) as {
  chromium: BrowserType;
};

const targets: Array<{ svg: string; out: string; size: number }> = [
  { svg: 'icon.svg', out: 'icon.png', size: 512 },
  ...[16, 24, 32, 48, 64, 128, 256, 512].map((size) => ({
    svg: 'icon.svg',
    out: `icons/${size}x${size}.png`,
    size,
  })),
  { svg: 'launcher-mark.svg', out: 'launcher-mark.png', size: 128 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  mkdirSync(path.join(here, 'icons'), { recursive: true });
  for (const { svg, out, size } of targets) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const markup = readFileSync(path.join(here, svg), 'utf8').replace(
      /<svg /,
      `<svg style="display:block;width:${size}px;height:${size}px" `,
    );
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${markup}</body></html>`,
    );
    await page.screenshot({
      path: path.join(here, out),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await page.close();
    console.log(`${out} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
