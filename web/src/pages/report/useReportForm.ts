// The report's text and indicator values as edited, and the acts on it; leaving with unsaved text asks first.
import { useEffect, useMemo } from 'react';
import { notifications } from '@mantine/notifications';
import { reportingApi, useReportingMutation } from '../../api/reporting.ts';
import type { Narrative, ReportDetail } from '../../api/types.ts';
import { useApiForm } from '../../components/form.ts';
import { NARRATIVE_SECTIONS, valuesOf, type Values } from './narrative.ts';

export type ReportForm = ReturnType<typeof useReportForm>;

export function useReportForm(d: ReportDetail) {
  const { report: r, indicators } = d;
  const initial = useMemo(() => valuesOf(d), [d]);
  const form = useApiForm<Values>(initial, (v) => {
    const bad = indicators.find(
      (def) => !def.fromDeliverables && v.indicators[def.code] !== '' && !(Number(v.indicators[def.code]) >= 0),
    );
    return bad ? { indicators: `“${bad.name}” phải là số không âm.` } : {};
  });
  const save = useReportingMutation((v: Values) =>
    reportingApi.update(r.id, {
      narrative: Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s.key, v[s.key]])) as Narrative,
      indicatorValues: Object.fromEntries(
        indicators.filter((def) => !def.fromDeliverables).map((def) => [def.code, Number(v.indicators[def.code] || 0)]),
      ),
    }),
  );
  const act = useReportingMutation((a: 'approve' | 'submit' | 'accept') => reportingApi.transition(r.id, a));
  const approve = useReportingMutation((v: { confirmEmpty: boolean; signerKey?: number }) =>
    reportingApi.approve(r.id, v.confirmEmpty, v.signerKey),
  );
  const prefill = useReportingMutation(() => reportingApi.prefill(r.id));
  const dirty =
    NARRATIVE_SECTIONS.some((s) => form.values[s.key] !== initial[s.key]) ||
    indicators.some(
      (def) => String(form.values.indicators[def.code] ?? '') !== String(initial.indicators[def.code] ?? ''),
    );

  // Leaving with unsaved text: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const submitSave = form.onSubmit(async (v) => {
    await save.mutateAsync(v);
    notifications.show({ color: 'green', message: 'Đã lưu báo cáo.' });
  });
  return { form, save, act, approve, prefill, dirty, submitSave };
}
