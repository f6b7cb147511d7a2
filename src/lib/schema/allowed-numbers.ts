import { z } from "zod";
import { IsoDate } from "./common.ts";

/** One number that looks like a national identity number but is known not to be one. */
export const AllowedNumber = z
  .strictObject({
    number: z
      .string()
      .trim()
      .regex(/^\d(?:[ .]?\d){10}$/, { message: "must be the eleven digits, optionally grouped with spaces or dots (e.g. 1234.56.78903)" })
      .describe("The number as eleven digits, optionally grouped with spaces or dots, e.g. `1234.56.78903`. It is allowed wherever and however it is written."),
    kind: z.enum(["bank-account", "other"]).describe("What the number is: `bank-account`, or `other` (say what in `what`)."),
    what: z.string().trim().min(1).describe("What the number is and whose it is, e.g. the organisation that owns the account."),
    reason: z.string().trim().min(1).describe("Why it is not personal data and may be published."),
    decision: z.string().trim().min(1).describe("Who reviewed and allowed it (a role or the meeting or case that decided it)."),
    date: IsoDate.describe("When it was allowed."),
  })
  .describe("A number allowed in content although it passes the national identity number checks.");

/**
 * `content/allowed-numbers.yaml`: the reviewed exceptions to the personal-data guard. Eleven-digit
 * numbers with valid mod-11 check digits (bank account numbers among them) are refused anywhere in
 * content unless recorded here, with a reason, so that each false alarm's remedy is on the record.
 */
export const AllowedNumbers = z
  .strictObject({
    numbers: z.array(AllowedNumber).describe("The allowed numbers."),
  })
  .describe("Numbers allowed in content although they look like national identity numbers.");

export type AllowedNumbers = z.infer<typeof AllowedNumbers>;

/** The digits of an allowed number, as the guard compares them. */
export const allowedDigits = (entry: { number: string }) => entry.number.replace(/\D/g, "");
