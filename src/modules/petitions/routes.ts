// HTTP of petitions: the public intake, follow-up and published answers under /public, the handlers' queue and
// acts under /petitions. Schemas come from src/contracts/petitions.ts.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import type { AppDeps } from '../../http/app.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { ShortText } from '../../contracts/common.ts';
import {
  ApproveBody,
  ClassifyBody,
  FiguresQuery,
  BulkAnswerBody,
  LinkRecordsBody,
  LinkTaskBody,
  CloseBody,
  DraftAnswerBody,
  ExtendBody,
  MergeBody,
  PetitionDetailSchema,
  PetitionFiguresSchema,
  PetitionIntakeSchema,
  PetitionListQuery,
  PetitionListSchema,
  PetitionReceiptSchema,
  PublicPetitionListQuery,
  PublicPetitionListSchema,
  PublicPetitionSchema,
  PublishBody,
  RequestInformationBody,
  ResumeBody,
  RouteBody,
  type PetitionDetail,
  type PetitionList,
  type PetitionReceipt,
  type PublicPetition,
  type PublicPetitionList,
} from '../../contracts/petitions.ts';
import { IntakeThrottled, submitPetition } from './use-cases/submit.ts';
import { followPetition, listPublishedAnswers } from './use-cases/public.ts';
import { getPetitionDetail, listPetitionsFor } from './use-cases/read.ts';
import {
  classifyPetition,
  linkPetitionRecords,
  linkPetitionTask,
  mergePetition,
  requestInformation,
  resumePetition,
  routePetition,
} from './use-cases/handle.ts';
import {
  approveAnswer,
  closePetition,
  draftAnswer,
  draftAnswers,
  extendDeadline,
  setPublished,
} from './use-cases/answer.ts';
import { petitionAnswerDocx, petitionFiguresJson, petitionFiguresXlsx } from './use-cases/documents.ts';
import { contentDisposition } from '../../domain/tracking/evidence.ts';

const tags = ['Kiến nghị'];
const CodeParam = z.object({
  code: ShortText(40, 1).openapi({ param: { name: 'code', in: 'path' }, example: 'KN-2026-000123' }),
});
const ActResult = z.object({ id: z.number(), status: z.string() }).passthrough();

function mountPublicPetitionRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  defineRoute(
    api,
    {
      method: 'post',
      path: '/public/petitions',
      operationId: 'submitPetition',
      status: 201,
      tags,
      summary:
        'Gửi kiến nghị, đề xuất, phản ánh về Luật Trí tuệ nhân tạo (không cần tài khoản); trả về mã tra cứu và hạn trả lời',
      body: PetitionIntakeSchema,
      response: PetitionReceiptSchema,
    },
    (c, { body }) =>
      submitPetition(c.get('ctx'), body, deps.config.petitions).catch((e: unknown) => {
        if (e instanceof IntakeThrottled) c.header('Retry-After', String(e.retryAfter));
        throw e;
      }) satisfies Promise<PetitionReceipt>,
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/public/petitions/{code}',
      operationId: 'followPetition',
      tags,
      summary:
        'Tra cứu kiến nghị bằng mã: trạng thái, hạn, đơn vị xử lý, trả lời đã công khai (không có thông tin người gửi)',
      params: CodeParam,
      response: PublicPetitionSchema,
    },
    (c, { params }) => followPetition(c.get('ctx'), params.code) satisfies Promise<PublicPetition>,
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/public/petitions',
      operationId: 'listPublishedPetitions',
      tags,
      summary: 'Các trả lời kiến nghị đã công khai, theo chủ đề; tìm không cần dấu',
      query: PublicPetitionListQuery,
      response: PublicPetitionListSchema,
    },
    (c, { query }) => listPublishedAnswers(c.get('ctx'), query) satisfies Promise<PublicPetitionList>,
  );
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = (c: Context<AppEnv>, f: { content: Buffer; filename: string }, type: string) =>
  c.body(new Uint8Array(f.content), 200, {
    'content-type': type,
    'content-disposition': contentDisposition(f.filename),
    'cache-control': 'private, no-store',
  });

