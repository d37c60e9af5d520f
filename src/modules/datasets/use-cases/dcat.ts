// The catalogue in DCAT (W3C Data Catalog Vocabulary, the classes and properties of DCAT-AP 3) as JSON-LD, and as
// CSV, streamed page by page. Controlled vocabularies are the EU Publications Office's authority tables, which DCAT-AP
// names (access rights, frequency, file type), so a harvester maps them without a local table.
import type { PublicDataset } from '../../../contracts/datasets.ts';
import { ACCESS_CLASS_LABEL, UPDATE_FREQUENCY_LABEL } from '../../../domain/datasets/model.ts';
import type { Ctx } from '../../context.ts';
import { allPublished } from './public.ts';

const EU = 'http://publications.europa.eu/resource/authority';
const ACCESS_RIGHTS = { open: 'PUBLIC', conditional: 'RESTRICTED', commercial: 'RESTRICTED' } as const;
const FREQUENCY: Record<string, string> = {
  continuous: 'CONT',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  yearly: 'ANNUAL',
  irregular: 'IRREG',
  never: 'NEVER',
};
const FILE_TYPE = { csv: 'CSV', xlsx: 'XLSX', json: 'JSON' } as const;
const MEDIA_TYPE = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  adms: 'http://www.w3.org/ns/adms#',
};

const vi = (value: string) => ({ '@value': value, '@language': 'vi' });
const dateTime = (value: string) => ({ '@value': value, '@type': 'xsd:dateTime' });
const date = (value: string) => ({ '@value': value, '@type': 'xsd:date' });

export function datasetNode(p: PublicDataset, base: string): Record<string, unknown> {
  const landing = `${base}/cong-khai/du-lieu/${p.id}`;
  const node: Record<string, unknown> = {
    '@id': `${base}/api/public/datasets/${p.id}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': p.uuid,
    'dct:title': vi(p.title),
    'dct:description': vi(p.description || p.title),
    'dcat:keyword': p.keywords.map(vi),
    'dcat:theme': { '@id': `${base}/api/datasets/sectors#${p.sector}`, 'skos:prefLabel': vi(p.sectorName) },
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': vi(p.publisher.name) },
    'dct:accessRights': {
      '@id': `${EU}/access-right/${ACCESS_RIGHTS[p.accessClass]}`,
      'skos:prefLabel': vi(ACCESS_CLASS_LABEL[p.accessClass]),
    },
    'dct:accrualPeriodicity': {
      '@id': `${EU}/frequency/${FREQUENCY[p.updateFrequency] ?? 'UNKNOWN'}`,
      'skos:prefLabel': vi(UPDATE_FREQUENCY_LABEL[p.updateFrequency]),
    },
    'dct:issued': dateTime(p.publishedAt),
    'dct:modified': dateTime(p.modifiedAt),
    'owl:versionInfo': String(p.version),
    'dcat:landingPage': { '@id': landing },
    'dct:language': { '@id': `${EU}/language/VIE` },
    'dcat:contactPoint': {
      '@type': 'vcard:Kind',
      'vcard:fn': p.contact.name || p.publisher.name,
      ...(p.contact.email ? { 'vcard:hasEmail': { '@id': `mailto:${p.contact.email}` } } : {}),
      ...(p.contact.phone ? { 'vcard:hasTelephone': p.contact.phone } : {}),
    },
    'dct:spatial': p.spatial.map((s) => ({ '@type': 'dct:Location', 'skos:prefLabel': vi(s.name) })),
    'dcat:distribution': p.resources.map((r) => ({
      '@id': `${base}/api/public/datasets/${p.id}#resource-${r.id}`,
      '@type': 'dcat:Distribution',
      'dct:title': vi(r.title),
      'dcat:accessURL': { '@id': landing },
      ...(r.openDownload ? { 'dcat:downloadURL': { '@id': `${base}${r.downloadUrl}` } } : {}),
      'dct:format': { '@id': `${EU}/file-type/${FILE_TYPE[r.format]}` },
      'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${MEDIA_TYPE[r.format]}` },
      'dcat:byteSize': { '@value': String(r.size), '@type': 'xsd:nonNegativeInteger' },
      'dct:modified': dateTime(r.updatedAt),
      ...(p.licence ? { 'dct:rights': { '@type': 'dct:RightsStatement', 'rdfs:label': vi(p.licence) } } : {}),
    })),
  };
  if (p.temporalStart || p.temporalEnd)
    node['dct:temporal'] = {
      '@type': 'dct:PeriodOfTime',
      ...(p.temporalStart ? { 'dcat:startDate': date(p.temporalStart) } : {}),
      ...(p.temporalEnd ? { 'dcat:endDate': date(p.temporalEnd) } : {}),
    };
  if (p.licence) node['dct:license'] = { '@type': 'dct:LicenseDocument', 'rdfs:label': vi(p.licence) };
  if (p.standards) node['dct:conformsTo'] = { '@type': 'dct:Standard', 'rdfs:label': vi(p.standards) };
  if (p.purposeLimits) node['adms:usageNote'] = vi(p.purposeLimits);
  if (p.legalBasis) node['dct:source'] = vi(p.legalBasis);
  return node;
}

