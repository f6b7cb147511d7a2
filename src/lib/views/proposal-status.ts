import { currentStatus } from "../diff/trace.ts";
import type { Registry } from "../model/registry.ts";
import { computedStatus } from "../proposals/status.ts";
import type { ComputedStatus, Proposal } from "../schema/index.ts";

type Recorded = Proposal["history"][number]["status"];

/** One step of a proposal's life as the legend shows it: the recorded status, its name in plain words, what it means. */
export interface StatusStep {
  status: Recorded;
  /** One or two words, for the lifecycle line: «Anbefalt». */
  short: string;
  label: string;
  text: string;
}

/** The way most proposals go, in order. */
export const STATUS_LIFECYCLE: readonly StatusStep[] = [
  { status: "utkast", short: "Utkast", label: "Utkast", text: "Forslaget er skrevet, men ikke lagt fram for arbeidsgruppen." },
  { status: "fremmet", short: "Lagt fram", label: "Lagt fram for arbeidsgruppen", text: "Forslaget er fremmet og venter på behandling i arbeidsgruppen." },
  { status: "behandlet", short: "Drøftet", label: "Drøftet i arbeidsgruppen", text: "Arbeidsgruppen har behandlet forslaget, men ikke anbefalt det ennå." },
  { status: "anbefalt", short: "Anbefalt", label: "Anbefalt, venter på vedtak", text: "Arbeidsgruppen anbefaler forslaget; registeret har ikke noe vedtak om det ennå." },
  { status: "vedtatt", short: "Vedtatt", label: "Vedtatt", text: "Forslaget er vedtatt og skal gjelde fra rapporteringsåret det nevner." },
  { status: "gjennomført", short: "Gjennomført", label: "Gjennomført", text: "Endringen er gjort i skjema, kodelister eller indikatorer, og en kilde utenom forslaget viser det." },
];

/** Ways out of the line above: a proposal that is not carried out. */
export const STATUS_ENDINGS: readonly StatusStep[] = [
  { status: "avvist", short: "Avvist", label: "Avvist", text: "Forslaget er avslått og blir ikke gjennomført." },
  { status: "utsatt", short: "Utsatt", label: "Utsatt", text: "Behandlingen er utsatt; forslaget kan komme opp igjen et senere år." },
];

/** What the registry's check of the content (the «beregnet status») can say, in plain words. */
export const COMPUTED_LEGEND: readonly { state: ComputedStatus["state"]; label: string; text: string }[] = [
  { state: "gjennomført", label: "gjennomført", text: "Alle endringene forslaget nevner, finnes i innholdet for rapporteringsåret, og en annen kilde enn forslaget viser dem." },
  { state: "ikke-bekreftet", label: "lagt inn, ikke bekreftet i kildene", text: "Endringene finnes i registeret, men bare forslaget selv viser dem; ingen annen kilde bekrefter at de ble gjort." },
  { state: "delvis-gjennomført", label: "delvis gjennomført", text: "Noen av endringene finnes i innholdet for rapporteringsåret, andre ikke." },
  { state: "ikke-gjennomført", label: "ikke gjennomført", text: "Ingen av endringene finnes i innholdet for rapporteringsåret." },
  { state: "ikke-beregnet", label: "kan ikke beregnes", text: "Registeret kan ikke sjekke forslaget: det gjelder noe registeret ikke har år for år (for eksempel tabeller i Statistikkbanken), eller et år registeret ikke dekker." },
];

const STEPS = new Map([...STATUS_LIFECYCLE, ...STATUS_ENDINGS].map((s) => [s.status, s]));

/** Recorded statuses after which a proposal is no longer under treatment. */
const DECIDED: ReadonlySet<Recorded> = new Set(["vedtatt", "avvist", "utsatt", "gjennomført"]);

/** The one status a proposal is shown with: what a reader needs, from the recorded status and the registry's check of the content. */
export interface ProposalStatusView {
  /** For filters and styling: a recorded status, or «gjennomført» where the content and a source show it carried out. */
  key: Recorded;
  /** E.g. «Anbefalt, venter på vedtak», «Gjennomført i 2023». */
  label: string;
  /** What the status means. */
  text: string;
  /** Whether the proposal is decided (vedtatt, avvist, utsatt) or carried out: not under treatment. */
  decided: boolean;
  /** The last recorded status, as the source writes it, and when. */
  recorded: { status: Recorded; date: string };
  /** The registry's check of the content, one line: «Sjekket mot innholdet: ikke gjennomført i 2023». */
  check: string;
  computed: ComputedStatus;
}

export function proposalStatusView(registry: Registry, p: Proposal): ProposalStatusView {
  const recorded = currentStatus(p);
  const computed = computedStatus(registry, p);
  const last = p.history.at(-1)!;
  const check = `Sjekket mot innholdet: ${computed.label}`;
  const base = { recorded: { status: recorded, date: last.date }, check, computed };
  // Carried out, shown by the content and a source other than the proposal: whatever was last recorded, it is done.
  if (computed.state === "gjennomført" && recorded !== "avvist" && recorded !== "utsatt") {
    return { ...base, key: "gjennomført", label: `Gjennomført i ${computed.year}`, text: STEPS.get("gjennomført")!.text, decided: true };
  }
  const step = STEPS.get(recorded)!;
  const label = recorded === "vedtatt" ? `Vedtatt, gjelder fra ${p.targetYear}` : step.label;
  return { ...base, key: recorded, label, text: step.text, decided: DECIDED.has(recorded) };
}

/** Whether a proposal is still under treatment (not decided, not carried out): what the home page and the menu count. */
export function proposalOpen(registry: Registry, p: Proposal): boolean {
  return !proposalStatusView(registry, p).decided;
}
