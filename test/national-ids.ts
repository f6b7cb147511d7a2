/** National identity numbers for tests: made at run time, never committed, never printed. */

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const sum = (d: number[], w: number[]) => w.reduce((s, x, i) => s + x * d[i], 0);

/**
 * A number with valid check digits, made here so that none is ever committed: `date` is DDMMYY
 * (a D-number adds 40 to the day, an H-number 40 to the month), `remainder` the 2032 format's
 * remainder of the first check sum (0 is the format in use today).
 */
export function makeNationalId(date: string, remainder = 0, individual = 123): string {
  for (let n = individual; n < individual + 1000; n++) {
    const d = [...`${date}${String(n % 1000).padStart(3, "0")}`].map(Number);
    const k1 = (11 - ((sum(d, W1) - remainder) % 11 + 11) % 11) % 11;
    if (k1 > 9) continue;
    const k2 = (11 - (sum([...d, k1], W2) % 11)) % 11;
    if (k2 > 9) continue;
    return [...d, k1, k2].join("");
  }
  throw new Error("no number");
}
