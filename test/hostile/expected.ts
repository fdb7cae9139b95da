// The expected outcome of every hostile article (test/fixtures/hostile and the files the suite
// creates at run time). Written from the shared catalogue's EXPECTED.md, with healthlint's rule
// ids; where it and healthlint's issues disagree the issues win (raw HTML and dangerous URLs are
// warnings: the sanitiser is the boundary, and the article publishes without them).
//
// `security` is exact: the messages of the security rules below must be exactly these, each
// [rule id, severity, line, column] in file coordinates. The catalogue's articles use another
// frontmatter format (summary, reviewer …), so they also get `frontmatter-schema` errors, which
// `schema` lists only where the attack is in a metadata value (it must be reported there).
// `published` names the articles a build must publish (with the suite's config); every other
// article must be withheld. `html` holds patterns the published JSON `html` must match.

export type Severity = 'error' | 'warning'
export type Finding = readonly [ruleId: string, severity: Severity, line: number, column: number]

export interface Expectation {
  security: readonly Finding[]
  /** `line:column` of `frontmatter-schema` messages that must appear. */
  schema?: readonly string[]
  published?: true
  html?: readonly RegExp[]
}

/** Rules whose findings are part of the security contract. */
export const securityRules = new Set([
  'frontmatter-syntax', 'encoding', 'file-type', 'empty-article', 'markdown-limits', 'unsafe-html',
  'bidi-control', 'invisible-characters', 'mixed-script', 'suspicious-link', 'remote-image', 'duplicate-slug'
])

const fm = (line: number, column: number): Finding => ['frontmatter-syntax', 'error', line, column]
const html = (line: number, column = 1): Finding => ['unsafe-html', 'warning', line, column]
const limit = (line: number, column: number): Finding => ['markdown-limits', 'error', line, column]
const encoding = (line: number, column: number): Finding => ['encoding', 'error', line, column]
const fileType: Finding = ['file-type', 'error', 1, 1]
const bidi = (line: number, column: number): Finding => ['bidi-control', 'error', line, column]
const link = (line: number, column: number): Finding => ['suspicious-link', 'warning', line, column]

