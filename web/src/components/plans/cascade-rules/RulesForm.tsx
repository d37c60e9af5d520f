// The rule table as a form: rows kept by key (so messages follow a row when it moves), the browser's checks, the
// server's issues mapped back to rows, a filter that only hides, and focus kept where the user was after each change.
import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconInfoCircle, IconPlus, IconRestore } from '@tabler/icons-react';
import { DEFAULT_CASCADE_RULES } from '../../../../../src/domain/plan/cascade.ts';
import { useSetCascadeRules } from '../../../api/plans.ts';
import type { CascadeRule } from '../../../api/types.ts';
import { count } from '../../../format.ts';
import { FormError } from '../../FieldError.tsx';
import { fold } from '../planFormat.ts';
import { MAX_RULES, type OfficeCatalog } from './catalog.ts';
import {
  AFFECTS,
  EMPTY_ROW,
  NO_ERRORS,
  newKey,
  rowSearchText,
  serverErrors,
  toRow,
  toRule,
  validateRow,
  type Field,
  type Patch,
  type RowErrors,
  type RuleRow,
} from './ruleRows.ts';
import { RuleFields } from './RuleFields.tsx';
import { SearchField } from '../../FilterFields.tsx';

export function RulesForm({
  provinceId,
  initial,
  names,
  offices,
  isPhone,
  onDone,
}: {
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
    for (const r of [...initial, ...DEFAULT_CASCADE_RULES])
      if (r.fromCode && !items.has(r.fromCode)) items.set(r.fromCode, r.fromCode);
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
  const searchText = useMemo(
    () => new Map(rows.map((r) => [r.key, rowSearchText(r, names, offices)])),
    [rows, names, offices],
  );
  const q = fold(query);
  const filtering = q !== '';
  const hasErrors = (key: string) => (errorsOf.get(key) ?? NO_ERRORS) !== NO_ERRORS;
  // The filter only hides: every row stays in `rows` and is saved. An open row stays in sight even when what is typed
  // in it no longer matches (it would vanish under the user's fingers), and so does a row in error (its message must
  // be seen). Numbers stay those of the full table.
  const shown = rows.flatMap((r, i) =>
    !filtering || searchText.get(r.key)?.includes(q) || open.has(r.key) || hasErrors(r.key)
      ? [{ row: r, index: i }]
      : [],
  );
  const shownRef = useRef(shown);
  shownRef.current = shown;

  // Numbers of the rows the browser's own check stopped (a long table: the user may not see them all).
  const invalidRows = rows
    .map((r, i) => (Object.values(clientErrors.get(r.key) ?? NO_ERRORS).some(Boolean) ? i + 1 : 0))
    .filter(Boolean);

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
    setEdited((s) =>
      fields.every((f) => s.has(`${key}.${f}`)) ? s : new Set([...s, ...fields.map((f) => `${key}.${f}`)]),
    );
  }, []);

  const focusLater = (ids: Array<string | undefined>) =>
    requestAnimationFrame(() => {
      for (const id of ids) {
        const el = id ? (document.getElementById(id) as HTMLButtonElement | null) : null;
        if (el && !el.disabled) {
          el.focus();
          return;
        }
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

  const toggle = useCallback(
    (key: string) =>
      setOpen((o) => {
        const next = new Set(o);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );

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
    setStatus(
      `Đã đưa bảng mặc định (${count(DEFAULT_CASCADE_RULES.length, 'quy tắc')}) vào biểu mẫu. Bấm “Lưu” để áp dụng, “Hủy” để bỏ.`,
    );
  };

  // After React has shown the messages (two frames), focus the first field in error.
  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-row-invalid="true"]');
        el?.focus({ preventScroll: true });
        el?.scrollIntoView({ block: 'center' });
      }),
    );

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
      notifications.show({
        color: 'green',
        title: 'Đã lưu bảng quy tắc',
        message: `${count(saved.rules.length, 'quy tắc')}. Bản xem trước được làm lại theo bảng mới.`,
      });
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
    <Box
      component="form"
      ref={formRef}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="sua-quy-tac-tieu-de"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id="sua-quy-tac-tieu-de">
            Sửa bảng quy tắc ({count(rows.length, 'quy tắc')})
          </Title>
          <Button
            variant="subtle"
            size="xs"
            color="gray"
            c="dark.6"
            leftSection={<IconRestore size={16} aria-hidden />}
            onClick={restoreDefaults}
          >
            Khôi phục mặc định
          </Button>
        </Group>
        <RulesHelp />
        <RulesFilter
          query={query}
          onQuery={changeQuery}
          filtering={filtering}
          shown={shown.length}
          total={rows.length}
        />
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {status}
        </Text>
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
          {!rows.length ? (
            <Text size="sm" c="dimmed">
              Bảng trống: khi lưu, xã, phường dùng bảng mặc định. Bấm “Thêm quy tắc”.
            </Text>
          ) : null}
        </Stack>
        <Group>
          <Button
            id="them-quy-tac"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={add}
            disabled={rows.length >= MAX_RULES}
          >
            Thêm quy tắc
          </Button>
        </Group>
        {listError ? (
          <Text c="red.9" size="sm" role="alert">
            {listError}
          </Text>
        ) : null}
        {invalidRows.length ? (
          <Text c="red.9" size="sm" role="alert">
            Chưa lưu:{' '}
            {invalidRows.length === 1
              ? `quy tắc ${invalidRows[0]} chưa đủ`
              : `các quy tắc ${invalidRows.join(', ')} chưa đủ`}
            ; xem thông báo ở từng quy tắc.
          </Text>
        ) : null}
        <FormError error={serverError} fields={server.shown} title="Chưa lưu được bảng quy tắc" />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
            Lưu
          </Button>
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            Hủy
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

