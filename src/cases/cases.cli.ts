import type { Command } from '../cli/command.ts';
import { table, UsageError } from '../cli/output.ts';
import { isUuid } from '../core/ids.ts';
import { regionName } from '../core/regions.ts';
import { CASE_STATUSES } from './case.ts';

/** `ribat cases list|show`: thin, as the console actor of the hub. */
export const casesCommands: Command[] = [
  {
    name: 'cases list',
    summary: 'List cases, newest first',
    usage: `ribat cases list [--category CODE] [--status ${CASE_STATUSES.join('|')}] [--region MA-01..MA-12|NAME] [--year YYYY] [--limit 50] [--json]`,
    options: { category: { type: 'string' }, status: { type: 'string' }, region: { type: 'string' }, year: { type: 'string' }, limit: { type: 'string' } },
    async run(ctx, v) {
      if (v.status && !(CASE_STATUSES as readonly string[]).includes(v.status)) throw new UsageError(`--status is one of ${CASE_STATUSES.join(', ')}`);
      const limit = v.limit === undefined ? 50 : Number(v.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit is a whole number from 1 to 200');
      const year = v.year === undefined ? undefined : Number(v.year);
      if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > 2999)) throw new UsageError('--year is a four-digit year');
      const s = await ctx.services();
      const page = await s.cases.cases.list(await s.seeder.consoleActor(), { category: v.category, status: v.status, region: v.region, year, limit }, 'console: cases list');
      // --region takes a code or a name (Tanger, Casablanca-Settat, الشرق); the table names the region, --json keeps its code
      const rows = page.items.map((c) => ({ reference: c.reference, category: c.category, status: c.status, region: c.region, opened: c.openedOn, owner: c.ownerAgencyCode, id: c.id }));
      const named = rows.map((r) => ({ ...r, region: regionName(r.region, 'en') }));
      ctx.out.result({ items: rows, nextCursor: page.nextCursor }, rows.length ? table(named, ['reference', 'category', 'status', 'region', 'opened', 'owner', 'id']) : 'no cases');
      return 0;
    },
  },
  {
    name: 'cases show',
    summary: 'Show one case with its parties, arrests and seizures',
    usage: 'ribat cases show ID [--json]',
    options: {},
    positionals: 1,
    async run(ctx, _v, pos) {
      const [id] = pos;
      if (!id || !isUuid(id)) throw new UsageError('usage: ribat cases show ID (a case id)');
      const s = await ctx.services();
      const actor = await s.seeder.consoleActor();
      const purpose = 'console: cases show';
      const c = await s.cases.cases.get(actor, id, purpose);
      const parties = await s.cases.cases.parties(actor, id, purpose);
      const arrests = (await s.cases.facts.arrests(actor, id, { limit: 200 })).items;
      const seizures = (await s.cases.facts.seizures(actor, id, { limit: 200 })).items;
      const human = [
        `${c.reference}  ${c.category}  ${c.status}  ${regionName(c.region, 'en')}${c.city ? ` / ${c.city}` : ''}  owner ${c.ownerAgencyCode}  ${c.tlp}`,
        `opened ${c.openedOn}${c.closedOn ? `, closed ${c.closedOn}` : ''}`,
        `parties: ${parties.length}  arrests: ${arrests.length}  seizures: ${seizures.length}`,
        ...seizures.map((z) => `  seizure ${z.seizedOn}  ${z.substance}  ${z.display.value} ${z.display.unit}`),
      ].join('\n');
      ctx.out.result({ ...c, parties, arrests, seizures }, human);
      return 0;
    },
  },
];
