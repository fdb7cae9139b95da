import {describe, it} from 'node:test'
import assert from 'node:assert/strict'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import type {Root} from 'mdast'
import {classifiedSectionsOf, itemsOf, safetyItemsOf, sectionItemsOf, sectionsOf, sectionsOfKind, textOf} from '../../src/rule-kit/sections.js'
import {safetyVocabularyOf} from '../../src/rule-kit/safety-vocabulary.js'
import {classifyLabel, comparable, isDisclaimer, isPlaceholder, trafficLightOf} from '../../src/rule-kit/recognise.js'

const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root
const vocabulary = safetyVocabularyOf(undefined, undefined)
const kinds = (markdown: string) => classifiedSectionsOf(parse(markdown), vocabulary).filter((entry) => entry.section.form !== 'intro').map((entry) => `${entry.section.form}:${entry.section.title}=${entry.kind ?? '-'}`)
const items = (markdown: string, kind: 'red-flags' | 'seek-review' = 'red-flags') => safetyItemsOf(parse(markdown), vocabulary, kind)

describe('sections', () => {
  it('keeps list items and nested lists apart in item text', () => {
    assert.deepEqual(items('## Red flags\n\n- First item\n  - Nested item\n- Second item\n'), ['First item Nested item', 'Second item'])
  })

  it('turns a hard line break into a space once normalised', () => {
    const tree = parse('Last reviewed by Placeholder Name,  \nPlaceholder credential\n')
    assert.equal(textOf(tree.children[0]!), 'Last reviewed by Placeholder Name,\nPlaceholder credential')
  })

  it('never takes the page title for a section', () => {
    assert.deepEqual(kinds('# Warning signs of sepsis\n\n- Rest\n- Drink water\n'), [])
    assert.deepEqual(items('# Warning signs of sepsis\n\n- Rest\n- Drink water\n'), [])
    assert.deepEqual(kinds('## Warning signs\n\n- Placeholder\n'), ['heading:Warning signs=red-flags'], 'a first heading below level 1 is a section')
  })

  it('reads every heading-like block as a label', () => {
    assert.deepEqual(kinds([
      '# Title', '', '**Red flags**', '', '- A', '',
      '**Non-urgent advice:** See a GP if:', '', '- B', '',
      '> Immediate action required: Call 999 or go to A&E if:', '>', '> - C', '',
      'You should make an appointment with your GP if:', '', '- D', ''
    ].join('\n')), [
      'bold:Red flags=red-flags',
      'bold:Non-urgent advice:=seek-review',
      'callout:Immediate action required:=red-flags',
      'lead-in:You should make an appointment with your GP if:=seek-review'
    ])
  })

  it('strips numbering, emoji, punctuation and a trailing "if" before matching', () => {
    for (const label of ['5. When to get urgent help', '⚠️ Red flags', '2) Call 999 if:', 'Step 3: Phone 999 or go to A&E if', '🚨 GET HELP NOW!']) {
      assert.equal(classifyLabel(label, vocabulary), 'red-flags', label)
    }
    assert.equal(comparable('5. See a GP if:'), 'see a gp')
    assert.equal(comparable('Call 999 if'), 'call 999', 'a leading number that is the service stays')
  })

  it('recognises meaning, not exact strings', () => {
    const red = ['Urgent advice: Ask for an urgent GP appointment or get help from NHS 111 if:', 'If any of these symptoms return, go to your nearest Emergency Department:', 'Speak to a GP urgently if', 'Get medical help straight away if', 'When to seek emergency care', 'Phone 111 if']
    const seek = ['Non-urgent advice: See a GP if:', 'When should I see a doctor?', 'Speak to your pharmacist if', 'Contact your midwife or health visitor if', 'Call your GP surgery if']
    const neither = ['Emergency contraception', 'How to book a GP appointment', 'Symptoms', 'Causes', 'Getting help with costs', 'Red, itchy eyes']
    for (const label of red) assert.equal(classifyLabel(label, vocabulary), 'red-flags', label)
    for (const label of seek) assert.equal(classifyLabel(label, vocabulary), 'seek-review', label)
    for (const label of neither) assert.equal(classifyLabel(label, vocabulary), undefined, label)
  })

  it('reads traffic lights only as a set', () => {
    assert.equal(trafficLightOf('Red – if your child:'), 'red')
    assert.equal(trafficLightOf('🟠 Amber'), 'amber')
    assert.equal(trafficLightOf('Red eyes'), undefined)
    assert.deepEqual(kinds('# T\n\n**Red – if your child:**\n\n- A\n\n**Amber – if your child:**\n\n- B\n\n**Green**\n\n- C\n'), ['bold:Red – if your child:=red-flags', 'bold:Amber – if your child:=seek-review', 'bold:Green=-'])
    assert.deepEqual(kinds('# T\n\n## Red\n\n- A\n'), ['heading:Red=-'])
  })

  it('reads a heading by what its text tells the reader to do', () => {
    assert.deepEqual(kinds('# T\n\n## What to do in an asthma attack\n\n1. Placeholder step.\n2. If you do not feel better, call 999.\n'), ['heading:What to do in an asthma attack=red-flags'])
    assert.deepEqual(kinds('# T\n\n## Treatment\n\nPlaceholder paragraph naming 999.\n'), ['heading:Treatment=-'], 'a service named without a condition')
  })

  it('gives a mixed lead-in the meaning of its heading', () => {
    const tree = parse('# T\n\n## When to see a doctor\n\nSee your doctor or visit an urgent care center if:\n\n- A\n')
    assert.deepEqual(sectionsOfKind(tree, vocabulary, 'seek-review').map((entry) => entry.section.title), ['When to see a doctor', 'See your doctor or visit an urgent care center if:'])
  })

  it('takes items from lists, table body rows and sentences, never bylines, disclaimers or placeholders', () => {
    assert.deepEqual(items('## Red flags\n\n| Symptom | Action |\n| --- | --- |\n| A | Call 999 |\n| B | Call 999 |\n'), ['A – Call 999', 'B – Call 999'])
    assert.deepEqual(items('## Red flags\n\n| Symptom | Action |\n| --- | --- |\n'), [], 'a header row alone')
    assert.deepEqual(items('## Red flags\n\nLast reviewed by Dr Placeholder, GP\n\nThis page is general information and does not replace advice from your GP.\n'), [])
    assert.deepEqual(items('## Call 999 if\n\n- TBC\n- \n- …\n'), [])
    const placeholders = parse('## Call 999 if\n\n- TBC\n- A\n')
    assert.deepEqual(sectionItemsOf(sectionsOfKind(placeholders, vocabulary, 'red-flags')[0]!, placeholders, vocabulary).map((item) => [item.text, item.placeholder]), [['TBC', true], ['A', false]])
    assert.deepEqual(items('> **Urgent advice:** Call 999 if you have placeholder symptom one. Placeholder two.\n'), ['Call 999 if you have placeholder symptom one.', 'Placeholder two.'])
  })

  it('does not count a following section that means something else', () => {
    const tree = parse('# T\n\n## Red flags\n\n**See a GP if:**\n\n- A\n')
    const [red] = sectionsOfKind(tree, vocabulary, 'red-flags')
    assert.deepEqual(itemsOf(red!, tree, vocabulary), [])
    assert.deepEqual(safetyItemsOf(tree, vocabulary, 'seek-review'), ['A'])
  })

  it('keeps sections in document order, nested ones included', () => {
    const sections = sectionsOf(parse('# T\n\nIntro.\n\n## Urgent advice\n\n### Red flags\n\n- Item\n\n## Other\n'))
    assert.deepEqual(sections.map((section) => section.title), ['', 'Urgent advice', 'Red flags', 'Other'])
  })
})

