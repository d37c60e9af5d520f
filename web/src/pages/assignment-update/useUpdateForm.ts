// The update form's state: values and their rows, messages by path (usePathErrors), submit with the browser's checks
// first; what was typed stays when the server refuses.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { trackingApi, useTrackingMutation } from '../../api/tracking.ts';
import type { AssignmentDetail, DeliverableKind, ObstacleKind, ProgressUpdateBody } from '../../api/types.ts';
import { usePathErrors } from '../../components/pathErrors.ts';
import { checkFile } from '../../components/tracking/evidence.ts';
import { todayVn } from '../../format.ts';
import { paths } from '../../paths.ts';
import { shownFieldPaths, toUpdateBody, validateUpdate, type EvidenceRow, type Values } from './model.ts';

type RowList = 'deliverables' | 'obstacles';

export type UpdateForm = ReturnType<typeof useUpdateForm>;

export function useUpdateForm(d: AssignmentDetail) {
  const today = todayVn();
  const nextKey = useRef(1);
  const key = () => nextKey.current++;
  const [values, setValues] = useState<Values>(() => ({
    percent: d.assignment.current.percent,
    completed: false,
    occurredOn: today,
    narrative: '',
    deliverables: [],
    evidence: [],
    obstacles: [],
  }));
  const errors = usePathErrors();
  const { touch } = errors;
  const [focusKey, setFocusKey] = useState<string | null>(null);

  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(focusKey)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const set = <K extends keyof Values>(k: K, v: Values[K]) => {
    setValues((x) => ({ ...x, [k]: v }));
    touch(k);
  };
  const updateRow = <L extends RowList>(list: L, i: number, patch: Partial<Values[L][number]>, field: string) => {
    setValues((x) => ({
      ...x,
      [list]: (x[list] as Array<Values[L][number]>).map((r, j) => (j === i ? { ...r, ...patch } : r)),
    }));
    touch(`${list}.${i}.${field}`);
  };
  const removeRow = (list: RowList | 'evidence', i: number) => {
    setValues((x) => ({ ...x, [list]: (x[list] as unknown[]).filter((_, j) => j !== i) }));
    errors.dropList(list);
  };
  const addDeliverable = (kind: DeliverableKind) => {
    const k = key();
    setValues((x) => ({
      ...x,
      deliverables: [
        ...x.deliverables,
        { key: k, kind, title: '', occurredOn: x.occurredOn ?? today, participants: '', documentNumber: '', link: '' },
      ],
    }));
    setFocusKey(`sp-${k}-ten`);
  };
  const addObstacle = (kind: ObstacleKind) => {
    const k = key();
    setValues((x) => ({ ...x, obstacles: [...x.obstacles, { key: k, kind, content: '' }] }));
    setFocusKey(`kk-${k}-noi-dung`);
  };
  const addFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    const rows: EvidenceRow[] = [];
    for (const file of Array.from(files)) {
      const { type, problem } = await checkFile(file);
      rows.push({ key: key(), file, type, problem });
    }
    setValues((x) => ({ ...x, evidence: [...x.evidence, ...rows] }));
    touch('evidence');
  };

  const { submit, submitting, formRef } = useSubmit(d, values, today, errors);
  const shownPaths = useMemo(
    () => shownFieldPaths(values.deliverables, values.obstacles),
    [values.deliverables, values.obstacles],
  );

  return {
    values,
    today,
    set,
    updateRow,
    removeRow,
    addDeliverable,
    addObstacle,
    addFiles,
    submit,
    submitting,
    formRef,
    shownPaths,
    err: errors.err,
    listErr: errors.listErr,
    clientErrors: errors.clientErrors,
    serverError: errors.serverError,
  };
}

function useSubmit(d: AssignmentDetail, values: Values, today: string, errors: ReturnType<typeof usePathErrors>) {
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const mutation = useTrackingMutation((body: ProgressUpdateBody) => trackingApi.addUpdate(d.assignment.id, body));

  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus(),
    );

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (submitting) return;
    const found = validateUpdate(values, today);
    errors.setClientErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid();
      return;
    }
    setSubmitting(true);
    errors.setServerError(null);
    try {
      const body = await toUpdateBody(values);
      const result = await mutation.mutateAsync(body);
      const sent = result.obstacles.length;
      notifications.show({
        color: 'green',
        title: 'Đã cập nhật tiến độ',
        message: `Tiến độ ${result.percent}%${body.deliverables.length ? `, ${body.deliverables.length} sản phẩm` : ''}${result.evidence.length ? `, ${result.evidence.length} tệp minh chứng` : ''}${sent ? `; đã gửi ${sent} khó khăn, kiến nghị đến đơn vị đầu mối` : ''}.`,
      });
      await navigate(paths.assignment(d.assignment.id));
    } catch (e) {
      errors.setServerError(e);
      focusFirstInvalid();
    } finally {
      setSubmitting(false);
    }
  };
  return { submit, submitting, formRef };
}
