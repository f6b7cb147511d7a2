/**
 * The search page: pagefind's JS API under our own accessible markup. The query and filters live in
 * the URL (?q=2.3&type=Kode&år=2023), so a search can be linked, bookmarked and reloaded.
 */
type Pagefind = {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<Result> }[] }>;
};
type Result = { url: string; excerpt: string; meta: { title?: string; type?: string } };

const FILTERS = ["type", "år", "arbeidsgruppe", "status"] as const;

export async function startSearch(): Promise<void> {
  const form = document.getElementById("search-form") as HTMLFormElement | null;
  if (!form) return;
  const input = form.querySelector<HTMLInputElement>("#q")!;
  const status = document.getElementById("search-status")!;
  const list = document.getElementById("search-results")!;
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";

  // Written by the build after the pages, so it is loaded at run time, not bundled.
  const bundle = "/pagefind/pagefind.js";
  const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
  // Exact words and short records (a code and its label) rank first.
  await pagefind.options({ ranking: { termFrequency: 0.6, termSaturation: 1.6, pageLength: 0.9 } });
  await pagefind.init();
  const available = await pagefind.filters();
  for (const name of FILTERS) {
    const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
    const values = Object.keys(available[name] ?? {}).sort((a, b) => (name === "år" ? Number(b) - Number(a) : a.localeCompare(b, "nb")));
    for (const v of values) select.add(new Option(v, v));
    select.value = params.get(name) ?? "";
  }

  let run = 0;
  const search = async () => {
    const id = ++run;
    const q = input.value.trim();
    const filters = Object.fromEntries(FILTERS.map((n) => [n, form.querySelector<HTMLSelectElement>(`select[name="${n}"]`)!.value]).filter(([, v]) => v));
    const url = new URLSearchParams({ ...(q && { q }), ...filters });
    history.replaceState(null, "", `${location.pathname}${url.size ? `?${url}` : ""}`);
    if (!q && !Object.keys(filters).length) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    const found = await pagefind.search(q || null, { filters });
    const results = await Promise.all(found.results.slice(0, 30).map((r) => r.data()));
    if (id !== run) return;
    status.textContent = found.results.length === 0 ? "Ingen treff." : `${found.results.length} treff${found.results.length > 30 ? ", de 30 beste vises" : ""}.`;
    list.replaceChildren(
      ...results.map((r) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = r.url;
        a.textContent = r.meta.title ?? r.url;
        const type = document.createElement("span");
        type.className = "ds-tag result-type";
        type.textContent = r.meta.type ?? "";
        const excerpt = document.createElement("p");
        // pagefind escapes the excerpt and marks the matches with <mark>.
        excerpt.innerHTML = r.excerpt;
        li.append(a, " ", type, excerpt);
        return li;
      }),
    );
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  form.addEventListener("change", (e) => {
    if ((e.target as HTMLElement).tagName === "SELECT") search();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    search();
  });
  await search();
}
