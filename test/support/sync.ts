// Catalogue entries as a province delivers them to the national node (src/contracts/sync.ts), for the sync tests.
import { randomBytes, randomUUID } from 'node:crypto';
import type { NationalAiSystemEntry, NationalDatasetEntry } from '../../src/contracts/sync.ts';

export const newToken = () => randomBytes(24).toString('base64url');

export function datasetEntry(over: Partial<NationalDatasetEntry> = {}): NationalDatasetEntry {
  return {
    uuid: randomUUID(),
    version: 1,
    province: { code: '38', name: 'Thanh Hóa' },
    publisher: { code: '38.SKHCN', name: 'Sở Khoa học và Công nghệ' },
    title: 'Danh mục cơ sở lưu trú du lịch',
    description: 'Các cơ sở lưu trú du lịch đã được xếp hạng trên địa bàn tỉnh.',
    sector: { code: 'tourism', name: 'Du lịch' },
    keywords: ['lưu trú', 'du lịch'],
    accessClass: 'open',
    licence: 'CC BY 4.0',
    purposeLimits: '',
    updateFrequency: 'yearly',
    temporal: { start: '2025-01-01', end: null },
    spatial: [{ code: '16516', name: 'Phường Nam Sầm Sơn' }],
    standards: 'DCAT-AP 3',
    legalBasis: 'Nghị định 142/2026/NĐ-CP',
    contact: { name: 'Phòng Quản lý công nghệ', email: 'qlcn@skhcn.thanhhoa.gov.vn', phone: '0237 3852 000' },
    accessMethods: ['download'],
    labelling: 'none',
    landingPage: 'https://thihanh.thanhhoa.gov.vn/cong-khai/du-lieu/1',
    distributions: [],
    issued: '2026-03-01T02:00:00.000Z',
    modified: new Date().toISOString(),
    ...over,
  };
}

export function aiSystemEntry(over: Partial<NationalAiSystemEntry> = {}): NationalAiSystemEntry {
  return {
    uuid: randomUUID(),
    version: 1,
    province: { code: '38', name: 'Thanh Hóa' },
    deployer: { code: '16516', name: 'UBND phường Nam Sầm Sơn' },
    productName: 'Trợ lý ảo trả lời thủ tục hành chính',
    provider: 'Công ty Phần mềm Ví Dụ',
    purpose: 'Trả lời câu hỏi của người dân về thủ tục hành chính',
    riskLevel: 'medium',
    status: 'inUse',
    aiSystemId: null,
    publicSummary: 'Chatbot trên cổng dịch vụ công của phường.',
    landingPage: null,
    modified: new Date().toISOString(),
    ...over,
  };
}
