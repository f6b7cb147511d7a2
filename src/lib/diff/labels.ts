import type { ChangeClass, ChangeType } from "./change.ts";

/** Norwegian names of change types and classes, for pages. */
export const CHANGE_TYPE_NB: Record<ChangeType, string> = {
  "codelist-added": "Ny kodeliste",
  "codelist-discontinued": "Kodelisten avsluttes",
  "code-added": "Ny kode",
  "code-removed": "Kode fjernet",
  "code-renamed": "Nytt navn",
  "code-notes-changed": "Endret merknad/veiledning",
  "code-moved": "Flyttet i hierarkiet",
  "code-deprecated": "Kode skal utgå",
  "code-withdrawn": "Kode utgår",
  "code-reactivated": "Kode tatt i bruk igjen",
  "code-split": "Kode delt",
  "code-merged": "Koder slått sammen",
  "code-replaced": "Kode erstattet",
  "code-equivalent": "Kode byttet, samme innhold",
  "form-added": "Nytt skjema",
  "form-discontinued": "Skjemaet avsluttes",
  "field-added": "Nytt felt",
  "field-added-mandatory": "Nytt obligatorisk felt",
  "field-removed": "Felt fjernet",
  "field-text-changed": "Endret tekst",
  "field-format-changed": "Endret format",
  "field-codelist-changed": "Ny kodeliste for feltet",
  "field-made-mandatory": "Feltet blir obligatorisk",
  "field-made-optional": "Feltet blir valgfritt",
  "control-added-blocking": "Ny kontroll som hindrer innsending",
  "control-added-warning": "Ny advarsel",
  "control-removed": "Kontroll fjernet",
  "control-made-stricter": "Strengere kontroll",
  "control-made-lenient": "Mildere kontroll",
  "control-condition-changed": "Endret kontrollbetingelse",
  "control-text-changed": "Endret kontrolltekst",
};

export const CHANGE_CLASS_NB: Record<ChangeClass, string> = {
  none: "Ingen",
  "label-only": "Bare tekst",
  compatible: "Kompatibel",
  breaking: "Brytende",
};
