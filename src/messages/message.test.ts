import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TLP_LEVELS, visibleToAgency } from '../core/handling.ts';
import { LIVE_STATES } from '../notices/lifecycle.ts';
import { NOTICE_STATES, NOTICE_TYPES } from '../notices/notice.ts';
import {
  checkFilename,
  contentDisposition,
  deadlineOf,
  decodeAttachments,
  decodedLength,
  MAX_ATTACHMENT_BYTES,
  noticeVisibleTo,
  searchTextOf,
  searchTokens,
} from './message.ts';

const NOW = new Date('2026-03-01T09:00:00Z');
const HOUR = 3_600_000;

describe('message rules', () => {
  it('defaults the deadline to 8 hours when urgent and 7 days otherwise, and caps a chosen one there', () => {
    assert.equal(deadlineOf('urgent', NOW).getTime(), NOW.getTime() + 8 * HOUR);
    assert.equal(deadlineOf('normal', NOW).getTime(), NOW.getTime() + 168 * HOUR);
    assert.equal(deadlineOf('urgent', NOW, new Date(NOW.getTime() + 8 * HOUR)).getTime(), NOW.getTime() + 8 * HOUR);
    assert.throws(() => deadlineOf('urgent', NOW, new Date(NOW.getTime() + 8 * HOUR + 1)), { code: 'deadline_too_late' });
    assert.throws(() => deadlineOf('normal', NOW, NOW), { code: 'deadline_in_past' });
    assert.throws(() => deadlineOf('normal', NOW, 'tomorrow'), { code: 'invalid_deadline' });
  });

  it('lets an agency address a notice thread exactly when it may see the notice, for every state, type and handling', () => {
    const [owner, a, hub] = ['owner', 'a', 'hub'];
    for (const state of NOTICE_STATES) {
      for (const type of NOTICE_TYPES) {
        for (const tlp of TLP_LEVELS) {
          for (const restrictedTo of [[], [a]]) {
            const n = { ownerAgencyId: owner, tlp, restrictedTo, state, type };
            assert.equal(noticeVisibleTo(n, owner), true);
            const live = LIVE_STATES.has(state);
            const expected = live && (type === 'diffusion' ? restrictedTo.includes(a) : visibleToAgency(n, owner, a));
            assert.equal(noticeVisibleTo(n, a), expected, `${state} ${type} ${tlp} ${restrictedTo}`);
            assert.equal(noticeVisibleTo(n, hub, true), live ? noticeVisibleTo(n, hub) : state !== 'draft');
          }
        }
      }
    }
  });

  it('accepts plain file names in any script and refuses paths, controls, direction overrides and dot files', () => {
    assert.equal(checkFilename(' محضر.pdf '), 'محضر.pdf');
    assert.equal(checkFilename('Cafe\u0301.txt'), 'Café.txt');
    for (const bad of ['', '..', 'a/b', 'a\\b', 'C:x', 'a\nb', 'x\u202Efdp.exe', '.env', 'x'.repeat(256), 'a"b']) {
      assert.throws(() => checkFilename(bad), { code: 'invalid_filename' }, JSON.stringify(bad));
    }
  });

  it('measures base64 by its decoded bytes and hashes what it decodes', () => {
    for (const n of [1, 2, 3, 4, 5, 100]) assert.equal(decodedLength(Buffer.alloc(n).toString('base64')), n);
    const [a] = decodeAttachments([{ filename: 'a.txt', mediaType: 'Text/Plain', contentBase64: Buffer.from('abc').toString('base64') }]);
    assert.equal(a.size, 3);
    assert.equal(a.mediaType, 'text/plain');
    assert.equal(a.sha256, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const limit = Buffer.alloc(MAX_ATTACHMENT_BYTES).toString('base64');
    assert.equal(decodeAttachments([{ filename: 'max', mediaType: 'application/octet-stream', contentBase64: limit }])[0].size, MAX_ATTACHMENT_BYTES);
    const over = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1).toString('base64');
    assert.throws(() => decodeAttachments([{ filename: 'big', mediaType: 'application/octet-stream', contentBase64: over }]), { code: 'attachment_too_large', status: 413 });
    assert.throws(() => decodeAttachments([{ filename: 'a', mediaType: 'pdf', contentBase64: 'YQ==' }]), { code: 'invalid_media_type' });
    assert.throws(() => decodeAttachments([{ filename: 'a', mediaType: 'text/plain', contentBase64: 'YQ=' }]), { code: 'invalid_base64' });
    assert.throws(() => decodeAttachments([{ filename: 'a', mediaType: 'text/plain', contentBase64: '' }]), { code: 'attachment_empty' });
  });

  it('writes Content-Disposition with an ASCII fallback and the exact name as an RFC 8187 ext-value', () => {
    assert.equal(contentDisposition('rapport.pdf'), `attachment; filename="rapport.pdf"; filename*=UTF-8''rapport.pdf`);
    assert.equal(contentDisposition('Procès-verbal (1).pdf'), `attachment; filename="Proces-verbal (1).pdf"; filename*=UTF-8''Proc%C3%A8s-verbal%20%281%29.pdf`);
    const ar = contentDisposition('محضر 50%.pdf');
    assert.ok(ar.startsWith('attachment; filename="____ 50_.pdf"; '), ar);
    assert.equal(decodeURIComponent(ar.split("UTF-8''")[1]), 'محضر 50%.pdf');
  });

  it('folds search text and queries alike across Arabic letter variants and Latin accents', () => {
    assert.deepEqual(searchTokens('  Véhicule  إبراهيم! '), ['vehicule', 'ابراهيم']);
    assert.equal(searchTextOf('Saisie', 'Cocaïne à Tanger'), 'saisie cocaine a tanger');
    assert.equal(searchTokens('a b c d e f g h i j').length, 8);
  });
});
