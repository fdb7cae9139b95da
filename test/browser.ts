// Headless Chromium for the browser tests: Debian's package, driven by playwright-core (no
// browser download). Where Chromium is missing the tests fail on CI (so a broken CI image cannot
// pass silently) and are skipped with a hint elsewhere.
import {existsSync} from 'node:fs'
import type {TestContext} from 'node:test'
import {chromium} from 'playwright-core'
import type {Browser} from 'playwright-core'

export const chromiumPath = process.env.HEALTHLINT_CHROMIUM ?? '/usr/bin/chromium'

const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/**
 * Launch Chromium, or skip the test (`context.skip`) when it is not installed and this is not CI.
 * Returns undefined when skipped; the caller returns at once.
 */
export async function launchBrowser(context: TestContext): Promise<Browser | undefined> {
  if (!existsSync(chromiumPath)) {
    const hint = `Chromium is not installed at ${chromiumPath}: run \`apt-get install chromium\` (or set HEALTHLINT_CHROMIUM) to run the browser tests.`
    if (process.env.CI) throw new Error(hint)
    context.skip(hint)
    return undefined
  }
  return chromium.launch({executablePath: chromiumPath, args: launchArgs, timeout: 30_000})
}
