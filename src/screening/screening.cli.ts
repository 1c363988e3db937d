import type { Command } from '../cli/command.ts';
import { UsageError } from '../cli/output.ts';

export const screeningCommands: Command[] = [
  {
    name: 'screen',
    summary: 'Screen one person against the records of this node, from the shell',
    usage: `ribat screen "NAME" [--dob YYYY[-MM[-DD]]] [--nationality MA|MAR|Morocco] [--gender male|female] [--top 10] [--purpose "why"] [--json]
  Runs as the node's console (sees every record within its review date); the search is audited.`,
    options: { dob: { type: 'string' }, nationality: { type: 'string' }, gender: { type: 'string' }, top: { type: 'string' }, purpose: { type: 'string' } },
    positionals: 1,
    async run(ctx, v, pos) {
      const name = pos[0];
      if (!name) throw new UsageError('give the name to screen: ribat screen "NAME"');
      if (v.gender && v.gender !== 'male' && v.gender !== 'female') throw new UsageError('--gender is male or female');
      const top = v.top === undefined ? 10 : Number(v.top);
      if (!Number.isInteger(top) || top < 1 || top > 50) throw new UsageError('--top is a whole number from 1 to 50');
      const s = await ctx.services();
      await s.screening.start();
      const actor = { ...(await s.seeder.consoleActor()), roles: ['dpo' as const] };
      const r = await s.screening.screenPerson(actor, { name, birthDate: v.dob, nationality: v.nationality, gender: v.gender, limit: top }, v.purpose ?? 'console screening');
      const lines = r.candidates.map(
        (c) =>
          `${c.alert ? 'ALERT' : '     '} ${c.score.toFixed(3)}  ${c.matchedName}  ${distinguishing(c)}  [${c.id}]  ${c.explanation.tokens.map((t) => `${t.query}→${t.matched ?? '∅'} (${t.how})`).join(', ')}`,
      );
      ctx.out.result(r, lines.length ? lines.join('\n') : 'no hit');
      return 0;
    },
  },
];

/** What tells namesakes apart at a glance: born, nationality, owner agency (— where the record says nothing). */
function distinguishing(c: { ownerAgencyCode: string; explanation: { birthDate: { record: string[] }; nationality: { record: string[] } } }): string {
  const born = c.explanation.birthDate.record.join('/') || '—';
  const nat = c.explanation.nationality.record.join(',') || '—';
  return `born ${born}  ${nat}  ${c.ownerAgencyCode}`;
}
