// Bảng quy tắc chuyển đơn vị (tỉnh → xã, phường). Whoever may cascade reads it; those who may edit the province's
// records (its officers and leaders, and those of its focal unit, the Sở KH&CN) edit it in place. A rule maps a
// provincial unit (by register code) or a phrase of the province plan to an office of the commune — which may differ
// for a xã and a phường — or to a replacement text. Order matters: the first rule that matches wins.
// The editor shows each rule as one line, its fields only once opened: 46 rules × 8 fields would be a phone's
// 26,000 px of form and slow to render.
import { memo, useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert, Box, Button, Card, Checkbox, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, type ComboboxItem,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowDown, IconArrowUp, IconChevronUp, IconDeviceFloppy, IconInfoCircle, IconPencil, IconPlus, IconRestore, IconSearch, IconTrash,
} from '@tabler/icons-react';
import { DEFAULT_CASCADE_RULES } from '../../../../src/domain/plan/cascade.ts';
import { isApiError } from '../../api/client.ts';
import { useCascadeRules, useSetCascadeRules } from '../../api/plans.ts';
import { useUnit } from '../../api/units.ts';
import type { CascadeRule } from '../../api/types.ts';
import { count } from '../../format.ts';
import { FormError, LoadError } from '../FieldError.tsx';
import { foldFilter } from './ParentPlanSelect.tsx';
import { fold } from './planFormat.ts';

type CommuneType = 'xã' | 'phường';
type Place = NonNullable<CascadeRule['in']>[number];

/** The server's limit (PUT /units/{id}/cascade-rules). */
const MAX_RULES = 500;

const PLACES: ReadonlyArray<{ value: Place; label: string }> = [
  { value: 'title', label: 'tên nhiệm vụ' },
  { value: 'content', label: 'nội dung' },
  { value: 'deliverables', label: 'sản phẩm' },
  { value: 'sections', label: 'các mục' },
];
const PLACE_LABEL = new Map(PLACES.map((p) => [p.value, p.label]));

// ---------------------------------------------------------------- offices of a commune

/**
 * The offices a rule may send work to, by code, as the server's reference register names them for a xã and for a
 * phường (GET …/cascade-rules): offering exactly these codes means every rule saved here resolves to a real office.
 */
class OfficeCatalog {
  private readonly byType: Record<CommuneType, ReadonlyMap<string, string>>;
  private readonly list: Record<CommuneType, ComboboxItem[]>;
  constructor(offices: Record<CommuneType, ReadonlyArray<{ code: string; name: string }>>) {
    this.byType = { 'xã': new Map(offices['xã'].map((o) => [o.code, o.name])), 'phường': new Map(offices['phường'].map((o) => [o.code, o.name])) };
    this.list = {
      'xã': offices['xã'].map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })),
      'phường': offices['phường'].map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })),
    };
  }

  /** "Phòng Văn hóa - Xã hội xã", "Công an phường"; the code itself when the register has no such office. */
  name(code: string, type: CommuneType): string {
    return this.byType[type].get(code) ?? code;
  }

  /** The choices, plus the current value when it is not among them (a code saved earlier is shown, never lost). */
  items(type: CommuneType, value: string | null): ComboboxItem[] {
    if (!value || this.byType[type].has(value)) return this.list[type];
    const other: CommuneType = type === 'xã' ? 'phường' : 'xã';
    const label = this.byType[other].has(value) ? `${this.byType[other].get(value)} (${value}) – không có ở ${type}` : `${value} (không có trong danh mục phòng, ban)`;
    return [...this.list[type], { value, label }];
  }
}

// ---------------------------------------------------------------- reading

function ruleTarget(r: CascadeRule, type: CommuneType, offices: OfficeCatalog): string {
  if (r.toOffice) return offices.name(r.toOffice[type], type);
  if (r.toText === undefined) return '—';
  if (r.toText === '') return '(bỏ, không ghi)';
  return r.toText.replaceAll('{loai}', type).replaceAll('{ten}', '[tên]').replaceAll('{thon}', type === 'phường' ? 'tổ dân phố' : 'thôn')
    .replaceAll('{dauMoi}', 'Sở Khoa học và Công nghệ tỉnh');
}

function ruleScope(r: CascadeRule): string {
  const where = r.in?.length ? ` (${r.in.map((p) => PLACE_LABEL.get(p) ?? p).join(', ')})` : '';
  return r.textOnly ? `Thay chữ${where}` : r.fromCode ? `Đơn vị và chữ${where}` : `Tên đơn vị, nhóm${where}`;
}

