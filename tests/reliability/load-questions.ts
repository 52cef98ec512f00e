/** What a reading group asks under load: answerable questions, follow-ups that lean on the turn before, and one the text does not answer. */
export const loadQuestions = [
  'Why did Baku close the Russian House?',
  'How many people died when the Azal plane crashed?',
  'Who apologised for it?',
  'Who were the two men who died in Yekaterinburg?',
  'What did the autopsies reveal?',
  'Which Sputnik staff were detained in Baku?',
  'Who won the 2018 World Cup?',
  'Tell me about the Azal plane that was shot down.',
  'How many people died?',
  'Who wrote the article?',
] as const;
