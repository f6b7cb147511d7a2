import type { ChangeClass, ChangeType } from "./change.ts";

export interface ClassRule {
  sender: ChangeClass;
  consumer: ChangeClass;
  /** Why, in one sentence (English, for the docs). */
  why: string;
}

/**
 * The classification rules: one row per change type. docs/change-classes.md prints this table and a
 * test keeps the two equal.
 */
export const CLASS_RULES: Record<ChangeType, ClassRule> = {
  "codelist-added": { sender: "compatible", consumer: "compatible", why: "A new list to report with and to read; nothing existing changes." },
  "codelist-discontinued": { sender: "breaking", consumer: "compatible", why: "Senders must stop sending the field; readers simply get no more data." },
  "code-added": { sender: "compatible", consumer: "breaking", why: "Senders may use it when they can; a consumer that lists codes exhaustively rejects it." },
  "code-removed": { sender: "breaking", consumer: "compatible", why: "Data with the code is rejected; readers meet no new values." },
  "code-renamed": { sender: "label-only", consumer: "label-only", why: "Only the label text changes; the code and its use stay." },
  "code-notes-changed": { sender: "label-only", consumer: "label-only", why: "Only the guidance text changes." },
  "code-moved": { sender: "none", consumer: "breaking", why: "Senders send the same code; aggregates by the hierarchy change." },
  "code-deprecated": { sender: "compatible", consumer: "none", why: "Still accepted, but going away in a later year: senders should plan." },
  "code-withdrawn": { sender: "breaking", consumer: "none", why: "Deprecated and no longer to be used in the target year." },
  "code-reactivated": { sender: "compatible", consumer: "none", why: "A deprecated code may be used again." },
  "code-split": { sender: "breaking", consumer: "breaking", why: "Senders must choose among new codes; series before and after are not comparable." },
  "code-merged": { sender: "breaking", consumer: "breaking", why: "Old codes are replaced by one; series must be recombined." },
  "code-replaced": { sender: "breaking", consumer: "breaking", why: "A new code with a changed meaning replaces the old one." },
  "code-equivalent": { sender: "breaking", consumer: "compatible", why: "Senders must send the new code; readers map it one to one." },
  "form-added": { sender: "breaking", consumer: "compatible", why: "A new form or file to report." },
  "form-discontinued": { sender: "compatible", consumer: "breaking", why: "Nothing more to report; the data stop." },
  "field-added": { sender: "compatible", consumer: "compatible", why: "An optional new field, row or column: report it when you can." },
  "field-added-mandatory": { sender: "breaking", consumer: "compatible", why: "A mandatory new field must be filled in or produced." },
  "field-removed": { sender: "breaking", consumer: "breaking", why: "Files with the field fail the layout; readers lose the data." },
  "field-text-changed": { sender: "label-only", consumer: "label-only", why: "Only a label or help text changes." },
  "field-format-changed": { sender: "breaking", consumer: "breaking", why: "One aspect of the layout (position, length, data type, type, date pattern, path, pattern, lengths, repeats, decimals, a table row's cells not asked) changes: producers and parsers must change." },
  "field-codelist-changed": { sender: "breaking", consumer: "breaking", why: "The field takes codes from another list." },
  "field-made-mandatory": { sender: "breaking", consumer: "none", why: "Submissions without it are rejected." },
  "field-made-optional": { sender: "compatible", consumer: "compatible", why: "It may now be left out; readers must allow it missing." },
  "field-year-changed": { sender: "none", consumer: "none", why: "A text only replaces one year with another (\"i løpet av 2022\" → \"2023\"): kept, in a class of its own to filter." },
  "field-code-added": { sender: "compatible", consumer: "breaking", why: "The field's list (its own or the bound codelist) takes a new code: senders may use it; exhaustive readers reject it." },
  "field-code-removed": { sender: "breaking", consumer: "compatible", why: "The field no longer takes the code: data with it is rejected." },
  "field-code-relabelled": { sender: "label-only", consumer: "label-only", why: "A code of the field's list gets a new label; the code stays." },
  "record-occurs-changed": { sender: "breaking", consumer: "breaking", why: "How many times a record may occur changes: files valid before can be refused, or readers meet more than before." },
  "schema-rule-added": { sender: "breaking", consumer: "none", why: "A new uniqueness or key rule can refuse a file that was valid before." },
  "schema-rule-removed": { sender: "compatible", consumer: "breaking", why: "Files may now hold what the rule forbade; readers relying on it must cope." },
  "schema-rule-changed": { sender: "breaking", consumer: "breaking", why: "The rule's selector, fields or reference change: what is checked is different." },
  "control-added-blocking": { sender: "breaking", consumer: "compatible", why: "A new FATAL or ERROR control can stop data that passed before." },
  "control-added-warning": { sender: "compatible", consumer: "compatible", why: "A new warning or information to check." },
  "control-removed": { sender: "compatible", consumer: "compatible", why: "Data that failed may now pass; control programs drop it." },
  "control-made-stricter": { sender: "breaking", consumer: "compatible", why: "A higher severity can block what was only warned about." },
  "control-made-lenient": { sender: "compatible", consumer: "compatible", why: "A lower severity blocks less." },
  "control-condition-changed": { sender: "breaking", consumer: "compatible", why: "Data that passed may now fail; control programs must be updated." },
  "control-text-changed": { sender: "label-only", consumer: "label-only", why: "Only the title, description or message changes." },
  "indicator-formula-changed": { sender: "none", consumer: "breaking", why: "The indicator measures something else: a break in the series." },
  "indicator-table-changed": { sender: "none", consumer: "breaking", why: "The data come from another Statbank table: tools fetching it must change." },
  "indicator-age-group-changed": { sender: "none", consumer: "breaking", why: "Another age group is counted: a break in the series." },
};

export function classify(type: ChangeType): { sender: ChangeClass; consumer: ChangeClass } {
  const { sender, consumer } = CLASS_RULES[type];
  return { sender, consumer };
}
