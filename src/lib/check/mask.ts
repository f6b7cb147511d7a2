import { HIDDEN, redactNationalIds } from "../guard/redact.ts";

/** Field names that hold a personal number, whatever the value looks like (also a wrong one). */
const PERSONAL_FIELD = /f(o|ø|oe)dsels?n(umme)?r|personn(umme)?r|^fnr$|^fnr_|_fnr$/i;

/** True when a field holds a national identity number, by its name. */
export const holdsPersonalNumber = (fieldName: string) => PERSONAL_FIELD.test(fieldName);

/**
 * A field's value as it may be printed: hidden entirely where the field holds a personal number
 * (a mistyped number is still one), else with any national identity number in it hidden.
 */
export function printable(fieldName: string | undefined, value: string): string {
  if (fieldName !== undefined && holdsPersonalNumber(fieldName) && value.trim() !== "") return HIDDEN;
  return redactNationalIds(value);
}

/** Any text as it may be printed: every national identity number hidden. */
export const safe = (text: string) => redactNationalIds(text);
