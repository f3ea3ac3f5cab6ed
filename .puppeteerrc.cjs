// Puppeteer must not download a browser: we drive the system Chromium (see src/render/browser-path.ts).
module.exports = { skipDownload: true };
