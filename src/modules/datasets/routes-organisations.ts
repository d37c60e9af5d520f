// Organisation accounts: registration and the key's own routes on the public side (`Authorization: Bearer thk_…`,
// limited per address like every anonymous call), and the province administrators' list and decisions.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  OrganisationAccessRequestInputSchema,
  OrganisationDecisionSchema,
  OrganisationKeyRecoveryCodeSchema,
  OrganisationKeyRecoverySchema,
  OrganisationKeyRecoverySentSchema,
  OrganisationKeySchema,
  OrganisationListQuerySchema,
  OrganisationListSchema,
  OrganisationRegistrationSchema,
  OrganisationSchema,
  OrganisationSelfSchema,
} from '../../contracts/data-organisations.ts';
import type { AppDeps } from '../../http/app.ts';
import type { AppEnv } from '../../http/env.ts';
import { anonymousLimit } from '../../http/middleware.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import * as recovery from './use-cases/organisation-key-recovery.ts';
import * as uc from './use-cases/organisations.ts';

const tags = ['Tài khoản tổ chức khai thác dữ liệu'];

export function mountOrganisationRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mountOrganisationKeyRoutes(app);
  mountKeyRecoveryRoutes(app, deps);
  mountOrganisationAdminRoutes(app, deps);
}

/** Registration, and what an organisation does with its key. */
function mountOrganisationKeyRoutes(app: OpenAPIHono<AppEnv>): void {
  // Registering is rare; guessing keys must be slow.
  app.use('/public/organisations', anonymousLimit({ bucket: 'organisation-register', perMinute: 5 }));
  app.use('/public/organisations/*', anonymousLimit({ bucket: 'organisation-key', perMinute: 30 }));
  app.use('/public/datasets/:id/access-requests', anonymousLimit({ bucket: 'organisation-key', perMinute: 30 }));
  const orgOf = (c: { req: { header(name: string): string | undefined }; get(k: 'ctx'): AppEnv['Variables']['ctx'] }) =>
    uc.organisationFromKey(c.get('ctx'), c.req.header('authorization'));

  defineRoute(
    app,
    {
      method: 'post',
      path: '/public/organisations',
      operationId: 'registerDataOrganisation',
      status: 201,
      summary:
        'Tổ chức đăng ký tài khoản khai thác dữ liệu (khóa truy cập chỉ hiện một lần; tỉnh xác minh trước khi dùng)',
      tags,
      body: OrganisationRegistrationSchema,
      response: OrganisationKeySchema,
    },
    (c, { body }) => uc.registerOrganisation(c.get('ctx'), body),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/organisations/me',
      operationId: 'getOwnDataOrganisation',
      summary: 'Tài khoản tổ chức theo khóa truy cập: trạng thái và các đề nghị truy cập',
      tags,
      response: OrganisationSelfSchema,
    },
    async (c) => uc.organisationSelf(c.get('ctx'), await orgOf(c)),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/public/organisations/me/key',
      operationId: 'replaceDataOrganisationKey',
      summary: 'Đổi khóa truy cập (khóa cũ hết hiệu lực ngay)',
      tags,
      response: OrganisationKeySchema,
    },
    async (c) => uc.replaceOrganisationKey(c.get('ctx'), await orgOf(c)),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/public/datasets/{id}/access-requests',
      operationId: 'requestDatasetAccessAsOrganisation',
      status: 201,
      summary: 'Tổ chức đề nghị truy cập dữ liệu mở có điều kiện hoặc dữ liệu thương mại (bằng khóa truy cập)',
      tags,
      params: IdParam,
      body: OrganisationAccessRequestInputSchema,
      response: z.object({ id: z.number() }),
    },
    async (c, { params, body }) => uc.requestAccessAsOrganisation(c.get('ctx'), await orgOf(c), params.id, body),
  );
}

/** A lost key: a code to the contact's e-mail, then a new key for the code. */
function mountKeyRecoveryRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  // Each request may send an e-mail: as rare as registering.
  app.use('/public/organisations/key-recovery', anonymousLimit({ bucket: 'organisation-recovery', perMinute: 5 }));
  defineRoute(
    app,
    {
      method: 'post',
      path: '/public/organisations/key-recovery',
      operationId: 'requestDataOrganisationKeyRecovery',
      summary:
        'Tổ chức mất khóa truy cập: gửi mã khôi phục tới thư điện tử liên hệ của tài khoản (câu trả lời như nhau dù có khớp hay không)',
      tags,
      body: OrganisationKeyRecoverySchema,
      response: OrganisationKeyRecoverySentSchema,
    },
    (c, { body }) => recovery.requestKeyRecovery(c.get('ctx'), body, deps.config),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/public/organisations/key-recovery/confirm',
      operationId: 'confirmDataOrganisationKeyRecovery',
      summary: 'Nhận khóa truy cập mới bằng mã khôi phục (dùng một lần; khóa cũ hết hiệu lực ngay)',
      tags,
      body: OrganisationKeyRecoveryCodeSchema,
      response: OrganisationKeySchema,
    },
    (c, { body }) => recovery.confirmKeyRecovery(c.get('ctx'), body),
  );
}

/** The province's unit administrators: the accounts and their decisions. */
function mountOrganisationAdminRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/data-organisations',
      operationId: 'listDataOrganisations',
      summary: 'Tài khoản tổ chức khai thác dữ liệu (quản trị đơn vị của tỉnh)',
      tags,
      query: OrganisationListQuerySchema,
      response: OrganisationListSchema,
    },
    (c, { query }) => uc.listOrganisations(c.get('ctx'), query),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/data-organisations/{id}/decision',
      operationId: 'decideDataOrganisation',
      summary: 'Chấp thuận, từ chối, tạm dừng hoặc cho hoạt động lại tài khoản tổ chức',
      tags,
      params: IdParam,
      body: OrganisationDecisionSchema,
      response: OrganisationSchema,
    },
    (c, { params, body }) => uc.decideOrganisation(c.get('ctx'), params.id, body, deps.config),
  );
}
