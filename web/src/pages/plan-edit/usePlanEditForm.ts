// The edit form's state: values, messages by field (the browser's, then the server's until the field is edited),
// task rows moved, added, removed; saving; and asking before leaving with unsaved changes.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useBlocker } from 'react-router';
import { notifications } from '@mantine/notifications';
import { plansApi, usePlanMutation } from '../../api/plans.ts';
import type { PlanDetail, PlanDraft } from '../../api/types.ts';
import { scrollToElement } from '../../components/plans/FindingList.tsx';
import { newKey, serverErrors, toDraft, toForm, validate, type EditForm, type Errors, type TaskForm } from './model.ts';

export type PlanEditForm = ReturnType<typeof usePlanEditForm>;

export function usePlanEditForm(detail: PlanDetail) {
  const { plan } = detail;
  const [base] = useState(detail.draft);
  const [form, setForm] = useState<EditForm>(() => toForm(detail.draft));
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const save = usePlanMutation((draft: PlanDraft) => plansApi.update(plan.id, draft));

  const { byField: sErrors, shown: shownServerPaths } = useMemo(() => serverErrors(serverError), [serverError]);
  const err = (path: string) => clientErrors[path] ?? (edited.has(path) ? undefined : sErrors[path]);

  const touch = (path: string) => {
    setDirty(true);
    setClientErrors((e) => (e[path] ? { ...e, [path]: '' } : e));
    setEdited((s) => (s.has(path) ? s : new Set(s).add(path)));
  };
  const set = <K extends Exclude<keyof EditForm, 'tasks'>>(key: K, value: EditForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    touch(key);
  };
  const setTask = <K extends keyof TaskForm>(i: number, key: K, value: TaskForm[K]) => {
    setForm((f) => ({ ...f, tasks: f.tasks.map((t, j) => (j === i ? { ...t, [key]: value } : t)) }));
    touch(`tasks.${i}.${key}`);
  };
  const moveTask = (i: number, by: -1 | 1) => {
    setForm((f) => {
      const tasks = [...f.tasks];
      const [t] = tasks.splice(i, 1);
      tasks.splice(i + by, 0, t!);
      return { ...f, tasks };
    });
    setDirty(true);
  };
  const removeTask = (i: number) => {
    setForm((f) => ({ ...f, tasks: f.tasks.filter((_, j) => j !== i) }));
    setDirty(true);
  };
  const addTask = () => {
    const last = form.tasks[form.tasks.length - 1]?.number ?? '0';
    const next = /^\d+$/.test(last)
      ? String(Number(last) + 1)
      : /^(.*\.)(\d+)$/.test(last)
        ? last.replace(/(\d+)$/, (d) => String(Number(d) + 1))
        : '';
    const key = newKey();
    setForm((f) => ({
      ...f,
      tasks: [
        ...f.tasks,
        {
          key,
          number: next,
          title: '',
          content: '',
          lead: [],
          coordinators: [],
          timeframe: '',
          deliverables: '',
          original: null,
        },
      ],
    }));
    setDirty(true);
    requestAnimationFrame(() => document.getElementById(`${key}-ten`)?.focus());
  };

  // After React has shown the messages (two frames), focus the first field in error.
  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input');
        el?.focus({ preventScroll: true });
        el?.scrollIntoView({ block: 'center' });
      }),
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const found = validate(form);
    setClientErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstInvalid();
      return;
    }
    setServerError(null);
    try {
      await save.mutateAsync(toDraft(base, form));
      setEdited(new Set());
      setDirty(false);
      setSavedAt(new Date());
      notifications.show({ color: 'green', message: 'Đã lưu dự thảo. Xem kết quả rà soát ở đầu trang.' });
      requestAnimationFrame(() => scrollToElement('ket-qua-luu'));
    } catch (x) {
      setServerError(x);
      setEdited(new Set());
      focusFirstInvalid();
    }
  };

  const blocker = useLeaveBlocker(dirty);
  return {
    base,
    form,
    err,
    set,
    setTask,
    moveTask,
    removeTask,
    addTask,
    submit,
    formRef,
    save,
    savedAt,
    dirty,
    serverError,
    shownServerPaths,
    blocker,
  };
}

/** Leaving with unsaved changes asks first (in the app and when closing the tab). */
function useLeaveBlocker(dirty: boolean) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const h = (ev: BeforeUnloadEvent) => {
      ev.preventDefault();
    };
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty]);
  return blocker;
}