describe('recognising disclaimers and placeholders', () => {
  it('needs both what the information is and that it does not replace advice', () => {
    assert.ok(isDisclaimer('This page gives general information and is not a substitute for advice from your GP.'))
    assert.ok(isDisclaimer('The information here is not intended to be a substitute for a guide from a professional, and is a general guide.'))
    assert.ok(!isDisclaimer('Call 111 for general information about pharmacies.'))
    assert.ok(!isDisclaimer('This does not replace an assessment.'))
    assert.ok(!isDisclaimer('Your general practitioner cannot replace the hospital team.'), '"general practitioner" is not "general information"')
  })

  it('knows a placeholder from a short item', () => {
    for (const item of ['TBC', 'tbc.', 'TODO: add symptoms', 'XXX', 'Lorem ipsum dolor', '…', '...', '', '-']) assert.ok(isPlaceholder(item), item)
    for (const item of ['Fever', 'First placeholder symptom', 'Insertion site is red', 'To be seen within 24 hours is advised']) assert.ok(!isPlaceholder(item), item)
  })
})

describe('labels on a line of their own', () => {
  it('reads a bold label followed by its lead-in on the next line', () => {
    assert.deepEqual(kinds('# T\n\n**Urgent advice**\nAsk for an urgent GP appointment if:\n\n- A\n'), ['bold:Urgent advice=red-flags'])
    assert.deepEqual(items('# T\n\n**Red flags**\nChest pain or placeholder.\n'), ['Chest pain or placeholder.'])
  })
  it('reads a table pairing symptoms with an urgent action as red flags, and leaves contact lines out of items', () => {
    assert.deepEqual(kinds('# T\n\n## What to do\n\n| Symptom | What to do |\n| --- | --- |\n| Sudden placeholder pain | Call 999 |\n'), ['heading:What to do=red-flags'])
    assert.deepEqual(items('# T\n\n## Red flags\n\nDay Surgery Unit: 01632 960 330 (Monday to Friday)\n\nTelephone: 01632 960 331\n'), [])
  })
})
