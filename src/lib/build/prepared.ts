/**
 * What the first step tells the build, over the channel the build opens to it, when it goes on to
 * write the API (`prepare-step.ts`): the content is validated and the search records are written.
 * The build goes on from there as it would at the end of a first step that stops.
 */
export const PREPARED = "prepared";
