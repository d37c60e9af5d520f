// The document settings form's state: the signers as rows, the two abbreviations, messages by path (usePathErrors);
// what was typed stays when the server refuses it.
import { useRef, useState, type FormEvent } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { unitKeys, unitsApi } from '../../api/units.ts';
import type {
  UnitDocumentSettingsBody,
  UnitDocumentSettingsView,
} from '../../../../src/contracts/document-settings.ts';
import type { SigningAuthority } from '../../../../src/domain/org/document-settings.ts';
import { usePathErrors } from '../../components/pathErrors.ts';

export interface SignerRow {
  /** React's key for the row (not the server's). */
  row: number;
  key?: number;
  title: string;
  name: string;
  authority: SigningAuthority;
  isDefault: boolean;
}

export interface Values {
  signers: SignerRow[];
  draftingDivision: string;
  symbolSuffix: string;
}

export type SettingsForm = ReturnType<typeof useSettingsForm>;

/** Checks the browser can make before sending: the server checks the same and more (KT. needs a deputy's title). */
function validate(v: Values): Record<string, string> {
  const e: Record<string, string> = {};
  v.signers.forEach((s, i) => {
    if (s.title.trim().length < 2) e[`signers.${i}.title`] = 'Nhập chức vụ, ví dụ "Phó Chủ tịch".';
    if (s.name.trim().length < 2) e[`signers.${i}.name`] = 'Nhập họ và tên người ký.';
  });
  if (v.signers.length > 1 && !v.signers.some((s) => s.isDefault))
    e.signers = 'Chọn một người ký mặc định (được chọn sẵn khi ban hành văn bản).';
  for (const k of ['draftingDivision', 'symbolSuffix'] as const)
    if (v[k].trim() && !/^[\p{L}\p{N}&]+$/u.test(v[k].trim()))
      e[k] = 'Chỉ gồm chữ cái và chữ số viết liền, ví dụ VP, KHCN.';
  return e;
}

export function useSettingsForm(unitId: number, saved: UnitDocumentSettingsView) {
  const nextRow = useRef(1);
  const rowOf = (s: Omit<SignerRow, 'row'>): SignerRow => ({ ...s, row: nextRow.current++ });
  const valuesOf = (v: UnitDocumentSettingsView): Values => ({
    signers: v.signers.map(({ key, title, name, authority, isDefault }) =>
      rowOf({ key, title, name, authority, isDefault }),
    ),
    draftingDivision: v.draftingDivision ?? '',
    symbolSuffix: v.symbolSuffix ?? '',
  });
  const [values, setValues] = useState<Values>(() => valuesOf(saved));
  const [submitting, setSubmitting] = useState(false);
  const errors = usePathErrors();
  const qc = useQueryClient();

  const set = (k: 'draftingDivision' | 'symbolSuffix', v: string) => {
    setValues((x) => ({ ...x, [k]: v }));
    errors.touch(k);
  };
  const updateSigner = (i: number, patch: Partial<SignerRow>, field: string) => {
    setValues((x) => ({
      ...x,
      signers: x.signers.map((s, j) =>
        j === i ? { ...s, ...patch } : patch.isDefault ? { ...s, isDefault: false } : s,
      ),
    }));
    errors.touch(field === 'isDefault' ? 'signers' : `signers.${i}.${field}`);
  };
  const addSigner = () => {
    setValues((x) => ({
      ...x,
      signers: [...x.signers, rowOf({ title: '', name: '', authority: 'KT', isDefault: x.signers.length === 0 })],
    }));
    errors.dropList('signers');
  };
  const removeSigner = (i: number) => {
    setValues((x) => {
      const left = x.signers.filter((_, j) => j !== i);
      // The default left: the first one takes its place.
      if (left.length && !left.some((s) => s.isDefault)) left[0] = { ...left[0]!, isDefault: true };
      return { ...x, signers: left };
    });
    errors.dropList('signers');
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (submitting) return;
    const found = validate(values);
    errors.setClientErrors(found);
    if (Object.keys(found).length) return;
    const body: UnitDocumentSettingsBody = {
      signers: values.signers.map(({ key, title, name, authority, isDefault }) => ({
        ...(key ? { key } : {}),
        title,
        name,
        authority,
        isDefault,
      })),
      draftingDivision: values.draftingDivision.trim() || null,
      symbolSuffix: values.symbolSuffix.trim() || null,
    };
    setSubmitting(true);
    errors.setServerError(null);
    try {
      const next = await unitsApi.saveDocumentSettings(unitId, body);
      qc.setQueryData(unitKeys.documents(unitId), next);
      // The form shows what was stored: titles and abbreviations upper case, new signers with their keys.
      setValues(valuesOf(next));
      notifications.show({ color: 'green', message: 'Đã lưu thiết lập văn bản của đơn vị.' });
    } catch (err) {
      errors.setServerError(err);
    } finally {
      setSubmitting(false);
    }
  };

  return { values, set, updateSigner, addSigner, removeSigner, submit, submitting, ...errors };
}
