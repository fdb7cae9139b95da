// The mark for a slow end-to-end group. `npm test` (and CI) runs every group; `npm run
// test:quick` sets HEALTHLINT_TEST_QUICK and skips these, saying so, for a fast inner loop.
//
// The rule: a group is slow when it drives something outside the test process over a corpus —
// the CLI spawned as CI runs it, a build killed at random moments, Chromium, the SARIF
// multitool. Everything in-process stays in the quick run (the property-based tests too, with
// a tenth of their runs: HEALTHLINT_FUZZ_RUNS=0.1).
export const quick = Boolean(process.env.HEALTHLINT_TEST_QUICK)

/** Options for `describe` or `it`: skipped by `npm run test:quick`, run by `npm test`. */
export const slow: {skip?: string} = quick ? {skip: 'slow end-to-end group: `npm test` runs it, `npm run test:quick` does not'} : {}
