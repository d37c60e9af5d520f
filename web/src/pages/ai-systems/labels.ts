// Badge tones of the register's states (the labels themselves come from the server).
import type { Tone } from '../../components/StatusBadge.tsx';

export const LEVEL_TONE: Record<string, Tone> = { high: 'red', medium: 'orange', low: 'green' };
export const STATE_TONE: Record<string, Tone> = {
  unclassified: 'gray',
  notRequired: 'green',
  due: 'orange',
  approved: 'green',
  overdue: 'red',
};
export const AUTOMATION_OPTIONS = [
  { value: 'assistive', label: 'Hỗ trợ: con người quyết định' },
  { value: 'partial', label: 'Bán tự động: con người duyệt trước khi có hiệu lực' },
  { value: 'full', label: 'Tự động: không qua con người duyệt' },
];
