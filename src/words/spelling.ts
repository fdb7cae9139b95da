// UK spellings as the CMU pronouncing dictionary (American) spells them, for look-up only:
// "anaemia" is found as "anemia", "oesophagus" as "esophagus", "centre" as "center". The rules
// change letters, never sounds, so a word's syllables are the same either way; they apply only
// to words the dictionary does not have under their own spelling (the syllable table keeps every
// dictionary word these rules would change, such as "acre" or "four").
const rules: ReadonlyArray<[RegExp, string]> = [
  [/ae/g, 'e'], // anaemia, haemorrhage, paediatric, leukaemia
  [/oe(?=[^aeiouy])/g, 'e'], // oesophagus, oedema, coeliac, diarrhoea (below), foetus
  [/oea$/, 'ea'],
  [/our(?=$|s$|ed$|ing$|ite|able|ful)/g, 'or'], // tumour, behaviour, colours
  [/([^aeiou])re(?=$|s$|d$)/g, '$1er'], // centre, litre, fibre, theatres
  [/is(?=e$|es$|ed$|ing$|ation)/g, 'iz'], // recognise, organisation
  [/ys(?=e$|es$|ed$|ing$)/g, 'yz'], // analyse, paralysed
  [/ogue$/, 'og'] // catalogue, dialogue
]

/** The American spelling of a (lower-case) word, or the word itself when no rule applies. */
export function americanSpelling(word: string): string {
  let result = word
  for (const [pattern, replacement] of rules) result = result.replace(pattern, replacement)
  return result
}