function RulesHelp() {
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
      Quy tắc được xét từ trên xuống: quy tắc đầu tiên khớp được áp dụng. Mỗi quy tắc cần đơn vị hoặc cụm từ ở kế hoạch
      tỉnh, và phòng, đơn vị ở xã, phường hoặc văn bản thay thế. Trong văn bản thay thế có thể dùng {'{loai}'}{' '}
      (xã/phường), {'{ten}'} (tên xã, phường),
      {' {thon}'} (thôn/tổ dân phố), {'{dauMoi}'} (Sở Khoa học và Công nghệ tỉnh). “Chỉ thay chữ”: thay trong tên nhiệm
      vụ, nội dung, sản phẩm, các mục; không đổi đơn vị chủ trì, phối hợp.
    </Alert>
  );
}

/** Filtering only hides rows: the count says how many are shown, and why they cannot be moved meanwhile. */
function RulesFilter({
  query,
  onQuery,
  filtering,
  shown,
  total,
}: {
  query: string;
  onQuery: (value: string) => void;
  filtering: boolean;
  shown: number;
  total: number;
}) {
  return (
    <Stack gap={4}>
      <SearchField
        label="Lọc quy tắc"
        placeholder="Đơn vị, cụm từ, phòng ở xã, phường, ghi chú; có thể không dấu"
        value={query}
        onChange={(e) => onQuery(e.currentTarget.value)}
        // Enter in a search box means "search", not "save the table".
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      <Text size="sm" role="status" aria-live="polite">
        {filtering ? `Đang hiện ${shown}/${total} quy tắc.` : ''}
      </Text>
      {filtering ? (
        <Text size="sm" c="dimmed">
          Đang lọc: không đưa quy tắc lên, xuống được (thứ tự chỉ có nghĩa trong cả bảng); xóa ô lọc để đổi thứ tự. Khi
          lưu, các quy tắc đang ẩn cũng được lưu.
        </Text>
      ) : null}
    </Stack>
  );
}
