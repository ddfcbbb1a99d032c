import { createInstance } from 'i18next';
import { expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../server/audit.ts';
import { installHistoryTexts } from '../../src/history/locales.ts';
import { actionName, auditSentence } from '../../src/history/auditText.ts';
import { en } from '../../src/app/locales/en.ts';
import { vi } from '../../src/app/locales/vi.ts';
import type { AuditEntry } from '../../src/sync/api.ts';

async function translator(lang: 'vi' | 'en') {
  const i18n = createInstance();
  await i18n.init({
    lng: lang,
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  installHistoryTexts(i18n);
  return i18n.getFixedT(lang, 'history');
}

const entry = (action: string, detail: Record<string, unknown> = {}): AuditEntry => ({
  seq: 1,
  caseId: 'c',
  caseTitle: 'Vụ trộm',
  at: '2026-03-12T07:05:00Z',
  actor: 'ksv.lan',
  action,
  detail,
});
const names = { 'ksv.lan': 'Trần Thị Lan', 'ksv.hung': 'Lê Văn Hùng' };

it('reads every kind of entry the server records as a sentence, in both languages', async () => {
  for (const lang of ['vi', 'en'] as const) {
    const t = await translator(lang);
    for (const action of AUDIT_ACTIONS) {
      const sentence = auditSentence(entry(action), names, t, lang);
      expect(sentence, `${lang} ${action}`).not.toBe(`Trần Thị Lan: ${action}`);
      if (action.includes('.')) expect(sentence, `${lang} ${action}`).not.toContain(action);
      expect(sentence, `${lang} ${action}`).not.toMatch(/audit\.|\{\{/);
      expect(actionName(action, t), `${lang} ${action}`).not.toBe(action);
    }
  }
});

it('names people and roles, and keeps an unknown kind readable', async () => {
  const t = await translator('vi');
  expect(auditSentence(entry('login', { address: '10.0.0.5' }), names, t, 'vi')).toBe(
    'Trần Thị Lan đã đăng nhập (từ 10.0.0.5)',
  );
  expect(
    auditSentence(
      entry('member.role', { member: 'ksv.hung', role: 'viewer', from: 'editor' }),
      names,
      t,
      'vi',
    ),
  ).toBe('Trần Thị Lan đã đổi vai trò của Lê Văn Hùng từ Người sửa thành Người xem');
  expect(auditSentence(entry('case.merged'), names, t, 'vi')).toBe('Trần Thị Lan: case.merged');
  const english = await translator('en');
  expect(
    auditSentence(entry('file.uploaded', { name: 'BL 12.pdf', size: 1536 }), names, english, 'en'),
  ).toBe('Trần Thị Lan uploaded the file “BL 12.pdf” (1.5 KB)');
});
