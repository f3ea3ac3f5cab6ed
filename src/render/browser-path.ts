// Finds the Chromium to drive: PUPPETEER_EXECUTABLE_PATH, then the usual system locations.
// (Puppeteer's own browser download is disabled: our machines only reach the npm registry and apt.)
import { accessSync, constants } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findBrowser(explicit = process.env.PUPPETEER_EXECUTABLE_PATH): string {
  for (const path of [explicit, ...CANDIDATES]) {
    if (!path) continue;
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new Error('No Chromium found. Run `npm install` (it installs Debian’s chromium) or set PUPPETEER_EXECUTABLE_PATH.');
}

/**
 * Chromium's flags. The sandbox stays ON unless we run as root (Chromium refuses to start sandboxed as
 * root); run the server as an ordinary user in production (README, "Running in production").
 */
export function chromiumArgs(uid: number | undefined = process.getuid?.()): string[] {
  return uid === 0 ? ['--no-sandbox', ...CHROMIUM_ARGS] : [...CHROMIUM_ARGS];
}

/** The flags every launch uses, sandbox aside (see chromiumArgs). */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  '--font-render-hinting=none',
  // Memory (measured with bench/chromium-flags.ts printing the monthly report): headless Chromium still
  // preloads the omnibox popup's WebUI in a renderer of its own (~70 MB) and keeps a spare renderer
  // ready for the next navigation (~15 MB); with the GPU off, SwiftShader still loads into the GPU
  // process (~17 MB). Printing needs none of them.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
  '--disable-software-rasterizer',
  // Two processes fewer (~10–15 MB PSS): the network service (it only ever refuses, see renderer.ts) and
  // the GPU thread (software compositing) run inside the browser process. Neither is sandboxed apart
  // from it on Linux anyway (the network service runs with --service-sandbox-type=none).
  '--enable-features=NetworkServiceInProcess2',
  '--in-process-gpu',
  // Belt and braces beside request interception: Chromium may open speculative connections (preconnect)
  // that never show up as requests. A dead proxy for every host, loopback included, and no DNS.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];
