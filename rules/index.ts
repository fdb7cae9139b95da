// The built-in rule set, in the order the documentation lists the rules. A value passed in, not
// a registry: only the entry points (the CLI, the library API, the docs generator and the tests)
// import it, and hand it to config resolution, which carries it to every stage and report.
import {createRuleSet} from '../src/rule-kit/rule-set.js'
import type {RuleSet} from '../src/rule-kit/rule-set.js'
import encoding from './encoding.js'
import fileType from './file-type.js'
import emptyArticle from './empty-article.js'
import frontmatterSyntax from './frontmatter-syntax.js'
import frontmatterSchema from './frontmatter-schema.js'
import markdownLimits from './markdown-limits.js'
import requireRedFlags from './require-red-flags.js'
import redFlagsUrgentAction from './red-flags-urgent-action.js'
import requireSeekReview from './require-seek-review.js'
import requireDisclaimer from './require-disclaimer.js'
import requireReviewer from './require-reviewer.js'
import noPlaceholders from './no-placeholders.js'
import reviewDate from './review-date.js'
import ukEmergencyServices from './uk-emergency-services.js'
import bidiControl from './bidi-control.js'
import invisibleCharacters from './invisible-characters.js'
import mixedScript from './mixed-script.js'
import suspiciousLink from './suspicious-link.js'
import remoteImage from './remote-image.js'
import suppression from './suppression.js'
import duplicateSlug from './duplicate-slug.js'
import unsafeHtml from './unsafe-html.js'
import readability from './readability.js'
import hardSentence from './hard-sentence.js'
import plainEnglish from './plain-english.js'
import noNegativeContractions from './no-negative-contractions.js'
import noLatinAbbreviations from './no-latin-abbreviations.js'
import numberStyle from './number-style.js'
import noPrescriptionAbbreviations from './no-prescription-abbreviations.js'
import expandAbbreviations from './expand-abbreviations.js'
import ukSpelling from './uk-spelling.js'
import imageAltText from './image-alt-text.js'
import descriptiveLinkText from './descriptive-link-text.js'
import headingStructure from './heading-structure.js'
import tableHeaders from './table-headers.js'
import noAllCaps from './no-all-caps.js'
import noExclamationMarks from './no-exclamation-marks.js'
import addressTheReader from './address-the-reader.js'

export const builtInRules: RuleSet = createRuleSet([{origin: 'healthlint', rules: [
  encoding,
  fileType,
  emptyArticle,
  frontmatterSyntax,
  frontmatterSchema,
  markdownLimits,
  requireRedFlags,
  redFlagsUrgentAction,
  requireSeekReview,
  requireDisclaimer,
  requireReviewer,
  noPlaceholders,
  reviewDate,
  ukEmergencyServices,
  bidiControl,
  invisibleCharacters,
  mixedScript,
  suspiciousLink,
  remoteImage,
  suppression,
  duplicateSlug,
  unsafeHtml,
  readability,
  hardSentence,
  plainEnglish,
  noNegativeContractions,
  noLatinAbbreviations,
  numberStyle,
  noPrescriptionAbbreviations,
  expandAbbreviations,
  ukSpelling,
  imageAltText,
  descriptiveLinkText,
  headingStructure,
  tableHeaders,
  noAllCaps,
  noExclamationMarks,
  addressTheReader
]}])

/** The built-in rules as a list. */
export const rules = builtInRules.rules
