/**
 * The search page: pagefind's JS API under our own accessible markup. The query and filters live in
 * the URL (?q=2.3&type=Kode&år=2023), so a search can be linked, bookmarked and reloaded.
 */
import { PARTS_MANIFEST_URL, PRIMARY_SCRIPT_URL, type PartsManifest } from "../lib/search/index-parts.ts";

type Pagefind = {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, o?: object): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<Result> }[] }>;
};
type SubResult = { url: string; title: string; excerpt: string; weighted_locations: { balanced_score: number }[] };
type Result = { url: string; excerpt: string; meta: { title?: string; type?: string; sections?: string }; sub_results: SubResult[] };
type Hit = { url: string; title: string; type: string; excerpt: string };

/**
 * The hits to show: a page or a record is one hit; a page of codes gives one hit per matching code
 * (its sub-results), best first. A code in several versions shows once, from the best-ranked one.
 * A query that is a code as written («2.3», «244») puts the codes it names first.
 */
function hitsOf(results: Result[], q: string): Hit[] {
  const hits: Hit[] = [];
  const seen = new Set<string>();
  const add = (h: Hit) => {
    const key = `${h.type}|${h.title}`;
    if (seen.has(key)) return;
    seen.add(key);
    hits.push(h);
  };
  const score = (s: SubResult) => s.weighted_locations.reduce((n, l) => n + l.balanced_score, 0);
  for (const r of results) {
    const type = r.meta.type ?? "";
    if (r.meta.sections) {
      const codes = r.sub_results.filter((s) => s.url.includes("#") && s.weighted_locations.length).sort((a, b) => score(b) - score(a));
      for (const s of codes) add({ url: s.url.replace(/\?koder=\d+/, ""), title: s.title, type, excerpt: s.excerpt });
    } else add({ url: r.url, title: r.meta.title ?? r.url, type, excerpt: r.excerpt });
  }
  const named = (h: Hit) => h.type.startsWith("Kode i") && (h.title === q || h.title.startsWith(`${q} `));
  return [...hits.filter(named), ...hits.filter((h) => !named(h))];
}

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
  const pagefind = (await import(/* @vite-ignore */ PRIMARY_SCRIPT_URL)) as Pagefind;
  // Exact words and short records (a code and its label) rank first.
  const ranking = { termFrequency: 0.6, termSaturation: 1.6, pageLength: 0.9 };
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
    const hits = hitsOf(results, q);
    const more = found.results.length > 30 || hits.length > 30;
    status.textContent = hits.length === 0 ? "Ingen treff." : `${more ? "Mange" : hits.length} treff${more ? ", de 30 beste vises" : ""}.`;
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