export const expected: Record<string, Expectation> = {
  // Controls: nothing to report (their HTML is checked in test/build/sanitize.test.ts).
  'control-valid-article.md': {security: []},
  'control-html-in-code.md': {security: []},

  // Code execution and fences: the fence is refused at 1:1 and nothing is evaluated.
  'js-frontmatter-eval.md': {security: [fm(1, 1)]},
  'js-frontmatter-fence-variants.md': {security: [fm(1, 1)]},
  'frontmatter-language-prototype-key.md': {security: [fm(1, 1)]},
  'extra-fence-coffee.md': {security: [fm(1, 1)]},
  'extra-fence-space-javascript.md': {security: [fm(1, 1)]},
  'extra-fence-json.md': {security: [fm(1, 1)]},
  'extra-fence-nbsp-js.md': {security: [fm(1, 1)]},
  // `---` followed by U+FEFF: not a bare fence (gray-matter would read U+FEFF as a language).
  'extra-fence-bom-after.md': {security: [fm(1, 1), ['invisible-characters', 'warning', 1, 4]]},
  'extra-toml-fence.md': {security: [fm(1, 1)]},
  'extra-no-frontmatter.md': {security: [fm(1, 1)]},
  'extra-opening-fence-only.md': {security: [['empty-article', 'error', 1, 1], fm(1, 1)]},

  // YAML: refused before anything expands or converts it.
  'yaml-alias-bomb.md': {security: [fm(5, 5), fm(6, 10)]},
  'yaml-merge-key-bomb.md': {security: [fm(2, 1)]},
  'yaml-deep-nesting.md': {security: [fm(2, 1)]},
  'yaml-many-keys.md': {security: [fm(2, 1)]},
  'yaml-duplicate-keys.md': {security: [fm(5, 1)]},
  'yaml-syntax-error.md': {security: [fm(6, 1)]},
  'yaml-custom-tags.md': {security: [fm(5, 5), fm(6, 7), fm(7, 6), fm(8, 9)]},
  'yaml-error-cache-a.md': {security: [fm(6, 1)]},
  'yaml-error-cache-b.md': {security: [fm(6, 1)]},
  'proto-pollution.md': {security: [fm(5, 1), fm(8, 7), fm(9, 3), fm(11, 1), fm(11, 5), fm(12, 1), fm(13, 3)]},
  'extra-yaml-python-tag.md': {security: [fm(9, 8)]},
  'extra-yaml-deep-flow.md': {security: [fm(9, 15)]},
  'extra-yaml-nested-duplicate.md': {security: [fm(9, 3)]},
  'extra-huge-value.md': {security: [fm(2, 1)]},
  'extra-nested-constructor-prototype.md': {security: [fm(9, 3), fm(10, 5)]},
  'extra-anchor-without-alias.md': {security: [fm(4, 11)]},

  // Frontmatter shape and values.
  'frontmatter-not-object.md': {security: [fm(2, 1)]},
  'frontmatter-scalar.md': {security: [fm(2, 1)]},
  'frontmatter-empty.md': {security: [fm(2, 1)]},
  'frontmatter-unclosed.md': {security: [fm(1, 1)]},
  'frontmatter-delimiter-confusion.md': {security: [fm(10, 1)]},
  'frontmatter-only.md': {security: [['empty-article', 'error', 5, 1]]},
  'extra-frontmatter-flow-list.md': {security: [fm(2, 1)]},
  'extra-frontmatter-number.md': {security: [fm(2, 1)]},
  'dates-as-strings.md': {security: [], schema: ['5:13', '6:1', '7:1', '8:1', '9:1', '10:1']},
  'excerpt-separator-injection.md': {security: [], schema: ['5:1']},
  'slug-path-traversal.md': {security: [], schema: ['4:7', '5:1', '6:1']},
  'xss-frontmatter-fields.md': {security: [], schema: ['2:8', '5:1', '6:1', '7:1', '8:1', '9:8']},
  'duplicate-slug-a.md': {security: [['duplicate-slug', 'error', 3, 1]]},
  'duplicate-slug-b.md': {security: [['duplicate-slug', 'error', 3, 1]]},
  'extra-bidi-in-frontmatter.md': {security: [['bidi-control', 'error', 2, 22], ['bidi-control', 'error', 2, 31]]},
  // Bidi controls that reorder a dose: raw marks (RLM, ALM), and controls written as character
  // references in text, link text, a link title and an image description, and as a YAML escape.
  'extra-rlm-alm-dose.md': {security: [bidi(11, 7), bidi(11, 9), bidi(13, 7)]},
  'extra-bidi-references.md': {
    security: [bidi(2, 15), bidi(11, 7), bidi(11, 34), bidi(13, 7), bidi(13, 15), bidi(15, 7), bidi(17, 9), bidi(17, 22), bidi(17, 69), bidi(19, 9), ['remote-image', 'warning', 19, 1]]
  },

  // Markup in the body: reported where it is written, removed from what is published. (The
  // `&#14;` in the mXSS file's `href` is a control character written as a reference.)
  'xss-script-tag.md': {security: [html(7), html(9, 9), html(9, 49)]},
  'xss-event-handlers.md': {security: [html(7), html(9), html(9, 22), html(11), html(13), html(15)]},
  'xss-javascript-links.md': {security: [html(7), html(9), html(11), html(13), html(15), html(17), html(19), html(23)]},
  'xss-data-urls.md': {security: [html(7), html(9), html(11), html(11, 55)]},
  'xss-raw-html-embeds.md': {security: [html(7), html(9), html(11), html(11, 36), html(11, 45), html(13), html(15), html(17), html(19), html(21), html(23)]},
  'xss-mxss-parser-differentials.md': {security: [html(7), html(7, 11), html(7, 62), html(9), html(9, 6), html(9, 34), html(11), html(13), html(15), html(15, 7), html(15, 45), html(15, 50), html(17), html(17, 6), html(17, 42), html(17, 63), html(17, 70), html(17, 74), html(19), html(19, 61), ['invisible-characters', 'warning', 19, 11]]},
  'xss-dom-clobbering.md': {security: [html(7), html(9), html(9, 45), html(11)]},
  'link-phishing-and-tracking.md': {security: [html(7), ['suspicious-link', 'warning', 9, 1], ['suspicious-link', 'warning', 11, 1], ['remote-image', 'warning', 13, 1]]},
  // Links whose text lies: a zero-width space written as a reference inside the address shown,
  // reference and shortcut links resolved through their definitions, email and phone links.
  'extra-zero-width-reference-link.md': {
    security: [link(11, 5), ['invisible-characters', 'warning', 11, 13], link(13, 6), ['invisible-characters', 'warning', 13, 10]],
    published: true
  },
  'extra-lying-reference-links.md': {security: [link(11, 7), link(11, 26), link(11, 38)], published: true, html: [/<a href="https:\/\/www\.nhs\.uk\/">the NHS website<\/a>/]},
  'extra-mailto-web-address.md': {security: [link(11, 1), link(13, 1), link(15, 1)], published: true, html: [/<a href="mailto:reception@example-surgery\.nhs\.uk">email the practice<\/a>/]},
  'extra-angle-javascript.md': {security: [html(11), html(13)], published: true, html: [/<a>Book a test<\/a>/]},
  'extra-entity-colon.md': {security: [html(11), html(13), html(15)], published: true, html: [/^(?![\s\S]*href=)/]},
  'extra-scheme-variants.md': {security: [html(11), html(13), html(15), html(17), html(19), html(21)], published: true, html: [/^(?![\s\S]*href=)/]},
  'extra-data-image.md': {security: [html(11), html(13)], published: true, html: [/<img alt="chart">/]},
  'extra-svg-script.md': {security: [html(11), html(11, 6), html(11, 22), html(11, 31)], published: true, html: [/^<p>alert\(1\)<\/p>\n<p>Text &#x3C;svg\/onload=alert\(2\)> inline\.<\/p>$/]},
  'extra-link-title-script.md': {
    security: [],
    published: true,
    html: [/title="<script>alert\(1\)<\/script>"/, /title="&#x22; onmouseover=&#x22;alert\(2\)"/]
  },
  'extra-heading-id-clobbering.md': {
    security: [],
    published: true,
    html: [/<h1 id="user-content-constructor">/, /<h2 id="user-content-__proto__">/, /<h2 id="user-content-tostring">/, /<a href="#user-content-fn-__proto__" id="user-content-fnref-__proto__"/, /<li id="user-content-fn-__proto__">/]
  },
  'extra-unclosed-code-fence.md': {security: [], published: true, html: [/^<pre><code class="language-html">&#x3C;script>alert\(1\)&#x3C;\/script>\n/]},

  // Markdown that would hang or overflow the parser: refused before parsing, or by the budget.
  'deep-nesting-blockquote.md': {security: [limit(7, 67)]},
  'deep-nesting-list.md': {security: [limit(7, 67)]},
  'deep-nesting-emphasis.md': {security: [limit(7, 1)]},
  'pathological-emphasis.md': {security: [limit(7, 1)]},
  'pathological-links.md': {security: [limit(7, 1)]},
  'wide-table.md': {security: [limit(7, 1)]},
  'extra-nested-lists-across-lines.md': {security: [limit(26, 33)]},
  'extra-setext-flood.md': {security: [limit(10, 1)]},
  'extra-long-line.md': {security: [], published: true},

  // Bytes, encodings and the file system.
  'empty.md': {security: [['empty-article', 'error', 1, 1]]},
  'bom-crlf.md': {security: []},
  'lone-cr-line-endings.md': {security: [encoding(1, 4)]},
  'non-utf8.md': {security: [encoding(2, 11)]},
  'utf16le-bom.md': {security: [encoding(1, 1)]},
  'nul-bytes.md': {security: [encoding(2, 16)]},
  'bidi-override.md': {security: [['bidi-control', 'error', 7, 36], ['bidi-control', 'error', 7, 56], ['invisible-characters', 'warning', 9, 16], ['mixed-script', 'warning', 9, 77]]},
  'extra-binary.md': {security: [encoding(1, 1)]},
  'extra-overlong-utf8.md': {security: [encoding(2, 9)]},
  'extra-surrogate-utf8.md': {security: [encoding(2, 8)]},
  'extra-utf16be.md': {security: [encoding(1, 1)]},
  'extra-nul-only.md': {security: [encoding(1, 1)]},
  'extra-too-large.md': {security: [fileType]},
  'symlink-escape.md': {security: [fileType]},
  'extra-fifo.md': {security: [fileType]}
}

/**
 * The budget and memory cases (corpus.ts, budgetCases), checked in a project of their own with
 * the default limits: refused before parsing by the caps on lines, table cells and markers; a
 * rule that reads the text lists its first 1,000 findings and says there are more; 8,000
 * identical headings publish, each with its own id.
 */
export const budgetExpected: Record<string, Expectation> = {
  'extra-control-lines.md': {
    security: [limit(10_001, 1), ...Array.from({length: 1001}, (_, index): Finding => ['invisible-characters', 'warning', 11 + index, 1])]
  },
  'extra-heading-flood.md': {security: [], published: true, html: [/<h2 id="user-content-side-effects">/, /<h2 id="user-content-side-effects-7999">Side effects<\/h2>$/]},
  'extra-table-flood.md': {security: [limit(261, 1)]},
  'extra-list-flood.md': {security: [limit(10_001, 1)]},
  'extra-link-flood.md': {security: [limit(41, 1)]},
}
