import type { Registry } from "../model/registry.ts";
import { urls } from "../site/urls.ts";
import { registrySections, type Section } from "./sections.ts";

/** What the page for an unknown address offers: search and every section of the registry. */
export function notFoundView(registry: Registry): { searchHref: string; homeHref: string; sections: Section[] } {
  return { searchHref: urls.search(), homeHref: urls.home(), sections: registrySections(registry) };
}
