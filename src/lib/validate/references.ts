import { versionAt, type Registry } from "../model/registry.ts";
import type { Finding, PathSegment } from "../findings/finding.ts";
import { findingAt } from "../findings/source-file.ts";
import { elementIds } from "./forms.ts";
import { PROPOSAL_GUIDE_SLUG, urls } from "../site/urls.ts";

/**
 * Every id that points elsewhere must resolve: working groups, codelists and their versions and
 * codes, forms and fields, meetings, proposals, tables. (Astro's reference() does not fail a build.)
 */
export function checkReferences(registry: Registry, broken: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = [];
  // A reference into a file that failed to load is not reported: that file's own errors say why.
  const isBroken = (...keys: string[]) => keys.some((k) => broken.has(k));
  const miss = (item: object, path: PathSegment[], what: string, value: string, expected: string, severity: Finding["severity"] = "error") => {
    const file = registry.originOf(item);
    if (file) findings.push(findingAt(file, path, `unknown ${what} "${value}"`, expected, severity));
  };
  const ids = (m: ReadonlyMap<string, unknown>) => (m.size ? [...m.keys()].slice(0, 12).join(", ") : "none defined");
  const group = (item: object, id: string | undefined, path: PathSegment[] = ["workingGroup"]) => {
    if (id !== undefined && !registry.workingGroups.has(id) && !isBroken(`workingGroup:${id}`)) miss(item, path, "working group", id, `one of: ${ids(registry.workingGroups)}`);
  };
  const meeting = (item: object, id: string | undefined, path: PathSegment[]) => {
    if (id !== undefined && !registry.meetings.has(id) && !isBroken(`meeting:${id}`)) miss(item, path, "meeting", id, `a file content/meetings/${id}.mdx, or one of: ${ids(registry.meetings)}`);
  };

  for (const { meta } of registry.codelists.values()) {
    group(meta, meta.workingGroup);
    if (meta.replacedBy && !registry.codelists.has(meta.replacedBy) && !isBroken(`codelist:${meta.replacedBy}`)) miss(meta, ["replacedBy"], "codelist", meta.replacedBy, `one of: ${ids(registry.codelists)}`);
  }
  /** A field's codelist binding: the codelist exists, and so does the pinned version or the one in force in the form's year. */
  const binding = (item: object, formYear: number, b: { codelist: string; year?: number } | undefined, path: PathSegment[]) => {
    if (!b || isBroken(`codelist:${b.codelist}`, `codelistVersion:${b.codelist}`)) return;
    const list = registry.codelists.get(b.codelist);
    if (!list) return miss(item, [...path, "codelist"], "codelist", b.codelist, `one of: ${ids(registry.codelists)}`);
    const year = b.year ?? formYear;
    const found = b.year !== undefined ? list.versions.find((x) => x.year === year) : versionAt(list, year);
    if (!found) miss(item, [...path, "year"], `version of ${list.meta.id} for year`, String(year), `one of the versions ${list.versions.map((x) => x.year).join(", ")}`);
  };
  for (const form of registry.forms.values()) {
    group(form.meta, form.meta.workingGroup);
    for (const v of form.versions) {
      // Questionnaire fields and file-extract record fields bind codelists alike; both are checked.
      v.data.sections?.forEach((s, i) => s.fields?.forEach((f, j) => binding(v.data, v.year, f.codelist, ["sections", i, "fields", j, "codelist"])));
      v.data.records?.forEach((r, i) => r.fields.forEach((f, j) => binding(v.data, v.year, f.codelist, ["records", i, "fields", j, "codelist"])));
    }
  }
  for (const ind of registry.indicators.values()) {
    group(ind, ind.workingGroup);
    ind.versions?.forEach((v, i) => {
      for (const part of ["numerator", "denominator"] as const) {
        const t = v.formula?.[part]?.table;
        if (t && !registry.tables.has(t)) miss(ind, ["versions", i, "formula", part, "table"], "Statbank table", t, "a table in content/tables/ (only a warning: the registry holds the tables the sources describe)", "warning");
      }
    });
    ind.tables?.forEach((t, i) => {
      if (!registry.tables.has(t)) miss(ind, ["tables", i], "Statbank table", t, "a table in content/tables/ (only a warning: the registry holds the tables the sources describe)", "warning");
    });
  }
  const themes = new Set([...registry.reportTemplates.values()].flatMap((t) => t.themes.map((x) => x.number)));
  for (const ind of registry.indicators.values()) {
    ind.themes?.forEach((t, i) => {
      if (!themes.has(t)) miss(ind, ["themes", i], "report theme", t, `one of: ${[...themes].join(", ") || "none defined (content/report-templates/)"}`);
    });
    if (ind.proposedIn !== undefined) meeting(ind, ind.proposedIn, ["proposedIn"]);
  }
  for (const t of registry.reportTemplates.values()) {
    group(t, t.workingGroup);
    // A theme's own links: the form version and section, and the table, must be in the registry.
    t.themes.forEach((theme, i) => {
      theme.forms?.forEach((link, j) => {
        const path = ["themes", i, "forms", j];
        if (isBroken(`form:${link.form}`, `formVersion:${link.form}`)) return;
        const form = registry.forms.get(link.form);
        if (!form) return miss(t, [...path, "form"], "form", link.form, `one of: ${ids(registry.forms)}`);
        const version = form.versions.find((v) => v.year === link.year);
        if (!version) return miss(t, [...path, "year"], `version of form ${link.form} for year`, String(link.year), `one of the versions ${form.versions.map((v) => v.year).join(", ")}`);
        const sections = version.data.sections ?? [];
        const section = sections.find((x) => x.id === link.section);
        if (!section) return miss(t, [...path, "section"], `section of form ${link.form} ${link.year}`, link.section, `one of: ${sections.map((x) => x.id).join(", ") || "none (a file extract has no sections)"}`);
        const inSection = [...(section.fields ?? []), ...(section.tables ?? [])].map((x) => x.id);
        link.fields?.forEach((f, k) => {
          if (!inSection.includes(f)) miss(t, [...path, "fields", k], `field or table of form ${link.form} ${link.year} section ${link.section}`, f, `one of: ${inSection.join(", ")}`);
        });
      });
      theme.tables?.forEach((link, j) => {
        if (!registry.tables.has(link.table) && !isBroken(`table:${link.table}`)) miss(t, ["themes", i, "tables", j, "table"], "Statbank table", link.table, `a file content/tables/${link.table}.yaml`);
      });
    });
  }
  for (const cal of registry.calendars.values()) cal.events.forEach((e, i) => group(cal, e.workingGroup, ["events", i, "workingGroup"]));
  for (const table of registry.tables.values()) {
    for (const key of ["replacedBy", "replaces"] as const) {
      table[key]?.forEach((n, i) => {
        if (!registry.tables.has(n) && !isBroken(`table:${n}`)) miss(table, [key, i], "Statbank table", n, `a file content/tables/${n}.yaml`);
      });
    }
  }
  for (const { data: m } of registry.meetings.values()) {
    group(m, m.workingGroup);
    m.agenda.forEach((item, i) => {
      item.proposals?.forEach((p, j) => {
        if (!registry.proposals.has(p) && !isBroken(`proposal:${p}`)) miss(m, ["agenda", i, "proposals", j], "change proposal", p, `a file changes/${p}.mdx, or one of: ${ids(registry.proposals)}`);
      });
    });
  }
  for (const { data: p } of registry.proposals.values()) {
    if (p.id === PROPOSAL_GUIDE_SLUG) {
      const file = registry.originOf(p);
      if (file) findings.push(findingAt(file, ["id"], `proposal id "${p.id}" is the address of the page on how to propose a change (${urls.proposalGuide()})`, "another id, e.g. <working group>-<year>-<what changes>"));
    }
    group(p, p.workingGroup);
    p.history.forEach((h, i) => meeting(p, h.meeting, ["history", i, "meeting"]));
    p.changes.forEach((c, i) => {
      if (c.codelist !== undefined) {
        if (isBroken(`codelist:${c.codelist}`, `codelistVersion:${c.codelist}`)) return;
        const list = registry.codelists.get(c.codelist);
        if (!list) return miss(p, ["changes", i, "codelist"], "codelist", c.codelist, `one of: ${ids(registry.codelists)}`);
        // A changed code exists in the target year (added or changed) or the year before (removed).
        const known = new Set([...(versionAt(list, p.targetYear)?.data.codes ?? []), ...(versionAt(list, p.targetYear - 1)?.data.codes ?? [])].map((x) => x.code));
        c.codes?.forEach((code, j) => {
          if (!known.has(code)) miss(p, ["changes", i, "codes", j], `code of ${list.meta.id} in ${p.targetYear - 1}–${p.targetYear}`, code, `a code of ${list.meta.id} in ${p.targetYear} or ${p.targetYear - 1}`);
        });
      }
      if (c.table !== undefined && !registry.tables.has(c.table) && !isBroken(`table:${c.table}`)) {
        miss(p, ["changes", i, "table"], "Statbank table", c.table, `a file content/tables/${c.table}.yaml`);
      }
      if (c.indicator !== undefined && !registry.indicators.has(c.indicator) && !isBroken(`indicator:${c.indicator}`)) {
        miss(p, ["changes", i, "indicator"], "indicator", c.indicator, `a file content/indicators/${c.indicator}.yaml`);
      }
      if (c.form !== undefined) {
        if (isBroken(`form:${c.form}`, `formVersion:${c.form}`)) return;
        const form = registry.forms.get(c.form);
        if (!form) return miss(p, ["changes", i, "form"], "form", c.form, `one of: ${ids(registry.forms)}`);
        // A changed field or control exists in the target year (added or changed) or the year before (removed).
        const versions = [versionAt(form, p.targetYear), versionAt(form, p.targetYear - 1)].filter((x) => x !== undefined);
        const fieldIds = new Set(versions.flatMap((v) => [...elementIds(v.data)]));
        const controlIds = new Set(versions.flatMap((v) => (v.data.controls ?? []).map((x) => x.id)));
        c.fields?.forEach((f, j) => {
          if (!fieldIds.has(f)) miss(p, ["changes", i, "fields", j], `field of form ${c.form} in ${p.targetYear - 1}–${p.targetYear}`, f, "the id of a section, field or table of that form (a table row as <table>.<row>, a record field as <record>.<Name>)");
        });
        c.controls?.forEach((x, j) => {
          if (!controlIds.has(x)) miss(p, ["changes", i, "controls", j], `control of form ${c.form} in ${p.targetYear - 1}–${p.targetYear}`, x, "the id of a control of that form");
        });
      }
    });
  }
  // The texts of annual reports: their group, the tables they list, the form version they hold.
  for (const r of registry.reportTexts.values()) {
    group(r, r.workingGroup);
    r.chapters.forEach((c, i) => {
      c.tables?.forEach((list, j) =>
        list.tables.forEach((n, k) => {
          if (!registry.tables.has(n) && !isBroken(`table:${n}`)) miss(r, ["chapters", i, "tables", j, "tables", k], "Statbank table", n, `a file content/tables/${n}.yaml`);
        }),
      );
      if (c.form && !isBroken(`form:${c.form.id}`, `formVersion:${c.form.id}`)) {
        const form = registry.forms.get(c.form.id);
        if (!form) miss(r, ["chapters", i, "form", "id"], "form", c.form.id, `one of: ${ids(registry.forms)}`);
        else if (!versionAt(form, c.form.year)) miss(r, ["chapters", i, "form", "year"], `version of form ${c.form.id} for year`, String(c.form.year), `one of the years ${registry.yearsOf(form).join(", ")}`);
      }
    });
  }
  return findings;
}
