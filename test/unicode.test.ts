// The hidden-character sets of src/rule-kit/unicode.ts: every code point Unicode gives the properties
// (enumerated here from the property escapes, so a Node/ICU update that adds one is covered),
// found raw and as each kind of reference, classified for the right rule, and named.
import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import type {Root} from 'mdast'
import {characterName, describeCodePoint, findHiddenCharacters, kindOf, meaningOf, withoutIgnorables} from '../src/rule-kit/unicode.js'
import {characterNames} from '../src/rule-kit/unicode-names.js'

const emptyTree: Root = {type: 'root', children: []}
const hex = (codePoint: number) => codePoint.toString(16).toUpperCase().padStart(4, '0')

/** What Unicode says, property by property: the oracle the sets are checked against. */
function expectedKind(codePoint: number): 'bidi' | 'invisible' | undefined {
  const character = String.fromCodePoint(codePoint)
  if (/\p{Bidi_Control}/u.test(character)) return 'bidi'
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return undefined
  if (/[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/u.test(character)) return 'invisible'
  return undefined
}

const hidden: number[] = []
for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue
  if (expectedKind(codePoint)) hidden.push(codePoint)
}

describe('hidden-character sets', () => {
  it('classify every code point of the Unicode properties, and no other', () => {
    // Sampled outside the sets (every code point would take long): each plane's first 0x3000.
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += codePoint % 0x10000 < 0x3000 ? 1 : 0x101) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue
      assert.equal(kindOf(codePoint), expectedKind(codePoint), `U+${hex(codePoint)}`)
    }
    for (const codePoint of hidden) assert.equal(kindOf(codePoint), expectedKind(codePoint), `U+${hex(codePoint)}`)
    // The classes the issue names are all there.
    for (const codePoint of [0x200e, 0x200f, 0x061c, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) assert.equal(kindOf(codePoint), 'bidi', `U+${hex(codePoint)}`)
    for (const codePoint of [0x200b, 0x200c, 0x200d, 0x2060, 0x00ad, 0xfeff, 0x034f, 0x180e, 0x3164, 0xfe0f, 0xe0001, 0xe0100, 0x0600, 0xfff9, 0x0001, 0x007f, 0x0085, 0x009f]) assert.equal(kindOf(codePoint), 'invisible', `U+${hex(codePoint)}`)
    for (const codePoint of [0x09, 0x0a, 0x0d, 0x20, 0xa0, 0x202f, 0x41]) assert.equal(kindOf(codePoint), undefined, `U+${hex(codePoint)}`)
  })

  it('find every one of them raw, as a hexadecimal and as a decimal reference, at its place', () => {
    for (const form of ['raw', 'hex', 'decimal'] as const) {
      let text = ''
      const places: number[] = []
      // A reference to U+0000 stands for U+FFFD (as in HTML), which shows.
      const codePoints = form === 'raw' ? hidden : hidden.filter((codePoint) => codePoint !== 0)
      for (const codePoint of codePoints) {
        text += 'a '
        places.push(text.length)
        text += form === 'raw' ? String.fromCodePoint(codePoint) : form === 'hex' ? `&#x${codePoint.toString(16)};` : `&#${codePoint};`
        text += ' b\n'
      }
      const found = findHiddenCharacters({}, text, emptyTree, undefined)
      assert.equal(found.length, codePoints.length, `${form}: every code point is found`)
      found.forEach((item, index) => {
        const codePoint = codePoints[index]!
        assert.equal(item.codePoint, codePoint, `${form}: U+${hex(codePoint)}`)
        assert.equal(item.offset, places[index], `${form}: U+${hex(codePoint)} at its place`)
        assert.equal(item.kind, expectedKind(codePoint))
        assert.equal(item.form, form === 'raw' ? undefined : 'reference')
      })
    }
  })

  it('find named references to them', () => {
    const named: Record<string, number> = {
      rlm: 0x200f, lrm: 0x200e, zwnj: 0x200c, zwj: 0x200d, shy: 0xad, ZeroWidthSpace: 0x200b, NegativeVeryThinSpace: 0x200b,
      NegativeThinSpace: 0x200b, NegativeMediumSpace: 0x200b, NegativeThickSpace: 0x200b, NoBreak: 0x2060, ApplyFunction: 0x2061,
      af: 0x2061, InvisibleTimes: 0x2062, it: 0x2062, InvisibleComma: 0x2063, ic: 0x2063
    }
    for (const [name, codePoint] of Object.entries(named)) {
      const [item, ...rest] = findHiddenCharacters({}, `1&${name};2`, emptyTree, undefined)
      assert.deepEqual(rest, [])
      assert.equal(item?.codePoint, codePoint, name)
      assert.equal(item?.offset, 1)
      assert.equal(item?.written, `&${name};`)
    }
    // Not references: no semicolon, an unknown name, an escaped ampersand, a reference to a tab.
    for (const text of ['1&rlm 2', '1&rlmx;2', '1\\&rlm;2', '1&Tab;2', '1&#9;2']) assert.deepEqual(findHiddenCharacters({}, text, emptyTree, undefined), [], text)
  })

  it('grade invisible characters that can change meaning', () => {
    for (const codePoint of [0x2061, 0x2062, 0x2063, 0x2064]) assert.equal(meaningOf(codePoint), 'operator')
    for (const codePoint of [0xfff9, 0xfffa, 0xfffb]) assert.equal(meaningOf(codePoint), 'annotation')
    for (const codePoint of [0xe0001, 0xe0041, 0xe007f]) assert.equal(meaningOf(codePoint), 'tag')
    for (const codePoint of [0x200b, 0x00ad, 0x2060, 0x0001, 0xfeff]) assert.equal(meaningOf(codePoint), undefined)
  })

  it('allow emoji sequences, joiners inside scripts that need them and variation selectors after what they select', () => {
    const allowed = [
      '👩\u200D⚕️', '👨🏽\u200D👩🏽\u200D👧🏽', '❤\uFE0F', '☺\uFE0E', '1\uFE0F\u20E3',
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', '🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}',
      'می\u200Cخواهم', 'क्\u200Dष', '葛\u{E0100}', '≩\uFE00', 'ᠠ\u180B'
    ]
    for (const text of allowed) assert.deepEqual(findHiddenCharacters({}, `Text ${text} text`, emptyTree, undefined), [], JSON.stringify(text))
    const flagged: Array<[string, number]> = [
      ['pa\u200Dracetamol', 0x200d], ['pa\u200Cracetamol', 0x200c], ['1\uFE0F2', 0xfe0f], ['a\u{E0100}', 0xe0100],
      ['\u200D👩', 0x200d], ['text \u{E0041}\u{E0042}', 0xe0041], ['🏴\u{E0067}\u{E0062}', 0xe0067], ['\uFEFFtext', 0xfeff]
    ]
    for (const [text, codePoint] of flagged) assert.equal(findHiddenCharacters({}, text, emptyTree, undefined)[0]?.codePoint, codePoint, JSON.stringify(text))
  })

  it('name characters in messages', () => {
    assert.equal(describeCodePoint(0x200f), 'U+200F RIGHT-TO-LEFT MARK')
    assert.equal(describeCodePoint(0x061c), 'U+061C ARABIC LETTER MARK')
    assert.equal(describeCodePoint(0x202e), 'U+202E RIGHT-TO-LEFT OVERRIDE')
    assert.equal(describeCodePoint(0x200b), 'U+200B ZERO WIDTH SPACE')
    assert.equal(describeCodePoint(0xfe0f), 'U+FE0F VARIATION SELECTOR-16')
    assert.equal(describeCodePoint(0xe01ef), 'U+E01EF VARIATION SELECTOR-256')
    assert.equal(describeCodePoint(0x0008), 'U+0008 BACKSPACE (a control character)')
    assert.equal(describeCodePoint(0x2065), 'U+2065 (an invisible code point)')
    // Every named code point is in the sets, and every code point of the sets is described.
    for (const key of Object.keys(characterNames)) assert.ok(expectedKind(Number(key)), `U+${hex(Number(key))} is a hidden character`)
    for (const codePoint of hidden) {
      assert.match(describeCodePoint(codePoint), /^U\+[0-9A-F]{4,6} (?:[A-Z0-9 -]+|\(an invisible code point\)|\(a format character\))(?: \(a control character\))?$/)
      if (/\p{Assigned}/u.test(String.fromCodePoint(codePoint)) && codePoint <= 0xe01ef && characterName(codePoint) === undefined) {
        // A code point Unicode assigned after this table was written: still reported, by class.
        assert.match(describeCodePoint(codePoint), /\((?:a format character|an invisible code point)\)$/)
      }
    }
  })

  it('names them as the Unicode Character Database does', async () => {
    // unicode-name (a dev dependency) carries the UCD's names and aliases; controls have no name,
    // and are named by their first alias.
    const ucd = (await import('unicode-name' as string)) as {unicodeName(char: string): string | undefined; unicodeAliases(char: string): Record<string, string[]> | undefined}
    let named = 0
    for (const codePoint of hidden) {
      const name = characterName(codePoint)
      if (name === undefined) continue
      const character = String.fromCodePoint(codePoint)
      const aliases = ucd.unicodeAliases(character)
      const expected = /\p{Cc}/u.test(character) ? (aliases?.control ?? aliases?.figment)?.[0] : ucd.unicodeName(character)
      assert.equal(name, expected, `U+${hex(codePoint)}`)
      named++
    }
    assert.ok(named >= 300, `${named} code points named`)
  })

  it('removes default-ignorable code points for comparing what is shown', () => {
    assert.equal(withoutIgnorables('www.nhs\u200B.uk\u00AD'), 'www.nhs.uk')
  })
})
