/** The static server and Chromium launcher the browser tests share with the benchmark. */
export { launchChromium, serve } from '../src/bench/browser.ts';
