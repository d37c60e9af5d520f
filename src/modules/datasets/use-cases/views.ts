// Rows to answers: a dataset as its owners and followers see it, as the public sees it, and as it is delivered to
// the national database. Internal notes never leave the first.
import type { DatasetDetail, PublicDataset } from '../../../contracts/datasets.ts';
import type { NationalDatasetEntry } from '../../../contracts/sync.ts';
import {
  type AccessClass,
  findingKey,
  type PersonalFinding,
  personalKindLabel,
  publishBlockers,
  type ResourceFindings,
  unresolvedFindings,
} from '../../../domain/datasets/model.ts';
import type { Target } from '../../../domain/permissions.ts';
import { sectorName } from '../sectors.ts';
import type { DatasetRow } from '../store/datasets.ts';
import type { DecisionRow, ResourceRow } from '../store/resources.ts';

/**
 * A dataset as the permission rule sees it: its unit's subtree (and the focal unit) read it; once published any
 * signed-in user reads its entry (not its internal notes, nor its files beyond what the access class allows);
 * the people of the owning unit hold its files' personal data.
 */
export const datasetTarget = (d: Pick<DatasetRow, 'unit_path' | 'unit_id' | 'status'>): Target => ({
  unitPath: d.unit_path,
  holders: [d.unit_id],
  published: d.status === 'published',
});

