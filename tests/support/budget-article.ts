/**
 * A small French article the check tests share: French typography (narrow no-break spaces,
 * guillemets, a decimal comma), a scale word, and a `Source :` line; and an English translation
 * of each paragraph that passes every QA check.
 */
const NNBSP = '\u202f';

export const BUDGET_ORIGINAL = [
  `Le ministre a annoncé une hausse de 7,5${NNBSP}% du budget en 2024.`,
  `«${NNBSP}Nous sommes prêts${NNBSP}», a déclaré le porte-parole.`,
  'Les exportations ont atteint 355,5 milliards de dollars.',
  'Source : https://example.vn/article-1.htm',
  '',
].join('\n');

export const BUDGET_EN: Record<string, string> = {
  p1: 'The minister announced a 7.5% increase in the budget in 2024.',
  p2: '“We are ready,” the spokesman said.',
  p3: 'Exports reached $355.5 billion.',
};
