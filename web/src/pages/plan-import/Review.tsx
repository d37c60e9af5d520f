import { useState } from 'react';
import { Alert, Box, Grid, Stack, Tabs, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFileText, IconListDetails } from '@tabler/icons-react';
import type { Finding } from '../../api/types.ts';
import { scrollToElement } from '../../components/plans/FindingList.tsx';
import { taskAnchorId } from '../../components/plans/planFormat.ts';
import { SourceText, sourceLineId } from '../../components/plans/SourceText.tsx';
import type { Imported } from './PlanImportPage.tsx';
import { ReadStructure, TASK_PREFIX } from './ReadStructure.tsx';
import { SaveDraftForm } from './SaveDraftForm.tsx';

/** What was read beside the source (two columns on a desktop, tabs on a phone), under the form that saves it. */
export function Review({ imported, onRestart }: { imported: Imported; onRestart: () => void }) {
  const isPhone = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  const [tab, setTab] = useState<string | null>('cau-truc');
  const { draft, sourceText, filename } = imported;
  const findings = draft.findings;

  const showSource = (line: number) => {
    if (isPhone) setTab('van-ban');
    requestAnimationFrame(() => requestAnimationFrame(() => scrollToElement(sourceLineId(line))));
  };
  const showTask = (n: string) => {
    if (isPhone) setTab('cau-truc');
    requestAnimationFrame(() => requestAnimationFrame(() => scrollToElement(taskAnchorId(n, TASK_PREFIX))));
  };
  const locateLabel = (f: Finding) =>
    f.location.task && draft.tasks.some((t) => t.number === f.location.task)
      ? `Đến nhiệm vụ ${f.location.task}`
      : f.location.line && sourceText
        ? `Xem dòng ${f.location.line}`
        : null;
  const locate = (f: Finding) => {
    if (f.location.task && draft.tasks.some((t) => t.number === f.location.task)) showTask(f.location.task);
    else if (f.location.line) showSource(f.location.line);
  };

  const structure = (
    <ReadStructure
      draft={draft}
      layout={imported.layout}
      sourceText={sourceText}
      showSource={showSource}
      locate={locate}
      locateLabel={locateLabel}
    />
  );

  const source = sourceText ? (
    <SourceText text={sourceText} findings={findings} unplaced={draft.unplaced} label={`Văn bản gốc: ${filename}`} />
  ) : (
    <Alert color="gray" variant="light" icon={<IconFileText aria-hidden />}>
      Tệp .docx không hiển thị được dạng văn bản gốc ở đây; hãy mở tệp để đối chiếu.
    </Alert>
  );

  return (
    <Stack gap="md">
      <SaveDraftForm imported={imported} onRestart={onRestart} />

      {isPhone ? (
        <Tabs value={tab} onChange={setTab} keepMounted>
          <Tabs.List grow>
            <Tabs.Tab value="cau-truc" leftSection={<IconListDetails size={16} aria-hidden />}>
              Cấu trúc đã đọc
            </Tabs.Tab>
            <Tabs.Tab value="van-ban" leftSection={<IconFileText size={16} aria-hidden />}>
              Văn bản gốc
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="cau-truc" pt="sm">
            {structure}
          </Tabs.Panel>
          <Tabs.Panel value="van-ban" pt="sm">
            {source}
          </Tabs.Panel>
        </Tabs>
      ) : (
        <Grid gap="md">
          <Grid.Col span={7}>{structure}</Grid.Col>
          <Grid.Col span={5}>
            <Box pos="sticky" top={72} component="section" aria-labelledby="van-ban-goc">
              <Title order={2} size="h4" id="van-ban-goc" mb="xs">
                Văn bản gốc
              </Title>
              {source}
            </Box>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
