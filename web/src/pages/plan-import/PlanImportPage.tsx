// Nhập kế hoạch từ tệp: choose a .docx/.txt/.md/.html file, check what was read against the source (two columns on
// a desktop, tabs on a phone) — uncertain unit names, warnings, lines that found no place — then save it as a draft
// of the issuing unit (suggested from the document), optionally under the plan it implements.
import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor } from '@mantine/core';
import type { PlanImportResult } from '../../api/types.ts';
import { PageHeader } from '../../components/PageTitle.tsx';
import { paths } from '../../paths.ts';
import { ChooseFile } from './ChooseFile.tsx';
import { Review } from './Review.tsx';

export interface Imported extends PlanImportResult {
  filename: string;
}

export function PlanImportPage() {
  const [imported, setImported] = useState<Imported | null>(null);
  return (
    <>
      <PageHeader
        title="Nhập kế hoạch từ tệp"
        description="Hệ thống đọc văn bản thành các mục, nhiệm vụ, đơn vị chủ trì, phối hợp, thời gian, sản phẩm và rà soát “06 rõ”. Chưa lưu gì cho đến khi bạn bấm “Lưu dự thảo”."
        above={
          <Anchor component={Link} to={paths.plans} size="sm">
            ‹ Kế hoạch
          </Anchor>
        }
      />
      {imported ? (
        <Review imported={imported} onRestart={() => setImported(null)} />
      ) : (
        <ChooseFile onImported={setImported} />
      )}
    </>
  );
}
