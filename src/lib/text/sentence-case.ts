/**
 * A name shown as a title, starting with a capital letter. The data keeps the source's spelling (an
 * indicator proposed in running text, «andel unge i alderen 18-22 år …», is recorded as written);
 * only the display capitalises it.
 */
export function asTitle(text: string): string {
  return text.charAt(0).toLocaleUpperCase("nb") + text.slice(1);
}
