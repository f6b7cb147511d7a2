/**
 * The search page: pagefind's JS API under our own accessible markup. The query and filters live in
 * the URL (?q=2.3&type=Kode&år=2023), so a search can be linked, bookmarked and reloaded.
 */
import { PARTS_MANIFEST_URL, PRIMARY_SCRIPT_URL, type PartsManifest } from "../lib/search/index-parts.ts";
import { hitsOf, type ResultData } from "../lib/search/hits.ts";
import { queryVariants, VARIANT_WEIGHT } from "../lib/search/synonyms.ts";

type Pagefind = {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, o?: object): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: Found[] }>;
};
type Found = { id: string; score: number; data(): Promise<ResultData> };

/**
 * The query as written and its synonym variants, searched each and merged: a result found by
 * several keeps its best score, a variant's score counting `VARIANT_WEIGHT` of the query's.
 */
async function searchAll(pagefind: Pagefind, q: string, filters: Record<string, string>): Promise<{ found: Found[]; total: number }> {
  const variants = q ? queryVariants(q) : [null];
  const lists = await Promise.all(variants.map((v) => pagefind.search(v, { filters })));
  const best = new Map<string, Found>();
  lists.forEach((list, i) => {
    for (const r of list.results) {
      const score = r.score * (i === 0 ? 1 : VARIANT_WEIGHT);
      const known = best.get(r.id);
      if (!known || known.score < score) best.set(r.id, { id: r.id, score, data: r.data });
    }
  });
  const found = [...best.values()].sort((a, b) => b.score - a.score);
  return { found, total: found.length };
}

const FILTERS = ["type", "år", "arbeidsgruppe", "status"] as const;

export async function startSearch(): Promise<void> {
  const form = document.getElementById("search-form") as HTMLFormElement | null;
  if (!form) return;
  const input = form.querySelector<HTMLInputElement>("#q")!;
  const status = document.getElementById("search-status")!;
  const list = document.getElementById("search-results")!;
  // What the registry covers, shown where a query finds nothing.
  const scope = document.getElementById("search-scope");
  // The filters behind a button on a narrow screen; open on a wide one, and wherever one is set.
  const toggle = document.getElementById("search-filters-toggle") as HTMLDetailsElement | null;
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";

  // Written by the build after the pages, so it is loaded at run time, not bundled.
  const pagefind = (await import(/* @vite-ignore */ PRIMARY_SCRIPT_URL)) as Pagefind;
  // Short records (a code and its label) rank first, and a word counts for being there more than
  // for being repeated: a code that names «fosterhjem» twice is not twice about it.
  const ranking = { termFrequency: 0.1, termSaturation: 1.6, pageLength: 0.9 };
  await pagefind.options({ ranking });
  await pagefind.init();
  // The index is written in parts (pagefind holds a whole part in memory while building it); the
  // first is loaded above, the others are listed beside it and searched with it.
  const { parts } = (await (await fetch(PARTS_MANIFEST_URL)).json()) as PartsManifest;
  await Promise.all(parts.map((url) => pagefind.mergeIndex(url, { ranking, baseUrl: "/" })));
  const available = await pagefind.filters();
  for (const name of FILTERS) {
    const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
    const values = Object.keys(available[name] ?? {}).sort((a, b) => (name === "år" ? Number(b) - Number(a) : a.localeCompare(b, "nb")));
    for (const v of values) select.add(new Option(v, v));
    select.value = params.get(name) ?? "";
  }

  if (toggle && (matchMedia("(min-width: 40rem)").matches || FILTERS.some((n) => params.get(n)))) toggle.open = true;

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
      if (scope) scope.hidden = true;
      return;
    }
    const { found, total } = await searchAll(pagefind, q, filters);
    // More than are shown, so that the type weights (known from each result's data) can reorder them.
    const top = found.slice(0, 80);
    const results = await Promise.all(top.map(async (r) => ({ data: await r.data(), score: r.score })));
    if (id !== run) return;
    const hits = hitsOf(results, q);
    const more = total > 30 || hits.length > 30;
    // No hit matches a word of the query: say so, and what the registry covers.
    status.textContent = hits.length === 0 ? (q ? `Ingen treff på «${q}».` : "Ingen treff.") : `${more ? "Mange" : hits.length} treff${more ? ", de 30 beste vises" : ""}.`;
    if (scope) scope.hidden = hits.length > 0;
    list.replaceChildren(
      ...hits.slice(0, 30).map((r) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = r.url;
        a.textContent = r.title;
        const type = document.createElement("span");
        type.className = "ds-tag result-type";
        type.textContent = r.type;
        const excerpt = document.createElement("p");
        // pagefind escapes the excerpt and marks the matches with <mark>.
        excerpt.innerHTML = r.excerpt;
        // A code's years tell its old and new labels apart («2.3» until 2022 and from 2023).
        if (r.years) excerpt.prepend(Object.assign(document.createElement("strong"), { textContent: `Gjelder ${r.years}.` }), " ");
        li.append(a, " ", type, excerpt);
        // A district table shown with its municipal twin, a code's label in other years: a line
        // each under the hit, not hits of their own.
        for (const other of r.also ?? []) {
          const line = document.createElement("p");
          line.className = "result-also";
          line.append(`${other.label}: `, Object.assign(document.createElement("a"), { href: other.url, textContent: other.title }));
          li.append(line);
        }
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
