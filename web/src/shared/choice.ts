/**
 * The text shown above a card: a "which order?" question's text lists the orders line by line for
 * clients that show no cards, so beside the card that lists them only its first line is shown.
 */
export function textBesideCard(text: string, card: { kind: string } | undefined): string {
  return card?.kind === 'choice' ? (text.split('\n')[0] ?? text) : text;
}
