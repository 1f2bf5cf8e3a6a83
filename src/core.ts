// `redflags/core`: the bare engine, without the indicator catalogue (like `zod/mini`). Bring your
// own indicators: `createScorer({ indicators: [mine] })`. Everything here is also in `redflags`,
// except `createScorer`, which there defaults to the built-in indicators and groups.

export * from './engine/publicApi';
export { createScorer } from './engine/createScorer';
export type { CoreScorerOptions } from './engine/createScorer';
