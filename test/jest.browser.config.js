/** Browser tests: the built system driven by Debian's Chromium through playwright-core. */
const base = require('./jest.config');

module.exports = {
  ...base,
  testRegex: ['test/browser/.*\\.browser-spec\\.ts$'],
  testTimeout: 180000,
  maxWorkers: 1,
};