/** The same without the publication: what only the owning side may do or see (old file versions, the notes). */
export const ownerTarget = (d: Pick<DatasetRow, 'unit_path' | 'unit_id'>): Target => ({
  unitPath: d.unit_path,
  holders: [d.unit_id],
});

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);
/** A date column as yyyy-mm-dd (PGlite answers strings, PostgreSQL dates). */
export const dayOf = (d: string | Date | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : iso(d).slice(0, 10);

interface Quality {
  rows: number;
  columns: number;
  score: number;
  personalData: PersonalFinding[];
}
export const qualityOf = (r: Pick<ResourceRow, 'quality'>) => r.quality as unknown as Quality;

/** A resource's findings with the decisions taken on its current version. */
export function findingsOf(r: ResourceRow, decisions: readonly DecisionRow[]): ResourceFindings {
  const mine = decisions.filter((d) => d.version_id === r.version_id);
  return {
    resourceId: r.id,
    title: r.title,
    findings: qualityOf(r).personalData ?? [],
    dismissed: new Set(mine.map((d) => findingKey(d.column_name, d.kind))),
  };
}

export function blockersOf(
  accessClass: AccessClass,
  resources: readonly ResourceRow[],
  decisions: readonly DecisionRow[],
) {
  return publishBlockers(
    accessClass,
    resources.map((r) => findingsOf(r, decisions)),
  );
}

/** Whether a resource's current version still holds personal data nobody has cleared (held back from open data). */
export const hasUnresolved = (r: ResourceRow, decisions: readonly DecisionRow[]) =>
  unresolvedFindings(findingsOf(r, decisions)).length > 0;

export function resourceView(
  r: ResourceRow,
  decisions: readonly DecisionRow[],
  versions: ReadonlyArray<{
    resource_id: number;
    version: number;
    filename: string;
    size: number;
    quality_score: number;
    derived_from: number | null;
    created_at: Date;
  }>,
): DatasetDetail['resources'][number] {
  const mine = decisions.filter((d) => d.version_id === r.version_id);
  const quality = qualityOf(r);
  const personalData = (quality.personalData ?? []).map((f) => {
    const d = mine.find((x) => x.column_name === f.column && x.kind === f.kind);
    return {
      column: f.column,
      kind: f.kind,
      kindLabel: personalKindLabel(f.kind),
      count: f.count,
      dismissed: d ? { reason: d.reason, by: d.full_name, at: iso(d.decided_at) } : null,
    };
  });
  return {
    id: r.id,
    title: r.title,
    version: r.version,
    filename: r.filename,
    format: r.format,
    size: r.size,
    createdAt: iso(r.version_created_at),
    quality: r.quality as never,
    personalData,
    unresolved: personalData.filter((f) => !f.dismissed).length,
    tableSchema: r.table_schema ?? null,
    deidentification: r.deidentification ?? null,
    versions: versions
      .filter((v) => v.resource_id === r.id)
      .map((v) => ({
        version: v.version,
        filename: v.filename,
        size: v.size,
        qualityScore: v.quality_score,
        derived: v.derived_from !== null,
        createdAt: iso(v.created_at),
      })),
  };
}

export function summaryOf(d: DatasetRow) {
  return {
    id: d.id,
    uuid: d.uuid,
    title: d.title,
    sector: d.sector,
    sectorName: sectorName(d.sector),
    accessClass: d.access_class,
    status: d.status,
    unit: { id: d.unit_id, name: d.unit_name, code: d.unit_code },
    version: d.version,
    resources: Number(d.resource_count ?? 0),
    qualityScore: d.quality_score === null ? null : Number(d.quality_score),
    publishedAt: isoOrNull(d.published_at),
    updatedAt: iso(d.updated_at),
  };
}

/** The entry's own fields as saved in its version history (what changed between two versions). */
export function snapshotOf(d: DatasetRow): Record<string, unknown> {
  return {
    title: d.title,
    description: d.description,
    sector: d.sector,
    keywords: d.keywords,
    accessClass: d.access_class,
    licence: d.licence,
    purposeLimits: d.purpose_limits,
    updateFrequency: d.update_frequency,
    temporalStart: dayOf(d.temporal_start),
    temporalEnd: dayOf(d.temporal_end),
    spatialUnitIds: d.spatial_unit_ids,
    standards: d.standards,
    legalBasis: d.legal_basis,
    contactName: d.contact_name,
    contactEmail: d.contact_email,
    contactPhone: d.contact_phone,
    accessMethods: d.access_methods,
    labelling: d.labelling,
    labellingNote: d.labelling_note,
    status: d.status,
  };
}

export interface Place {
  id: number;
  name: string;
  code: string | null;
}

export const publicDownloadPath = (datasetId: number, resourceId: number) =>
  `/api/public/datasets/${datasetId}/resources/${resourceId}/download`;
export const publicPagePath = (datasetId: number) => `/cong-khai/du-lieu/${datasetId}`;

/**
 * What the public sees. Resources of open data whose current file still holds personal data nobody has cleared are
 * left out (an owner may upload a new file to a published dataset: it stays internal until it is clean).
 */
export function publicView(
  d: DatasetRow,
  resources: readonly ResourceRow[],
  decisions: readonly DecisionRow[],
  places: readonly Place[],
): PublicDataset {
  const open = d.access_class === 'open';
  return {
    id: d.id,
    uuid: d.uuid,
    title: d.title,
    description: d.description,
    sector: d.sector,
    sectorName: sectorName(d.sector),
    keywords: d.keywords,
    accessClass: d.access_class,
    licence: d.licence,
    purposeLimits: d.purpose_limits,
    updateFrequency: d.update_frequency as PublicDataset['updateFrequency'],
    temporalStart: dayOf(d.temporal_start),
    temporalEnd: dayOf(d.temporal_end),
    spatial: places.map((p) => ({ id: p.id, name: p.name })),
    standards: d.standards,
    legalBasis: d.legal_basis,
    contact: { name: d.contact_name, email: d.contact_email, phone: d.contact_phone },
    accessMethods: d.access_methods as PublicDataset['accessMethods'],
    labelling: d.labelling,
    publisher: { id: d.unit_id, name: d.unit_name },
    version: d.version,
    publishedAt: iso(d.published_at ?? d.updated_at),
    modifiedAt: iso(d.updated_at),
    resources: resources
      .filter((r) => r.dataset_id === d.id && !(open && hasUnresolved(r, decisions)))
      .map((r) => {
        const q = qualityOf(r);
        return {
          id: r.id,
          title: r.title,
          format: r.format,
          size: r.size,
          rows: q.rows ?? 0,
          columns: q.columns ?? 0,
          qualityScore: r.quality_score,
          version: r.version,
          updatedAt: iso(r.version_created_at),
          openDownload: open,
          downloadUrl: publicDownloadPath(d.id, r.id),
        };
      }),
  };
}

/** The mapped subset delivered to the national database (src/contracts/sync.ts), with absolute links. */
export function nationalEntryOf(
  p: PublicDataset,
  o: {
    baseUrl: string;
    province: { code: string; name: string };
    publisherCode: string | null;
    places: readonly Place[];
  },
): NationalDatasetEntry {
  return {
    uuid: p.uuid,
    version: p.version,
    province: o.province,
    publisher: { code: o.publisherCode, name: p.publisher.name },
    title: p.title,
    description: p.description,
    sector: { code: p.sector, name: p.sectorName },
    keywords: p.keywords,
    accessClass: p.accessClass,
    licence: p.licence,
    purposeLimits: p.purposeLimits,
    updateFrequency: p.updateFrequency,
    temporal: { start: p.temporalStart, end: p.temporalEnd },
    spatial: o.places.map((x) => ({ code: x.code, name: x.name })),
    standards: p.standards,
    legalBasis: p.legalBasis,
    contact: p.contact,
    accessMethods: p.accessMethods,
    labelling: p.labelling,
    landingPage: `${o.baseUrl}${publicPagePath(p.id)}`,
    distributions: p.resources.map((r) => ({
      id: r.id,
      title: r.title,
      format: r.format,
      byteSize: r.size,
      rows: r.rows,
      qualityScore: r.qualityScore,
      accessURL: `${o.baseUrl}${publicPagePath(p.id)}`,
      downloadURL: r.openDownload ? `${o.baseUrl}${r.downloadUrl}` : null,
    })),
    issued: p.publishedAt,
    modified: p.modifiedAt,
  };
}
