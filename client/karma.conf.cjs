// Karma for `ng test` (builder @angular/build:karma): headless Chromium, one run, a plain summary.
// The builder adds the compiled specs and Angular's own plugins to this configuration.
process.env.CHROME_BIN = process.env.CHROME_BIN || '/usr/bin/chromium';

module.exports = function configureKarma(config) {
  config.set({
    frameworks: ['jasmine'],
    plugins: [require('karma-jasmine'), require('karma-chrome-launcher')],
    client: {
      jasmine: {
        random: true,
        // A spec without expectations passes silently otherwise.
        failSpecWithNoExpectations: true,
      },
      clearContext: true,
    },
    browsers: ['ChromiumHeadlessRoot'],
    customLaunchers: {
      // Root in a container: no sandbox, no GPU, small /dev/shm, and nothing that phones home (shared with the e2e tests).
      ChromiumHeadlessRoot: {
        base: 'ChromeHeadless',
        flags: require('../test/support/chromium-flags.json').root,
      },
    },
    // progress redraws one line on a terminal; in a log (CI, a pipe) dots keep it short. Both print
    // each failure in full and end with "Executed N of M (K FAILED)"; ng test then exits with 1.
    reporters: process.stdout.isTTY ? ['progress'] : ['dots'],
    colors: Boolean(process.stdout.isTTY),
    singleRun: true,
    autoWatch: false,
    restartOnFileChange: false,
    browserNoActivityTimeout: 60000,
    captureTimeout: 120000,
    browserDisconnectTolerance: 1,
  });
};
