import type { Command } from '../cli/command.ts';

export const auditCommands: Command[] = [
  {
    name: 'audit verify',
    summary: 'Recompute the audit hash chain; report OK or the first broken entry',
    usage: 'ribat audit verify [--json]\n  Exit code 0 when the chain is intact, 1 when an entry was changed, removed or reordered.',
    options: {},
    async run(ctx) {
      const s = await ctx.services();
      const r = await s.audit.verifyChain();
      ctx.out.result(r, r.ok ? `OK: ${r.entries} entries, last hash ${r.lastHash}` : `BROKEN at entry ${r.brokenSeq} (${r.reason}); ${r.entries} entries before it are intact`);
      return r.ok ? 0 : 1;
    },
  },
];
