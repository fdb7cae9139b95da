// A real browser for tests: Debian's `chromium`, driven by playwright-core (which downloads no
// browser of its own). Without Chromium a browser test fails when CI is set (CI must run it:
// .ci/run installs it) and is skipped elsewhere, saying how to install it.
import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import type {TestContext} from 'node:test'
import {chromium} from 'playwright-core'
import type {Browser} from 'playwright-core'

/** Where Chromium is: `HEALTHLINT_CHROMIUM`, or Debian's package's path. */
export const chromiumPath = process.env.HEALTHLINT_CHROMIUM ?? '/usr/bin/chromium'

/** Headless, and quiet on the network: no background requests of the browser's own. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/**
 * Launch Chromium for test `t`. Without it: when CI is set the test fails; otherwise it is
 * skipped with a message saying how to install Chromium, and this returns undefined.
 */
export async function launchBrowser(t: TestContext): Promise<Browser | undefined> {
  if (!existsSync(chromiumPath)) {
    const how = `Chromium is not installed at ${chromiumPath}; install it with \`apt-get install chromium\` (or set HEALTHLINT_CHROMIUM to its path) to run the browser tests.`
    if (process.env.CI) assert.fail(`${how} CI must run them.`)
    t.skip(how)
    return undefined
  }
  return chromium.launch({executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000})
}
