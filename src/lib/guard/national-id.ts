/**
 * Norwegian national identity numbers (fødselsnummer) and D-numbers: 11 digits whose two last digits
 * are mod-11 check digits. Codes, table numbers and dates are not 11 digits with valid check digits,
 * so they are not mistaken for one.
 */
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | undefined {
  const sum = weights.reduce((s, w, i) => s + w * digits[i], 0);
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k === 10 ? undefined : k;
}

/** Whether 11 digits form a plausible fødselsnummer or D-number: a real day and month, and both check digits right. */
export function isNationalId(number: string): boolean {
  if (!/^\d{11}$/.test(number)) return false;
  const d = [...number].map(Number);
  let day = d[0] * 10 + d[1];
  if (day > 40) day -= 40; // D-number
  const month = (d[2] * 10 + d[3]) % 40; // some synthetic and H-numbers add 40 to the month
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  return checkDigit(d, W1) === d[9] && checkDigit(d, W2) === d[10];
}

/** Every national identity number in a text: the line and column of each, never the number itself. */
export function findNationalIds(text: string): { line: number; column: number }[] {
  const found: { line: number; column: number }[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    // Digits may be written with a space after the birth date: "010101 12345".
    for (const m of line.matchAll(/(?<!\d)(\d{6})[ ]?(\d{5})(?!\d)/g)) {
      if (isNationalId(m[1] + m[2])) found.push({ line: i + 1, column: m.index + 1 });
    }
  });
  return found;
}
