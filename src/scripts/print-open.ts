/**
 * Printing opens every folded `<details>` (a field's code list, a control's expression), so that the
 * paper shows what the screen folds away, and folds them again afterwards. global.css does the same
 * with `::details-content` where the browser knows it.
 */
export function openDetailsForPrint(): void {
  addEventListener("beforeprint", () => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>("details:not([open])")) {
      d.open = true;
      d.dataset.openedForPrint = "";
    }
  });
  addEventListener("afterprint", () => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>("details[data-opened-for-print]")) {
      d.open = false;
      delete d.dataset.openedForPrint;
    }
  });
}