/** "Sở Tài chính (38.STC)" by the register's name; a phrase in quotes. */
function fromLabel(r: Pick<CascadeRule, 'fromCode' | 'fromText'>, names: ReadonlyMap<string, string>): string {
  if (r.fromCode) return `${names.get(r.fromCode) ?? r.fromCode} (${r.fromCode})`;
  return r.fromText ? `“${r.fromText}”` : '(chưa có đơn vị, cụm từ)';
}

export function CascadeRulesEditor({ provinceId, canEdit, isPhone }: {
  provinceId: number;
  /** May edit the province's records: the server computes it (the plan's `can.cascade` is the same right). */
  canEdit: boolean;
  isPhone: boolean;
}) {
  const rules = useCascadeRules(provinceId);
  const province = useUnit(provinceId);
  const [editing, setEditing] = useState(false);
  const names = useMemo(() => new Map((province.data?.children ?? []).map((c) => [c.code, c.name])), [province.data]);
  const offices = useMemo(() => (rules.data ? new OfficeCatalog(rules.data.offices) : null), [rules.data]);

  const stopEditing = () => {
    setEditing(false);
    // Back where the user started, so keyboard users are not left at the top of the page.
    requestAnimationFrame(() => document.getElementById('sua-bang-quy-tac')?.focus());
  };

  if (rules.isLoading) return <Group><Loader size="xs" aria-hidden /><Text size="sm">Đang tải bảng quy tắc…</Text></Group>;
  if (rules.error || !rules.data || !offices) return <LoadError error={rules.error} what="bảng quy tắc" onRetry={() => void rules.refetch()} />;
  if (editing) return <RulesForm provinceId={provinceId} initial={rules.data.rules} names={names} offices={offices} isPhone={isPhone} onDone={stopEditing} />;
  return (
    <Stack gap="xs">
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {rules.data.isDefault ? 'Đang dùng bảng quy tắc mặc định của hệ thống. ' : 'Bảng quy tắc riêng của tỉnh. '}
        Quy tắc được xét từ trên xuống: quy tắc đầu tiên khớp được áp dụng.{' '}
        {canEdit ? 'Kế hoạch đã tạo vẫn sửa được từng nhiệm vụ.' : 'Bạn chỉ xem được bảng này; cán bộ của tỉnh hoặc của Sở Khoa học và Công nghệ sửa được.'}
      </Alert>
      {canEdit ? (
        <Group>
          <Button id="sua-bang-quy-tac" variant="light" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>Sửa bảng quy tắc</Button>
        </Group>
      ) : null}
      <RulesView rules={rules.data.rules} names={names} offices={offices} isPhone={isPhone} />
    </Stack>
  );
}

