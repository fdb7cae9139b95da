// The published types: generated from the bundle schemas and up to date, exported from the
// package, and matching what the build actually writes (checked by the compiler: the emitter's
// own types must be assignable to the published ones).
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import type {BundleArticle, BundleIndex, BundleIndexEntry} from '../../src/publish/bundle.js'
import type {PublishedArticle, PublishedIndex} from '../../src/index.js'
import {generateBundleTypes, typesPath} from './bundle-types.js'

// Compile-time checks: a field the schema requires that the emitter does not write, or one with
// another type, fails `tsc`.
type Assignable<T, U> = T extends U ? true : false
const articleMatches: Assignable<BundleArticle, PublishedArticle> = true
const entryMatches: Assignable<BundleIndexEntry, PublishedIndex['articles'][number]> = true
const indexMatches: Assignable<Required<BundleIndex>, PublishedIndex> = true

describe('the published bundle types', () => {
  it('are generated from the schemas and up to date (node build/test/publish/bundle-types.js --write)', async () => {
    assert.equal(await readFile(typesPath, 'utf8'), await generateBundleTypes())
  })

  it('agree with the emitter\'s own types', () => {
    assert.deepEqual([articleMatches, entryMatches, indexMatches], [true, true, true])
  })
})
