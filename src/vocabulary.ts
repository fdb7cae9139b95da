// The headings that mark an article's safety sections, shared by the rules that check them
// (`require-red-flags`, `red-flags-urgent-action`, `require-seek-review`, as their `headings`
// option) and by the build, which extracts those sections' items. Phrases match a whole heading
// or its beginning, in any letter case (see `headingMatches`). The defaults are the usual UK
// wordings, as on NHS patient pages.

export const defaultRedFlagHeadings: readonly string[] = [
  'Red flags',
  'Red flag',
  'Red flag symptoms',
  'Red-flag symptoms',
  'Red flag signs',
  'Warning signs',
  'Emergency symptoms',
  'Urgent advice',
  'Get urgent medical help',
  'Seek urgent medical help',
  'Get urgent help',
  'Seek urgent help',
  'When to get urgent help',
  'When to get urgent medical help',
  'When to seek urgent help',
  'When to seek urgent medical help',
  'When to get emergency help',
  'Get help immediately',
  'Seek immediate medical help',
  'Immediate action required',
  'Call 999 or go to A&E if',
  'Call 999 if',
  'Go to A&E if',
  'Ask for an urgent GP appointment if'
]

export const defaultSeekReviewHeadings: readonly string[] = [
  'When to seek GP review',
  'When to seek review',
  'When to seek medical review',
  'When to see a GP',
  'When to see your GP',
  'When to see a doctor',
  'When to contact your GP',
  'When to contact a GP',
  'When to speak to a GP',
  'See a GP if',
  'See your GP if',
  'Contact your GP if',
  'Speak to a GP if',
  'When to get medical advice',
  'When to seek medical advice',
  'When to get help',
  'When to seek help',
  'Non-urgent advice'
]
