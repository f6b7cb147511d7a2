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
};

export const CHANGE_CLASS_NB: Record<ChangeClass, string> = {
  none: "Ingen",
  "label-only": "Bare tekst",
  compatible: "Kompatibel",
  breaking: "Brytende",
};
