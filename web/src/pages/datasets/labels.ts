// Badge tones and small words of the dataset pages (the labels themselves are the domain's, src/domain/datasets).
import type { SyncState } from '../../api/datasets.ts';
import type { Tone } from '../../components/StatusBadge.tsx';

export const STATUS_TONE: Record<string, Tone> = { draft: 'gray', published: 'green', retracted: 'red' };
export const CLASS_TONE: Record<string, Tone> = { open: 'green', conditional: 'orange', commercial: 'blue' };
export const REQUEST_TONE: Record<string, Tone> = {
  pending: 'orange',
  approved: 'green',
  refused: 'red',
  withdrawn: 'gray',
};

/** Column types as the quality report infers them. */
const TYPE_LABEL: Record<string, string> = {
  string: 'Văn bản',
  text: 'Văn bản',
  integer: 'Số nguyên',
  number: 'Số',
  decimal: 'Số',
  date: 'Ngày',
  datetime: 'Ngày giờ',
  boolean: 'Đúng/sai',
  year: 'Năm',
  empty: 'Trống',
};
export const typeLabel = (t: string) => TYPE_LABEL[t] ?? t;

/** Quality score tone: 80 and above good, 50–79 to improve, below 50 poor. */
export const scoreTone = (score: number): Tone => (score >= 80 ? 'green' : score >= 50 ? 'orange' : 'red');

/** "Đồng bộ CSDL quốc gia: Đã tiếp nhận" with its tone. */
export function syncBadge(sync: SyncState | null): { tone: Tone; text: string } | null {
  if (!sync) return null;
  const prefix = 'Đồng bộ CSDL quốc gia: ';
  switch (sync.status) {
    case 'accepted':
      return { tone: 'green', text: `${prefix}${sync.op === 'delete' ? 'Đã gỡ khỏi danh mục' : 'Đã tiếp nhận'}` };
    case 'rejected':
      return { tone: 'red', text: `${prefix}Bị từ chối${sync.lastError ? `: ${sync.lastError}` : ''}` };
    case 'sent':
      return { tone: 'blue', text: `${prefix}Đã gửi, chờ phản hồi` };
    case 'superseded':
      return { tone: 'gray', text: `${prefix}Đã thay bằng lần gửi mới hơn` };
    default:
      return {
        tone: 'orange',
        text: `${prefix}Đang chờ gửi${sync.attempts > 0 && sync.lastError ? ` (lần trước lỗi: ${sync.lastError})` : ''}`,
      };
  }
}