function mountPetitionDocumentRoutes(api: OpenAPIHono<AppEnv>): void {
  // Before /petitions/{id}: the first route that matches answers.
  defineRoute(
    api,
    {
      method: 'get',
      path: '/petitions/figures.xlsx',
      operationId: 'exportPetitionFigures',
      tags,
      produces: XLSX,
      summary: 'Số liệu kiến nghị trong năm của một đơn vị và các đơn vị trực thuộc (XLSX, chỉ số liệu tổng hợp)',
      query: FiguresQuery,
    },
    async (c, { query }) => file(c, await petitionFiguresXlsx(c.get('ctx'), query.unitId, query.year), XLSX),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/petitions/figures',
      operationId: 'getPetitionFigures',
      tags,
      summary:
        'Số liệu kiến nghị trong năm: tiếp nhận, trả lời đúng hạn, trễ hạn, đang xử lý, quá hạn; theo đơn vị và chủ đề',
      query: FiguresQuery,
      response: PetitionFiguresSchema,
    },
    (c, { query }) => petitionFiguresJson(c.get('ctx'), query.unitId, query.year),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/petitions/{id}/answer.docx',
      operationId: 'downloadPetitionAnswer',
      tags,
      produces: DOCX,
      params: IdParam,
      summary: 'Công văn trả lời kiến nghị (DOCX, Nghị định 30/2020), chỉ đơn vị tiếp nhận và xử lý',
    },
    async (c, { params }) => file(c, await petitionAnswerDocx(c.get('ctx'), params.id), DOCX),
  );
}

function mountPetitionQueueRoutes(api: OpenAPIHono<AppEnv>): void {
  defineRoute(
    api,
    {
      method: 'get',
      path: '/petitions',
      operationId: 'listPetitions',
      tags,
      summary: 'Kiến nghị của đơn vị tiếp nhận và đơn vị xử lý: trạng thái, hạn, mức quá hạn',
      query: PetitionListQuery,
      response: PetitionListSchema,
    },
    (c, { query }) => listPetitionsFor(c.get('ctx'), query) satisfies Promise<PetitionList>,
  );

  defineRoute(
    api,
    {
      method: 'get',
      path: '/petitions/{id}',
      operationId: 'getPetition',
      tags,
      summary: 'Một kiến nghị: nội dung, lịch sử xử lý; người gửi chỉ với người xử lý (mỗi lần xem được ghi nhật ký)',
      params: IdParam,
      response: PetitionDetailSchema,
    },
    (c, { params }) => getPetitionDetail(c.get('ctx'), params.id) satisfies Promise<PetitionDetail>,
  );
}

const act = (path: string, operationId: string, summary: string) => ({
  method: 'post' as const,
  path: `/petitions/{id}/${path}`,
  operationId,
  summary,
  tags,
  params: IdParam,
  response: ActResult,
});

function mountPetitionHandlingRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mountPetitionIntakeRoutes(api, deps);
  mountPetitionAnswerRoutes(api, deps);
}

function mountPetitionIntakeRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  defineRoute(
    api,
    { ...act('classify', 'classifyPetition', 'Phân loại kiến nghị'), body: ClassifyBody },
    (c, { params, body }) => classifyPetition(c.get('ctx'), params.id, body),
  );
  defineRoute(
    api,
    { ...act('route', 'routePetition', 'Chuyển kiến nghị cho đơn vị có thẩm quyền trong phạm vi'), body: RouteBody },
    (c, { params, body }) => routePetition(c.get('ctx'), params.id, body),
  );
  defineRoute(
    api,
    {
      ...act(
        'request-information',
        'requestPetitionInformation',
        'Đề nghị người gửi bổ sung thông tin (tạm dừng tính hạn)',
      ),
      body: RequestInformationBody,
    },
    (c, { params, body }) => requestInformation(c.get('ctx'), params.id, body.message, deps.config),
  );
  defineRoute(
    api,
    {
      ...act('resume', 'resumePetition', 'Tiếp tục xử lý khi đã nhận thông tin bổ sung (tính hạn lại)'),
      body: ResumeBody,
    },
    (c, { params, body }) => resumePetition(c.get('ctx'), params.id, body.note),
  );
  defineRoute(
    api,
    { ...act('merge', 'mergePetition', 'Gộp kiến nghị trùng nội dung vào kiến nghị khác'), body: MergeBody },
    (c, { params, body }) => mergePetition(c.get('ctx'), params.id, body.intoId),
  );
}

function mountPetitionAnswerRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  defineRoute(
    api,
    { ...act('answer', 'draftPetitionAnswer', 'Soạn dự thảo trả lời'), body: DraftAnswerBody },
    (c, { params, body }) => draftAnswer(c.get('ctx'), params.id, body.answer),
  );
  defineRoute(
    api,
    { ...act('approve', 'approvePetitionAnswer', 'Lãnh đạo duyệt, gửi (và công khai) trả lời'), body: ApproveBody },
    (c, { params, body }) => approveAnswer(c.get('ctx'), params.id, body, deps.config),
  );
  defineRoute(
    api,
    {
      ...act('close', 'closePetition', 'Kết thúc: chuyển cơ quan khác, không thuộc phạm vi, người gửi rút'),
      body: CloseBody,
    },
    (c, { params, body }) => closePetition(c.get('ctx'), params.id, body.outcome, body.reason, deps.config),
  );
  defineRoute(
    api,
    {
      ...act('extend', 'extendPetitionDeadline', 'Gia hạn trả lời một lần, có lý do (người gửi được biết)'),
      body: ExtendBody,
    },
    (c, { params, body }) => extendDeadline(c.get('ctx'), params.id, body.reason, deps.config),
  );
  defineRoute(
    api,
    { ...act('publish', 'publishPetitionAnswer', 'Công khai hoặc thôi công khai trả lời'), body: PublishBody },
    (c, { params, body }) => setPublished(c.get('ctx'), params.id, body.published),
  );
}

/** What a petition is linked to: the plan task that takes it up, the AI system or dataset it is about. */
function mountPetitionLinkRoutes(api: OpenAPIHono<AppEnv>): void {
  defineRoute(
    api,
    {
      method: 'post',
      path: '/petitions/answers',
      operationId: 'draftPetitionAnswers',
      summary:
        'Soạn một dự thảo trả lời chung cho nhiều kiến nghị tương tự (tất cả hoặc không; lãnh đạo duyệt từng kiến nghị)',
      tags,
      body: BulkAnswerBody,
      response: z.object({ ids: z.array(z.number()), status: z.literal('inProgress') }),
    },
    (c, { body }) => draftAnswers(c.get('ctx'), body.ids, body.answer),
  );
  defineRoute(
    api,
    {
      ...act('task', 'linkPetitionTask', 'Liên kết với nhiệm vụ của kế hoạch (đề xuất được tiếp thu)'),
      body: LinkTaskBody,
    },
    (c, { params, body }) => linkPetitionTask(c.get('ctx'), params.id, body.taskId),
  );
  defineRoute(
    api,
    {
      ...act('records', 'linkPetitionRecords', 'Kiến nghị về hệ thống AI hoặc bộ dữ liệu nào (null: bỏ liên kết)'),
      body: LinkRecordsBody,
    },
    (c, { params, body }) => linkPetitionRecords(c.get('ctx'), params.id, body),
  );
}

export function petitionRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mountPublicPetitionRoutes(api, deps);
  mountPetitionDocumentRoutes(api);
  mountPetitionQueueRoutes(api);
  mountPetitionHandlingRoutes(api, deps);
  mountPetitionLinkRoutes(api);
}
