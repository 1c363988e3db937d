/**
 * The modules' demo steps of a first start, by the name of their marker (`seed:<step>` in meta,
 * see Seeder.markStep). A later step reads what an earlier one recorded: the messages demo
 * writes about the notices and the cases the steps before it seeded. Maps are recorded as lists
 * of [key, value] pairs: the database layer camel-cases the keys of JSON objects it reads.
 */
export const DEMO_STEPS = {
  /** cases: parties of the demo years' cases; records `{ cases: [[category, reference], …] }` */
  caseParties: 'case-parties',
  /** notices: the notice stories; records `{ notices: [[story key, notice id], …] }` */
  notices: 'notices',
  /** messages: the thread stories */
  messages: 'messages',
} as const;
