// A labelled evaluation set for `suspicious-link`: links as practice articles write them, each
// with the verdict a careful editor would give. `suspicious: true` means the rule must flag the
// link; false means it must not. Written for healthlint, in many real-world styles (inline,
// reference, shortcut and collapsed links, autolinks, phone and email links, addresses inside
// longer text, character references). Phone numbers are from Ofcom's ranges for drama
// (020 7946 0xxx, 0808 157 0xxx), except the national services (111, 999, 116 123).
// The figures: `node build/test/eval/links/evaluate.js`; the test: links.test.ts beside this.

export interface LinkCase {
  /** The Markdown of the article body (the suite adds frontmatter). */
  markdown: string
  suspicious: boolean
  /** Why, for the reader of a failure. */
  why: string
}

export const cases: LinkCase[] = [
  // Benign: what practice articles really write.
  {markdown: 'Check your symptoms with [NHS 111 online](https://111.nhs.uk/).', suspicious: false, why: 'a service name with a number is not an address'},
  {markdown: 'Read more on [nhs.uk](https://www.nhs.uk/).', suspicious: false, why: 'the shown host without www'},
  {markdown: 'If you need help now, [call 111](tel:111).', suspicious: false, why: 'the number shown is the number dialled'},
  {markdown: 'You can also [email the practice](mailto:reception@example-surgery.nhs.uk).', suspicious: false, why: 'descriptive text on an email link'},
  {markdown: 'See [www.nhs.uk](https://www.nhs.uk/conditions/).', suspicious: false, why: 'the shown host, a deeper page'},
  {markdown: '[Visit www.nhs.uk for more information](https://www.nhs.uk/).', suspicious: false, why: 'an address inside longer text that matches'},
  {markdown: 'Full guidance: [https://www.nhs.uk/conditions/back-pain/](https://www.nhs.uk/conditions/back-pain/)', suspicious: false, why: 'the whole address shown'},
  {markdown: 'Medicines A to Z: <https://www.nhs.uk/medicines/>', suspicious: false, why: 'an autolink shows its own address'},
  {markdown: 'Find out more at www.nhs.uk/live-well.', suspicious: false, why: 'a GFM address literal links to itself'},
  {markdown: 'Write to reception@example-surgery.nhs.uk.', suspicious: false, why: 'a GFM email literal writes to itself'},
  {markdown: 'In an emergency, [call 999](tel:999).', suspicious: false, why: 'the emergency number'},
  {markdown: 'Our nurse line: [020 7946 0123](tel:+442079460123).', suspicious: false, why: '+44 in the link, 0 in the text'},
  {markdown: 'From abroad: [+44 20 7946 0123](tel:02079460123).', suspicious: false, why: '+44 in the text, 0 in the link'},
  {markdown: '[020 7946 0123](tel:+44-20-7946-0123)', suspicious: false, why: 'separators in the tel: link'},
  {markdown: '[Ring the surgery on (020) 7946 0123](tel:+442079460123)', suspicious: false, why: 'brackets around the area code'},
  {markdown: '[+44 (0)20 7946 0123](tel:02079460123)', suspicious: false, why: 'the (0) of UK international style'},
  {markdown: 'Freephone [0808 157 0192](tel:08081570192) (free from mobiles).', suspicious: false, why: 'a freephone number'},
  {markdown: 'Email [reception@example-surgery.nhs.uk](mailto:reception@example-surgery.nhs.uk).', suspicious: false, why: 'the address shown is the address written to'},
  {markdown: '[Email RECEPTION@Example-Surgery.nhs.uk](mailto:reception@example-surgery.nhs.uk?subject=Appointment)', suspicious: false, why: 'case and a subject do not change the address'},
  {markdown: 'Benefits and sick pay: [GOV.UK](https://www.gov.uk/).', suspicious: false, why: 'the brand name is the host'},
  {markdown: 'A leaflet on [Patient.info](https://patient.info/health/back-pain).', suspicious: false, why: 'a bare host that matches'},
  {markdown: 'In Scotland, see [NHS inform](https://www.nhsinform.scot/).', suspicious: false, why: 'a name, not an address'},
  {markdown: 'Read [the NHS website][nhs] for details.\n\n[nhs]: https://www.nhs.uk/', suspicious: false, why: 'a full reference link with descriptive text'},
  {markdown: 'See [nhs.uk] for details.\n\n[nhs.uk]: https://www.nhs.uk/', suspicious: false, why: 'a shortcut reference whose label is its address'},
  {markdown: 'See [www.nhs.uk][] for details.\n\n[www.nhs.uk]: <https://www.nhs.uk/conditions/>', suspicious: false, why: 'a collapsed reference that matches'},
  {markdown: 'See [NHS.UK][Nhs Website].\n\n[nhs   website]: https://nhs.uk/', suspicious: false, why: 'labels match case-folded, whitespace collapsed'},
  {markdown: 'Use [111.nhs.uk](https://111.nhs.uk/) or call 111.', suspicious: false, why: 'the exact host'},
  {markdown: '[British Heart Foundation (www.bhf.org.uk)](https://www.bhf.org.uk/informationsupport)', suspicious: false, why: 'an address in brackets in the text'},
  {markdown: 'Buy a blood pressure monitor from [shop.bhf.org.uk](https://www.bhf.org.uk/shop).', suspicious: false, why: 'another host of the same registrable domain'},
  {markdown: '[Read the leaflet (PDF, 2 pages)](https://www.example-surgery.nhs.uk/leaflets/back-pain.pdf)', suspicious: false, why: 'a file type is not an address'},
  {markdown: 'Download [back-pain.pdf](https://www.example-surgery.nhs.uk/leaflets/back-pain.pdf).', suspicious: false, why: 'a file name is not a host'},
  {markdown: '[Doses for 2.5 ml and 5 ml syringes, e.g. for liquid paracetamol](https://www.medicinesforchildren.org.uk/)', suspicious: false, why: 'decimals and abbreviations are not addresses'},
  {markdown: 'Check [our opening hours](/opening-hours) before you come in.', suspicious: false, why: 'a relative link'},
  {markdown: 'Know the [warning signs](#when-to-get-help).', suspicious: false, why: 'a link within the page'},
  {markdown: 'Order repeat prescriptions in the [NHS App](https://www.nhs.uk/nhs-app/).', suspicious: false, why: 'a product name'},
  {markdown: 'Samaritans: [call 116 123](tel:116123), free, any time.', suspicious: false, why: 'a six-digit helpline with a space'},
  {markdown: 'Text SHOUT to [85258](sms:85258).', suspicious: false, why: 'an sms: link is not checked'},
  {markdown: '[NHS.UK – back pain](https://www.nhs.uk/conditions/back-pain/)', suspicious: false, why: 'a host in capitals followed by a title'},
  {markdown: 'Start at [https://nhs.uk](https://www.nhs.uk/).', suspicious: false, why: 'the shown address redirects to www'},
  {markdown: '[Find a pharmacy on nhs.uk](https://www.nhs.uk/service-search/pharmacy)', suspicious: false, why: 'a bare host at the end of the text'},
  {markdown: 'This follows [version 2.1 of the NICE guideline](https://www.nice.org.uk/guidance/ng59).', suspicious: false, why: 'a version number'},
  {markdown: 'Our helpline is [0808 157 0192 24 hours a day](tel:08081570192).', suspicious: false, why: 'a figure after the number is not part of it'},
  {markdown: 'Read [the back pain guide](https://www.nhs.uk/conditions/back-pain/ "Back pain on nhs.uk").', suspicious: false, why: 'a title that names the host it opens'},
  {markdown: 'See [nhs.uk](https://www.nhs.uk./) (a trailing dot).', suspicious: false, why: 'a fully qualified host is the same host'},
  {markdown: '[Call 020 7946 0123, Monday to Friday 8.30 to 18.30](tel:02079460123)', suspicious: false, why: 'opening hours are not a second number'},
  {markdown: 'Our address for letters is [info@example-surgery.nhs.uk](https://www.example-surgery.nhs.uk/contact).', suspicious: false, why: 'an email address on a contact page of its own domain'},
  {markdown: '[Mind, the mental health charity 👩\u200D⚕️](https://www.mind.org.uk/)', suspicious: false, why: 'an emoji in the text'},

  // Suspicious: the text shows one place and the link opens another.
  {markdown: '[www.nhs.uk](https://www.nhs.uk.evil.example/login)', suspicious: true, why: 'the shown host as a prefix of another'},
  {markdown: '[Visit www.nhs.uk for more](https://nhs-help.example/)', suspicious: true, why: 'an address inside longer text'},
  {markdown: 'See [https://nhs.uk/conditions](https://conditions-nhs.example/).', suspicious: true, why: 'a whole address shown, another opened'},
  {markdown: '[nhs.uk](https://evilnhs.uk/)', suspicious: true, why: 'the shown host as a suffix of another name'},
  {markdown: 'See [www.nhs.uk][r].\n\n[r]: https://evil.example/', suspicious: true, why: 'a full reference link'},
  {markdown: 'See [nhs.uk].\n\n[nhs.uk]: https://nhs.uk.evil.example/', suspicious: true, why: 'a shortcut reference link'},
  {markdown: 'See [www.gov.uk][].\n\n[www.gov.uk]: https://gov-uk.example/', suspicious: true, why: 'a collapsed reference link'},
  {markdown: 'See [GOV.UK][Gov].\n\n[gov]: https://www.gov.uk.evil.example/', suspicious: true, why: 'a case-folded label'},
  {markdown: '[www.nhs&#x200B;.uk](https://evil.example/)', suspicious: true, why: 'a zero-width space written as a reference inside the address'},
  {markdown: '[nhs&ZeroWidthSpace;.uk](https://evil.example/)', suspicious: true, why: 'a named zero-width space reference'},
  {markdown: '[www.nhs.uk\u00AD](https://evil.example/)', suspicious: true, why: 'a raw soft hyphen after the address'},
  {markdown: '[ｗｗｗ.ｎｈｓ.ｕｋ](https://evil.example/)', suspicious: true, why: 'a full-width address'},
  {markdown: 'Email [www.nhs.uk](mailto:help@evil.example).', suspicious: true, why: 'a web address shown on an email link'},
  {markdown: '[Email us at reception@example-surgery.nhs.uk](mailto:reception@evil.example)', suspicious: true, why: 'another email address shown'},
  {markdown: '[Email help@nhs.net](mailto:help@nhs.net.evil.example)', suspicious: true, why: 'an email host extended'},
  {markdown: 'If you need help now, [call 111](tel:09098790000).', suspicious: true, why: 'a premium number behind 111'},
  {markdown: '[020 7946 0123](tel:02079460999)', suspicious: true, why: 'another number dialled'},
  {markdown: '[Call +44 20 7946 0123](tel:+442079460999)', suspicious: true, why: 'another number in international form'},
  {markdown: 'Read [the back pain guide](https://back-pain.example/ "Opens www.nhs.uk").', suspicious: true, why: 'a title that shows another host'},
  {markdown: '[Call 0808 157 0192 or 0808 157 0999](tel:08081570192)', suspicious: true, why: 'a second full number'},
  {markdown: '[Call 111 or 999](tel:111)', suspicious: true, why: 'a second number that the link does not dial'},
  {markdown: '[www.nhs.uk](tel:111)', suspicious: true, why: 'a web address shown on a phone link'},
  {markdown: 'Write to [reception@example-surgery.nhs.uk](https://evil.example/form).', suspicious: true, why: 'an email address shown on a web link elsewhere'},
  {markdown: '[Book now](https://xn--nhs-9la.example/)', suspicious: true, why: 'a punycode host'},
  {markdown: '[NHS](https://www.nhs.uk@evil.example/)', suspicious: true, why: 'a user name hidden before @'},
  {markdown: '[NHS login](https://nhs.uk:secret@evil.example/)', suspicious: true, why: 'a user name and password before @'},
  {markdown: '[Check your symptoms at 111.nhs.uk](https://111-nhs.example/)', suspicious: true, why: 'a service host in the text'},
  {markdown: '[patient.info](https://patient-info.example/)', suspicious: true, why: 'a look-alike registrable domain'},
  {markdown: '[NHS.UK](https://nhs.uk.evil.example/)', suspicious: true, why: 'the brand in capitals'},
  {markdown: '[https://www.gov.uk/](https://www.gov.uk.evil.example/)', suspicious: true, why: 'a whole address shown'},
  {markdown: '[**www.nhs.uk**](https://evil.example/)', suspicious: true, why: 'emphasis inside the link text'},
  {markdown: '[See www.nhs.uk/conditions/back-pain](http://evil.example/nhs)', suspicious: true, why: 'a path after the shown host'},
  {markdown: '[a-practice.github.io](https://another.github.io/)', suspicious: true, why: 'two sites under a shared private suffix'},
  {markdown: '[nhs.uk](https://nhs.uk&#x2E;evil.example/)', suspicious: true, why: 'a dot written as a reference in the destination'},
  {markdown: 'Read [www.nhs.uk][phish].\n\n[phish]: <https://evil.example/> "NHS website"', suspicious: true, why: 'a reference definition with a title'},
  {markdown: '[![NHS logo](https://www.nhs.uk/logo.png) www.nhs.uk](https://evil.example/)', suspicious: true, why: 'an image and an address inside the link'},
  {markdown: '[Call 0808 157 0192 (free)](tel:08081570193)', suspicious: true, why: 'one digit different'},
  {markdown: '[Visit HTTPS://WWW.NHS.UK today](https://www.nhs.uk.evil.example/)', suspicious: true, why: 'an address in capitals'},
  {markdown: '[Contact NHS 111 at www.111.nhs.uk](https://www.111.nhs.uk.example/)', suspicious: true, why: 'a service host extended'}
]
