/**
 * Norwegian national identity numbers: fødselsnummer, D-numbers (day + 40), H-numbers and synthetic
 * test numbers (month + 40 or + 80), in the format in use and in the format from 2032. Eleven
 * digits: a birth date, three individual digits and two mod-11 check digits.
 *
 * The 2032 format (Skatteetaten's modernised numbers) widens the first check digit: the weighted
 * sum of the first ten digits may leave a remainder of 0, 1, 2 or 3 instead of 0 only. The second
 * check digit is unchanged. Both formats are recognised, so a number issued after the change is
 * caught as surely as one issued before.
 */
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

const weighted = (digits: readonly number[], weights: readonly number[]) => weights.reduce((s, w, i) => s + w * digits[i], 0) % 11;

/** Whether 11 digits form a plausible national identity number: a real day and month, and both check digits right. */
export function isNationalId(number: string): boolean {
  if (!/^\d{11}$/.test(number)) return false;
  const d = [...number].map(Number);
  let day = d[0] * 10 + d[1];
  if (day > 40) day -= 40; // D-number
  const month = (d[2] * 10 + d[3]) % 40; // H-numbers and synthetic numbers add 40 or 80 to the month
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  return weighted(d, W1) <= 3 && weighted(d, W2) === 0;
}

/**
 * Whether 11 digits are a valid Norwegian bank account number (mod 11 on the last digit). Every
 * national identity number passes this too, so a flagged account number can only be told apart by a
 * person: the allow-list (content/allowed-numbers.yaml) records that decision.
 */
export function isBankAccount(number: string): boolean {
  if (!/^\d{11}$/.test(number)) return false;
  return weighted([...number].map(Number), W2) === 0;
}