/** The JSON-LD document, in pieces: the catalogue's head, then the datasets a page at a time, then its end. */
export async function* catalogJsonLd(
  ctx: Pick<Ctx, 'db'>,
  o: { base: string; title: string; publisher: string },
): AsyncGenerator<string> {
  const head = {
    '@context': { ...CONTEXT, rdfs: 'http://www.w3.org/2000/01/rdf-schema#' },
    '@id': `${o.base}/api/public/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': vi(o.title),
    'dct:description': vi(
      'Danh mục dữ liệu mở, dữ liệu mở có điều kiện và dữ liệu thương mại phục vụ trí tuệ nhân tạo (Luật Trí tuệ nhân tạo, Điều 17; Nghị định 142/2026/NĐ-CP, Điều 35).',
    ),
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': vi(o.publisher) },
    'dct:language': { '@id': `${EU}/language/VIE` },
    'foaf:homepage': { '@id': `${o.base}/cong-khai/du-lieu` },
    'dct:modified': dateTime(new Date().toISOString()),
  };
  const text = JSON.stringify(head);
  yield `${text.slice(0, -1)},"dcat:dataset":[`;
  let first = true;
  for await (const page of allPublished(ctx)) {
    const parts = page.map((p) => JSON.stringify(datasetNode(p, o.base)));
    yield (first ? '' : ',') + parts.join(',');
    first = false;
  }
  yield ']}';
}

const CSV_COLUMNS: Array<[string, (p: PublicDataset, base: string) => string]> = [
  ['ma_dinh_danh', (p) => p.uuid],
  ['ten_bo_du_lieu', (p) => p.title],
  ['mo_ta', (p) => p.description],
  ['linh_vuc', (p) => p.sectorName],
  ['tu_khoa', (p) => p.keywords.join('; ')],
  ['loai_du_lieu', (p) => ACCESS_CLASS_LABEL[p.accessClass]],
  ['don_vi_chu_quan', (p) => p.publisher.name],
  ['dieu_kien_su_dung', (p) => p.licence],
  ['gioi_han_muc_dich', (p) => p.purposeLimits],
  ['tan_suat_cap_nhat', (p) => UPDATE_FREQUENCY_LABEL[p.updateFrequency]],
  ['tu_ngay', (p) => p.temporalStart ?? ''],
  ['den_ngay', (p) => p.temporalEnd ?? ''],
  ['pham_vi', (p) => p.spatial.map((s) => s.name).join('; ')],
  ['tieu_chuan', (p) => p.standards],
  ['dau_moi', (p) => [p.contact.name, p.contact.email, p.contact.phone].filter(Boolean).join(', ')],
  ['so_tep', (p) => String(p.resources.length)],
  ['ngay_cong_bo', (p) => p.publishedAt.slice(0, 10)],
  ['phien_ban', (p) => String(p.version)],
  ['trang', (p, base) => `${base}/cong-khai/du-lieu/${p.id}`],
];

/** A cell as RFC 4180 wants it; a leading = + - @ is quoted with an apostrophe so no spreadsheet runs it. */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function* catalogCsv(ctx: Pick<Ctx, 'db'>, base: string): AsyncGenerator<string> {
  yield `\ufeff${CSV_COLUMNS.map(([h]) => h).join(',')}\r\n`;
  for await (const page of allPublished(ctx)) {
    yield page.map((p) => `${CSV_COLUMNS.map(([, f]) => cell(f(p, base))).join(',')}\r\n`).join('');
  }
}