function RulesView({ rules, names, offices, isPhone }: { rules: readonly CascadeRule[]; names: ReadonlyMap<string, string>; offices: OfficeCatalog; isPhone: boolean }) {
  if (isPhone) {
    return (
      <ul className="tap-list" aria-label="Quy tắc chuyển đơn vị">
        {rules.map((r, i) => (
          <li key={i} style={{ padding: '6px 2px' }}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{fromLabel(r, names)}</Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>→ Xã: {ruleTarget(r, 'xã', offices)}</Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>→ Phường: {ruleTarget(r, 'phường', offices)}</Text>
            <Text size="xs" c="dimmed">{ruleScope(r)}{r.note ? ` · ${r.note}` : ''}</Text>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760} mah={480}>
      <Table verticalSpacing="xs" striped stickyHeader aria-label="Quy tắc chuyển đơn vị">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ở kế hoạch của tỉnh</Table.Th>
            <Table.Th scope="col">Ở xã</Table.Th>
            <Table.Th scope="col">Ở phường</Table.Th>
            <Table.Th scope="col">Áp dụng</Table.Th>
            <Table.Th scope="col">Ghi chú</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td><Text size="sm">{fromLabel(r, names)}</Text></Table.Td>
              <Table.Td><Text size="sm">{ruleTarget(r, 'xã', offices)}</Text></Table.Td>
              <Table.Td><Text size="sm">{ruleTarget(r, 'phường', offices)}</Text></Table.Td>
              <Table.Td><Text size="xs">{ruleScope(r)}</Text></Table.Td>
              <Table.Td><Text size="xs" c="dimmed">{r.note ?? ''}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// ---------------------------------------------------------------- editing

interface RuleRow {
  key: string;
  fromCode: string | null;
  fromText: string;
  officeXa: string | null;
  officePhuong: string | null;
  toText: string;
  /** toText "": the name is dropped from the commune's plan (distinct from "no replacement text"). */
  drop: boolean;
  textOnly: boolean;
  places: Place[];
  note: string;
}

type Field = 'row' | 'from' | 'officeXa' | 'officePhuong' | 'to' | 'places' | 'note';
type RowErrors = Partial<Record<Field, string>>;
type Patch = Partial<Omit<RuleRow, 'key'>>;

/** The messages a change makes stale: a new office clears "choose an office", any change the row's own message. */
const AFFECTS: Record<keyof Patch, Field[]> = {
  fromCode: ['from'], fromText: ['from'], officeXa: ['officeXa', 'to'], officePhuong: ['officePhuong', 'to'],
  toText: ['to'], drop: ['to'], textOnly: [], places: ['places'], note: ['note'],
};

const NO_ERRORS: RowErrors = {};

let keySeq = 0;
const newKey = () => `quy-tac-${++keySeq}`;

function toRow(r: CascadeRule): RuleRow {
  return {
    key: newKey(), fromCode: r.fromCode || null, fromText: r.fromText ?? '',
    officeXa: r.toOffice?.['xã'] || null, officePhuong: r.toOffice?.['phường'] || null,
    toText: r.toText ?? '', drop: r.toText === '', textOnly: !!r.textOnly, places: [...(r.in ?? [])], note: r.note ?? '',
  };
}

const EMPTY_ROW: Omit<RuleRow, 'key'> = { fromCode: null, fromText: '', officeXa: null, officePhuong: null, toText: '', drop: false, textOnly: false, places: [], note: '' };

/** The rule as the server stores it: only the fields that say something, in the order of the default table. */
function toRule(r: RuleRow): CascadeRule {
  const rule: CascadeRule = {};
  if (r.fromCode) rule.fromCode = r.fromCode;
  if (r.fromText.trim()) rule.fromText = r.fromText.trim();
  if (r.officeXa && r.officePhuong) rule.toOffice = { 'xã': r.officeXa, 'phường': r.officePhuong };
  if (r.drop) rule.toText = '';
  else if (r.toText.trim()) rule.toText = r.toText.trim();
  if (r.textOnly) rule.textOnly = true;
  if (r.places.length) rule.in = PLACES.map((p) => p.value).filter((p) => r.places.includes(p));
  if (r.note.trim()) rule.note = r.note.trim();
  return rule;
}

/** The server's checks (src/modules/plans/service.ts setCascadeRules), said next to the field concerned. */
function validateRow(r: RuleRow): RowErrors {
  const e: RowErrors = {};
  if (!r.fromCode && !r.fromText.trim()) e.from = 'Chọn đơn vị hoặc nhập cụm từ ở kế hoạch tỉnh.';
  const office = !!(r.officeXa || r.officePhuong);
  if (office && !r.officeXa) e.officeXa = 'Chọn cả phòng, đơn vị ở xã (đã chọn ở phường).';
  if (office && !r.officePhuong) e.officePhuong = 'Chọn cả phòng, đơn vị ở phường (đã chọn ở xã).';
  if (!office && !r.drop && !r.toText.trim()) e.to = 'Chọn phòng, đơn vị ở xã và phường, hoặc nhập văn bản thay thế.';
  return e;
}

/** Where a closed rule sends work: the offices at a xã and at a phường, or what replaces the phrase. */
function rowTargets(r: RuleRow, offices: OfficeCatalog): string {
  if (r.officeXa || r.officePhuong) {
    return `Xã: ${r.officeXa ? offices.name(r.officeXa, 'xã') : '—'} · Phường: ${r.officePhuong ? offices.name(r.officePhuong, 'phường') : '—'}`;
  }
  if (r.drop) return 'Bỏ cụm từ, không ghi ở xã, phường';
  return r.toText.trim() ? `Thay bằng “${r.toText.trim()}”` : '(chưa có phòng, đơn vị hay văn bản thay thế)';
}

/** What the filter looks in, folded (typed without accents, "tai chinh" finds "Sở Tài chính"): source, targets, note. */
function rowSearchText(r: RuleRow, names: ReadonlyMap<string, string>, offices: OfficeCatalog): string {
  return fold([
    r.fromCode ?? '', r.fromCode ? names.get(r.fromCode) ?? '' : '', r.fromText,
    r.officeXa ?? '', r.officeXa ? offices.name(r.officeXa, 'xã') : '',
    r.officePhuong ?? '', r.officePhuong ? offices.name(r.officePhuong, 'phường') : '',
    r.drop ? '' : r.toText, r.note,
  ].join(' | '));
}

/**
 * The server's issues by row ("rules.3.toOffice.xã" → the 4th row's xã office). A bare "rules.3" is the server's
 * own check of the row: its error code tells which side is missing.
 */
function serverErrors(err: unknown, keys: readonly string[]): { byRow: Map<string, RowErrors>; shown: string[] } {
  const byRow = new Map<string, RowErrors>();
  const shown: string[] = [];
  if (!isApiError(err)) return { byRow, shown };
  for (const issue of err.issues) {
    const [root, index, f, sub] = issue.path.split('.');
    const key = root === 'rules' && index !== undefined && /^\d+$/.test(index) ? keys[Number(index)] : undefined;
    if (!key) continue;
    const field: Field = f === 'fromCode' || f === 'fromText' ? 'from'
      : f === 'toOffice' ? (sub === 'xã' ? 'officeXa' : sub === 'phường' ? 'officePhuong' : 'to')
        : f === 'toText' ? 'to' : f === 'in' ? 'places' : f === 'note' ? 'note'
          : f === undefined && err.code === 'cascade.rule_from' ? 'from'
            : f === undefined && err.code === 'cascade.rule_to' ? 'to' : 'row';
    const errors = byRow.get(key) ?? {};
    errors[field] ??= issue.message;
    byRow.set(key, errors);
    shown.push(issue.path);
  }
  return { byRow, shown };
}

function RulesForm({ provinceId, initial, names, offices, isPhone, onDone }: {
  provinceId: number;
  initial: readonly CascadeRule[];
  names: ReadonlyMap<string, string>;
  offices: OfficeCatalog;
  isPhone: boolean;
  onDone: () => void;
}) {
  const [rows, setRows] = useState<RuleRow[]>(() => initial.map(toRow));
  const [clientErrors, setClientErrors] = useState<ReadonlyMap<string, RowErrors>>(new Map());
  const [listError, setListError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<unknown>(null);
  /** Row keys in the order they were sent: the server's "rules.3" is the 4th of these, wherever it is now. */
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  /** Fields changed since the server's answer (`${key}.${field}`): its message about them no longer applies. */
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState('');
  /** Rules whose fields are shown: opened by the user, just added, or found in error (the rest is one line each). */
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState('');
  const save = useSetCascadeRules(provinceId);
  const formRef = useRef<HTMLFormElement>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  // Units of the province (its agencies) to choose from, and every code the table names, known or not.
  const unitItems = useMemo(() => {
    const items = new Map<string, string>();
    for (const [code, name] of names) if (code.includes('.')) items.set(code, `${name} (${code})`);
    for (const r of [...initial, ...DEFAULT_CASCADE_RULES]) if (r.fromCode && !items.has(r.fromCode)) items.set(r.fromCode, r.fromCode);
    return [...items].map(([value, label]) => ({ value, label }));
  }, [names, initial]);

  const server = useMemo(() => serverErrors(serverError, sentKeys), [serverError, sentKeys]);
  const errorsOf = useMemo(() => {
    const all = new Map<string, RowErrors>();
    for (const r of rows) {
      const fromServer = server.byRow.get(r.key) ?? NO_ERRORS;
      const mine = clientErrors.get(r.key) ?? NO_ERRORS;
      const e: RowErrors = {};
      for (const f of Object.keys(fromServer) as Field[]) if (!edited.has(`${r.key}.${f}`)) e[f] = fromServer[f];
      Object.assign(e, Object.fromEntries(Object.entries(mine).filter(([, m]) => m)));
      all.set(r.key, Object.keys(e).length ? e : NO_ERRORS);
    }
    return all;
  }, [rows, server, clientErrors, edited]);
  const searchText = useMemo(() => new Map(rows.map((r) => [r.key, rowSearchText(r, names, offices)])), [rows, names, offices]);
  const q = fold(query);
  const filtering = q !== '';
  const hasErrors = (key: string) => (errorsOf.get(key) ?? NO_ERRORS) !== NO_ERRORS;
  // The filter only hides: every row stays in `rows` and is saved. An open row stays in sight even when what is typed
  // in it no longer matches (it would vanish under the user's fingers), and so does a row in error (its message must
  // be seen). Numbers stay those of the full table.
  const shown = rows.flatMap((r, i) => (!filtering || searchText.get(r.key)?.includes(q) || open.has(r.key) || hasErrors(r.key) ? [{ row: r, index: i }] : []));
  const shownRef = useRef(shown);
  shownRef.current = shown;

  // Numbers of the rows the browser's own check stopped (a long table: the user may not see them all).
  const invalidRows = rows.map((r, i) => (Object.values(clientErrors.get(r.key) ?? NO_ERRORS).some(Boolean) ? i + 1 : 0)).filter(Boolean);

  const change = useCallback((key: string, patch: Patch) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    const fields: Field[] = ['row', ...(Object.keys(patch) as Array<keyof Patch>).flatMap((k) => AFFECTS[k])];
    setClientErrors((m) => {
      const e = m.get(key);
      if (!e || !fields.some((f) => e[f])) return m;
      const rest = { ...e };
      for (const f of fields) delete rest[f];
      return new Map(m).set(key, rest);
    });
    setEdited((s) => (fields.every((f) => s.has(`${key}.${f}`)) ? s : new Set([...s, ...fields.map((f) => `${key}.${f}`)])));
  }, []);

  const focusLater = (ids: Array<string | undefined>) => requestAnimationFrame(() => {
    for (const id of ids) {
      const el = id ? document.getElementById(id) as HTMLButtonElement | null : null;
      if (el && !el.disabled) { el.focus(); return; }
    }
  });

  const move = useCallback((i: number, by: -1 | 1) => {
    const key = rowsRef.current[i]?.key;
    const j = i + by;
    if (!key || j < 0 || j >= rowsRef.current.length) return;
    setRows((rs) => {
      const next = [...rs];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
    setStatus(`Đã đưa quy tắc ${i + 1} ${by < 0 ? 'lên' : 'xuống'} vị trí ${j + 1}.`);
    // Moving the row's node loses the focus: give it back to the button pressed (or its pair at the ends).
    focusLater([`${key}-${by < 0 ? 'len' : 'xuong'}`, `${key}-${by < 0 ? 'xuong' : 'len'}`]);
  }, []);

  const remove = useCallback((i: number) => {
    const rs = rowsRef.current;
    // The neighbours on screen: with a filter, the rows next to it in the table may be hidden.
    const shownKeys = shownRef.current.map((s) => s.row.key);
    const at = shownKeys.indexOf(rs[i]?.key ?? '');
    const next = at >= 0 ? shownKeys[at + 1] : undefined;
    const prev = at > 0 ? shownKeys[at - 1] : undefined;
    setRows(rs.filter((_, j) => j !== i));
    setStatus(`Đã xóa quy tắc ${i + 1}.`);
    focusLater([next && `${next}-xoa`, prev && `${prev}-xoa`, 'them-quy-tac']);
  }, []);

  const toggle = useCallback((key: string) => setOpen((o) => {
    const next = new Set(o);
    if (!next.delete(key)) next.add(key);
    return next;
  }), []);

  const openRows = (keys: Iterable<string>) => setOpen((o) => new Set([...o, ...keys]));

  const changeQuery = (value: string) => {
    setQuery(value);
    const nq = fold(value);
    if (!nq) return;
    // A new search is a new view: rows opened before close unless it finds them too (or they are in error).
    setOpen((o) => {
      const keep = [...o].filter((k) => searchText.get(k)?.includes(nq) || hasErrors(k));
      return keep.length === o.size ? o : new Set(keep);
    });
  };

  const add = () => {
    const key = newKey();
    setRows((rs) => [...rs, { key, ...EMPTY_ROW }]);
    openRows([key]);
    setListError(null);
    setStatus(`Đã thêm quy tắc ${rows.length + 1} ở cuối bảng.`);
    focusLater([`${key}-don-vi`]);
  };

  const restoreDefaults = () => {
    setRows(DEFAULT_CASCADE_RULES.map(toRow));
    setOpen(new Set());
    setClientErrors(new Map());
    setListError(null);
    setServerError(null);
    setStatus(`Đã đưa bảng mặc định (${count(DEFAULT_CASCADE_RULES.length, 'quy tắc')}) vào biểu mẫu. Bấm “Lưu” để áp dụng, “Hủy” để bỏ.`);
  };

  // After React has shown the messages (two frames), focus the first field in error.
  const focusFirstInvalid = () => requestAnimationFrame(() => requestAnimationFrame(() => {
    const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-row-invalid="true"]');
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'center' });
  }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const found = new Map<string, RowErrors>();
    for (const r of rows) {
      const errors = validateRow(r);
      if (Object.keys(errors).length) found.set(r.key, errors);
    }
    const tooMany = rows.length > MAX_RULES ? `Bảng có tối đa ${MAX_RULES} quy tắc; hiện có ${rows.length}.` : null;
    setClientErrors(found);
    setListError(tooMany);
    openRows(found.keys());
    if (found.size || tooMany) {
      focusFirstInvalid();
      return;
    }
    setServerError(null);
    const sent = rows.map((r) => r.key);
    try {
      const saved = await save.mutateAsync(rows.map(toRule));
      notifications.show({ color: 'green', title: 'Đã lưu bảng quy tắc', message: `${count(saved.rules.length, 'quy tắc')}. Bản xem trước được làm lại theo bảng mới.` });
      onDone();
    } catch (x) {
      // What was typed stays; the messages go next to the rows they concern.
      setSentKeys(sent);
      setServerError(x);
      openRows(serverErrors(x, sent).byRow.keys());
      setEdited(new Set());
      focusFirstInvalid();
    }
  };

  return (
    <Box component="form" ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sua-quy-tac-tieu-de">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id="sua-quy-tac-tieu-de">Sửa bảng quy tắc ({count(rows.length, 'quy tắc')})</Title>
          <Button variant="subtle" size="xs" color="gray" c="dark.6" leftSection={<IconRestore size={16} aria-hidden />} onClick={restoreDefaults}>Khôi phục mặc định</Button>
        </Group>
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          Quy tắc được xét từ trên xuống: quy tắc đầu tiên khớp được áp dụng. Mỗi quy tắc cần đơn vị hoặc cụm từ ở kế hoạch tỉnh, và phòng,
          đơn vị ở xã, phường hoặc văn bản thay thế. Trong văn bản thay thế có thể dùng {'{loai}'} (xã/phường), {'{ten}'} (tên xã, phường),
          {' {thon}'} (thôn/tổ dân phố), {'{dauMoi}'} (Sở Khoa học và Công nghệ tỉnh). “Chỉ thay chữ”: thay trong tên nhiệm vụ, nội dung,
          sản phẩm, các mục; không đổi đơn vị chủ trì, phối hợp.
        </Alert>
        <Stack gap={4}>
          <TextInput
            type="search"
            label="Lọc quy tắc"
            placeholder="Đơn vị, cụm từ, phòng ở xã, phường, ghi chú; có thể không dấu"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => changeQuery(e.currentTarget.value)}
            // Enter in a search box means "search", not "save the table".
            onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }}
          />
          <Text size="sm" role="status" aria-live="polite">{filtering ? `Đang hiện ${shown.length}/${rows.length} quy tắc.` : ''}</Text>
          {filtering ? (
            <Text size="sm" c="dimmed">
              Đang lọc: không đưa quy tắc lên, xuống được (thứ tự chỉ có nghĩa trong cả bảng); xóa ô lọc để đổi thứ tự.
              Khi lưu, các quy tắc đang ẩn cũng được lưu.
            </Text>
          ) : null}
        </Stack>
        <Text size="sm" c="dimmed" role="status" aria-live="polite">{status}</Text>
        <Stack gap="sm">
          {shown.map(({ row: r, index: i }) => (
            <RuleFields
              key={r.key}
              row={r}
              index={i}
              last={i === rows.length - 1}
              errors={errorsOf.get(r.key) ?? NO_ERRORS}
              expanded={open.has(r.key) || hasErrors(r.key)}
              canMove={!filtering}
              unitItems={unitItems}
              names={names}
              offices={offices}
              isPhone={isPhone}
              onChange={change}
              onMove={move}
              onRemove={remove}
              onToggle={toggle}
            />
          ))}
          {rows.length && !shown.length ? <Text size="sm">Không có quy tắc nào khớp “{query.trim()}”.</Text> : null}
          {!rows.length ? <Text size="sm" c="dimmed">Bảng trống: khi lưu, xã, phường dùng bảng mặc định. Bấm “Thêm quy tắc”.</Text> : null}
        </Stack>
        <Group>
          <Button id="them-quy-tac" variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} disabled={rows.length >= MAX_RULES}>Thêm quy tắc</Button>
        </Group>
        {listError ? <Text c="red.9" size="sm" role="alert">{listError}</Text> : null}
        {invalidRows.length ? (
          <Text c="red.9" size="sm" role="alert">
            Chưa lưu: {invalidRows.length === 1 ? `quy tắc ${invalidRows[0]} chưa đủ` : `các quy tắc ${invalidRows.join(', ')} chưa đủ`}; xem thông báo ở từng quy tắc.
          </Text>
        ) : null}
        <FormError error={serverError} fields={server.shown} title="Chưa lưu được bảng quy tắc" />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>Lưu</Button>
          <Button variant="default" onClick={onDone} disabled={save.isPending}>Hủy</Button>
        </Group>
      </Stack>
    </Box>
  );
}

/**
 * One rule: where it applies in the province plan, what it becomes at a xã and at a phường, and how. Closed, one line
 * of it; its fields (and their Selects, the slow part) are rendered only once opened.
 */
const RuleFields = memo(function RuleFields({
  row, index, last, errors, expanded, canMove, unitItems, names, offices, isPhone, onChange, onMove, onRemove, onToggle,
}: {
  row: RuleRow;
  index: number;
  last: boolean;
  errors: RowErrors;
  /** Fields shown; always so for a row in error. */
  expanded: boolean;
  /** False while the list is filtered: a move among the rows on screen would say nothing of the table's order. */
  canMove: boolean;
  unitItems: ComboboxItem[];
  names: ReadonlyMap<string, string>;
  offices: OfficeCatalog;
  isPhone: boolean;
  onChange: (key: string, patch: Patch) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
  onToggle: (key: string) => void;
}) {
  const { key } = row;
  const n = index + 1;
  const set = (patch: Patch) => onChange(key, patch);
  const invalid = errors !== NO_ERRORS;
  const source = fromLabel({ fromCode: row.fromCode ?? undefined, fromText: row.fromText.trim() }, names);
  return (
    <Card
      withBorder
      radius="md"
      padding={isPhone ? 'xs' : 'sm'}
      component="fieldset"
      id={key}
      style={{ margin: 0, minWidth: 0, borderColor: invalid ? 'var(--mantine-color-red-7)' : undefined }}
    >
      <Text component="legend" className="sr-only">Quy tắc {n}: {source}</Text>
      {/* On a phone the buttons get a row of their own: beside them the rule's text would be a narrow column. */}
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start" style={isPhone ? { flexDirection: 'column', alignItems: 'stretch' } : undefined}>
        <Box style={{ minWidth: 0 }}>
          <Text fw={700} size="sm" style={{ overflowWrap: 'anywhere' }} aria-hidden>{n}. {source}</Text>
          {expanded ? null : <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{rowTargets(row, offices)}</Text>}
        </Box>
        <Group gap={2} wrap="nowrap" justify="space-between">
          {/* A row in error stays open: its messages sit next to the fields. */}
          <Button
            id={`${key}-mo`}
            variant="subtle"
            size="compact-sm"
            color="gray"
            c="dark.6"
            onClick={() => onToggle(key)}
            disabled={invalid}
            aria-expanded={expanded}
            aria-controls={`${key}-truong`}
            aria-label={`${expanded ? 'Thu gọn' : 'Sửa'} quy tắc ${n}`}
            leftSection={expanded ? <IconChevronUp size={16} aria-hidden /> : <IconPencil size={16} aria-hidden />}
          >
            {expanded ? 'Thu gọn' : 'Sửa'}
          </Button>
          <Group gap={2} wrap="nowrap">
            <Button id={`${key}-len`} variant="subtle" size="compact-sm" color="gray" c="dark.6" onClick={() => onMove(index, -1)} disabled={!canMove || index === 0} style={{ visibility: index === 0 ? 'hidden' : undefined }} aria-label={`Đưa quy tắc ${n} lên`}><IconArrowUp size={16} aria-hidden /></Button>
            <Button id={`${key}-xuong`} variant="subtle" size="compact-sm" color="gray" c="dark.6" onClick={() => onMove(index, 1)} disabled={!canMove || last} style={{ visibility: last ? 'hidden' : undefined }} aria-label={`Đưa quy tắc ${n} xuống`}><IconArrowDown size={16} aria-hidden /></Button>
            <Button id={`${key}-xoa`} variant="subtle" size="compact-sm" color="red" c="#a61b1b" onClick={() => onRemove(index)} aria-label={`Xóa quy tắc ${n}`} leftSection={<IconTrash size={16} aria-hidden />}>Xóa</Button>
          </Group>
        </Group>
      </Group>
      {/* Always there, empty when closed: the toggle's aria-controls names it. */}
      <Box id={`${key}-truong`}>
        {expanded ? (
          <Stack gap="xs" mt="xs">
            {errors.row ? (
              <Text c="red.9" size="sm" role="alert" tabIndex={-1} data-row-invalid="true" style={{ outline: 'none' }}>{errors.row}</Text>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
              <Select
                id={`${key}-don-vi`}
                label="Đơn vị ở kế hoạch tỉnh"
                placeholder="Chọn đơn vị (theo mã)"
                data={!row.fromCode || unitItems.some((i) => i.value === row.fromCode) ? unitItems : [...unitItems, { value: row.fromCode, label: row.fromCode }]}
                value={row.fromCode}
                onChange={(v) => set({ fromCode: v })}
                searchable
                // Not on focus: tabbing through the table (or being taken to an error) should not pop the list open.
                openOnFocus={false}
                clearable
                clearButtonProps={{ 'aria-label': `Bỏ đơn vị của quy tắc ${n}` }}
                filter={foldFilter}
                nothingFoundMessage="Không có đơn vị nào khớp"
                error={errors.from}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                id={`${key}-cum-tu`}
                label="Cụm từ ở kế hoạch tỉnh"
                placeholder="Ví dụ: các sở, ban, ngành"
                maxLength={300}
                value={row.fromText}
                onChange={(e) => set({ fromText: e.currentTarget.value })}
                error={!!errors.from}
              />
              <Select
                id={`${key}-xa`}
                label="Chuyển thành ở xã"
                placeholder="Phòng, đơn vị của xã"
                data={offices.items('xã', row.officeXa)}
                value={row.officeXa}
                onChange={(v) => set({ officeXa: v })}
                clearable
                clearButtonProps={{ 'aria-label': `Bỏ phòng ở xã của quy tắc ${n}` }}
                error={errors.officeXa ?? errors.to}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                id={`${key}-phuong`}
                label="Chuyển thành ở phường"
                placeholder="Phòng, đơn vị của phường"
                data={offices.items('phường', row.officePhuong)}
                value={row.officePhuong}
                onChange={(v) => set({ officePhuong: v })}
                clearable
                clearButtonProps={{ 'aria-label': `Bỏ phòng ở phường của quy tắc ${n}` }}
                error={errors.officePhuong ?? !!errors.to}
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Stack gap={6}>
                <TextInput
                  id={`${key}-van-ban`}
                  label="Văn bản thay thế"
                  placeholder="Ví dụ: các phòng, ban thuộc UBND {loai}"
                  maxLength={300}
                  value={row.drop ? '' : row.toText}
                  disabled={row.drop}
                  onChange={(e) => set({ toText: e.currentTarget.value })}
                  error={!!errors.to}
                />
                <Checkbox
                  label="Bỏ cụm từ này (không ghi gì ở xã, phường)"
                  checked={row.drop}
                  onChange={(e) => set({ drop: e.currentTarget.checked })}
                />
              </Stack>
              <TextInput
                id={`${key}-ghi-chu`}
                label="Ghi chú"
                maxLength={500}
                value={row.note}
                onChange={(e) => set({ note: e.currentTarget.value })}
                error={errors.note}
              />
            </SimpleGrid>
            <Checkbox
              label="Chỉ thay chữ"
              checked={row.textOnly}
              onChange={(e) => set({ textOnly: e.currentTarget.checked })}
            />
            {row.fromText.trim() || row.places.length ? (
              <Checkbox.Group
                label="Chỉ thay cụm từ ở"
                description="Để trống: thay ở mọi nơi."
                value={row.places}
                onChange={(v) => set({ places: v as Place[] })}
                error={errors.places}
              >
                <Group gap="md" mt={4}>
                  {PLACES.map((p) => <Checkbox key={p.value} value={p.value} label={p.label} />)}
                </Group>
              </Checkbox.Group>
            ) : null}
          </Stack>
        ) : null}
      </Box>
    </Card>
  );
});
