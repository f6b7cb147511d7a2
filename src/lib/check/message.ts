/** Names the control specifications write in placeholders, and the CEL variable each stands for. */
const ALIASES: Record<string, string> = {
  "rapporteringsår": "rapporteringsar",
  "rapporteringsåret": "rapporteringsar",
  forrige_telledato: "forrigeTelledato",
  maximumsdato: "maksimumsdato",
};

/** A value as text for a message: CEL ints and lists shown as written. */
function show(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  return undefined;
}

/**
 * A control's message with its placeholders filled from the record checked: `{@Attr}` from the
 * occurrence, `{Record/@Attr}` and `{Record/Child/@Attr}` from the record of that name in the
 * context, `{variable}` from the CEL variables. A placeholder that cannot be filled stays as
 * written. `recordIdByName` maps an XML element name to the record id the context holds it under.
 */
export function fillMessage(message: string, context: Record<string, unknown>, occurrence: Record<string, unknown> | undefined, recordIdByName: ReadonlyMap<string, string>): string {
  return message.replace(/\{([^{}]+)\}/g, (whole, inner: string) => {
    const name = inner.trim();
    if (name.startsWith("@")) return show(occurrence?.[name.slice(1)]) ?? whole;
    if (name.includes("/")) {
      const steps = name.split("/");
      const first = recordIdByName.get(steps[0]);
      let value: unknown = first !== undefined ? context[first] : undefined;
      for (const step of steps.slice(1)) {
        value = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[step.replace(/^@/, "")] : undefined;
      }
      return show(value) ?? whole;
    }
    return show(context[ALIASES[name] ?? name]) ?? show(occurrence?.[name]) ?? whole;
  });
}
