import type { Command } from '../cli/command.ts';
import type { VerifyResult } from './audit.ts';

function human(r: VerifyResult): string {
  if (!r.ok) return r.message;
  const { count, lastSeq, source } = r.checkpoints;
  const anchor = count
    ? `${count} signed checkpoints in ${source}, the last at entry ${lastSeq} (${r.entries - lastSeq} entries since)`
    : `no checkpoint anchors it yet (${source})`;
  return `OK: ${r.entries} entries, last hash ${r.lastHash}; ${anchor}`;
}

export const auditCommands: Command[] = [
  {
    name: 'audit verify',
    summary: 'Recompute the audit hash chain and check it against the signed checkpoints',
    usage: [
      'ribat audit verify [--checkpoints FILE] [--public-key FILE] [--json]',
      '  --checkpoints FILE  a copy of the checkpoint file (the data-protection officer\'s) instead of the node\'s own',
      '  --public-key FILE   the public key to trust (a copy of audit-checkpoint.key.pub) instead of the node\'s',
      '  Exit code 0 when the log is intact, 1 when an entry was changed, removed or reordered (audit_chain_broken),',
      '  the log is shorter than its last checkpoint (audit_truncated) or empty (audit_emptied), an entry differs from',
      '  its checkpoint (audit_head_mismatch), or a checkpoint is not genuine (audit_checkpoint_invalid, audit_key_missing).',
    ].join('\n'),
    options: { checkpoints: { type: 'string' }, 'public-key': { type: 'string' } },
    async run(ctx, v) {
      const s = await ctx.services();
      const r = await s.audit.verifyChain({ checkpointFile: v.checkpoints, publicKeyFile: v['public-key'] });
      ctx.out.result(r, human(r));
      return r.ok ? 0 : 1;
    },
  },
];
