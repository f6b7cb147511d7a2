/** Codes per page of a codelist version; a 20,000-code list becomes 40 pages of under 1.5 MB together, each far less. */
export const CODES_PER_PAGE = 500;

/** Changes shown per item in a change list; the rest are counted and linked. */
export const CHANGES_PER_ITEM = 100;

/**
 * Changes shown per item on the pages that list every item that changes (`/aar/<year>/`,
 * `/endringer/<from>-<to>/`): with 100 each, a year of a KOSTRA-scale registry made a page of
 * 2.6–2.8 MB. The item's own page and the change set's JSON have all of them.
 */
export const CHANGES_PER_ITEM_OVERVIEW = 20;

/**
 * Change rows (at most `CHANGES_PER_ITEM_OVERVIEW` per item) that a year's overview shows itself;
 * beyond them it counts the changes per working group and links to each group's page. At about
 * 0.6 KB a row, the page stays under 1 MB.
 */
export const CHANGE_ROWS_PER_OVERVIEW = 1000;

/**
 * Rows a list of all proposals (`/endringsforslag/`) or meetings (`/moter/`) shows on one page; a
 * longer list links to a page per year instead. About 250 bytes a row: 45,000 proposals made an
 * 11 MB page at `10x`.
 */
export const ROWS_PER_LIST = 1000;

/** Number of pages for a list of n codes. */
export const pageCount = (n: number) => Math.max(1, Math.ceil(n / CODES_PER_PAGE));

/** The 1-based page a code at an index is on. */
export const pageOf = (index: number) => Math.floor(index / CODES_PER_PAGE) + 1;
