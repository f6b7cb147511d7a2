/**
 * Filters the rows of a table by the form's selects: each select's name is a data attribute of the
 * rows. Without JavaScript every row stays visible.
 */
export function startListFilters(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-filter-list]")) {
    const rows = document.querySelectorAll<HTMLTableRowElement>(`#${form.dataset.filterList} tbody tr`);
    const count = form.querySelector<HTMLElement>("[data-filter-count]");
    const noun = form.dataset.filterNoun ?? "rader";
    const apply = () => {
      const data = new FormData(form);
      let shown = 0;
      for (const row of rows) {
        const visible = [...data.entries()].every(([key, value]) => value === "" || row.dataset[key] === value);
        row.hidden = !visible;
        if (visible) shown++;
      }
      if (count) count.textContent = `${shown} av ${rows.length} ${noun}`;
    };
    form.addEventListener("change", apply);
    form.addEventListener("submit", (e) => e.preventDefault());
  }
}
