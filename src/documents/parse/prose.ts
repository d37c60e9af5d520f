// Tasks written as prose, the usual style of national and ministry plans: "Sở Tư pháp chủ trì, phối hợp với Sở Nội
// vụ và các cơ quan liên quan tổ chức …; hoàn thành trong Quý II/2026." Reads the lead (before "chủ trì"), the
// coordinators ("phối hợp với …" up to the action), the timeframe ("hoàn thành …", "thời gian thực hiện: …") and the
// action itself. Pure.
import { foldSameLength } from '../../domain/org/resolve.ts';
import { normalizeText } from '../../domain/text.ts';

export interface ProseTask {
  lead: string | null;
  coordinators: string | null;
  timeframe: string | null;
  /** The action, from its verb ("tổ chức hội nghị …"), without lead, coordinators and timeframe. */
  action: string | null;
  /** What comes before the lead: the task's name in "Nghị định quy định chi tiết …: Bộ X chủ trì …". */
  before: string | null;
}

/** Verbs that begin the action after a coordinator list (folded). A list's own "tổ chức" follows a comma. */
const ACTION_START = [
  'to chuc',
  'ra soat',
  'bien soan',
  'xay dung',
  'kiem tra',
  'thi diem',
  'sap xep',
  'bo tri',
  'thu hut',
  'danh gia',
  'tong hop',
  'day manh',
  'huong dan',
  'quy hoach',
  'khao sat',
  'tham muu',
  'trien khai',
  'thuc hien',
  'theo doi',
  'cap nhat',
  'nghien cuu',
  'ban hanh',
  'trinh',
  'pho bien',
  'tuyen truyen',
  'don doc',
  'long ghep',
  'chi dao',
  'ung dung',
  'phat trien',
  'hoan thien',
  'chuan bi',
  'bao cao',
  'de xuat',
  'tap huan',
  'boi duong',
  'dao tao',
  'so ket',
  'tong ket',
  'quan triet',
  'lap',
  'xu ly',
  'tiep nhan',
  'hoan thanh',
  'bao dam',
  'dam bao',
  'van hanh',
  'nang cap',
  'ket noi',
  'chia se',
  'so hoa',
  'phat dong',
  'phat hanh',
  'thong tin',
  'truyen thong',
  'giam sat',
].map((v) => new RegExp(`(?<![,;]) (${v})(?=[ ,]|$)`, 'gu'));

/** "thời gian thực hiện: …", also "thời gian trình: …", "thời hạn ban hành: …". */
const TIME_LABEL = /[;,.]\s*(?:thời gian|thời hạn|tiến độ)(?:\s+\p{Ll}+){0,2}\s*:\s*(.+?)\.?\s*$/iu;
const TIME_DONE = /[;,]\s*hoàn thành\s+(?:trong\s+)?(.+?)\.?\s*$/iu;
const TIME_DONE_BARE = /\s+(?:và\s+)?hoàn thành\s+(trước\s+.+?|trong\s+.+?)\.?\s*$/iu;
const TIME_RECURRING =
  /[;,]\s*(?:thực hiện|triển khai)\s+(thường xuyên|hằng năm|hàng năm|định kỳ hằng năm|định kỳ hàng năm)\.?\s*$/iu;

const LEAD_HEAD =
  /(?<=^|\s)(?:Bộ|Sở|Các|Ủy ban|Uỷ ban|UBND|Văn phòng|Phòng|Công an|Ban|Cục|Vụ|Trung tâm|Thanh tra|Đài|Báo|Thông tấn|Viện|Chi cục|Hội|Liên đoàn|Đoàn|Tỉnh đoàn|Kho bạc|Bảo hiểm|Ngân hàng|Chủ tịch|Thủ trưởng|Giám đốc|Tổng cục)(?=\s)/u;

function upperFirst(s: string): string {
  return s ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s;
}

function takeTimeframe(text: string): { rest: string; timeframe: string | null } {
  for (const re of [TIME_LABEL, TIME_DONE, TIME_RECURRING, TIME_DONE_BARE]) {
    const m = re.exec(text);
    if (m)
      return {
        rest: text.slice(0, m.index).trim(),
        timeframe: upperFirst(normalizeText(m[1]!.replace(/^trong\s+/iu, ''))),
      };
  }
  return { rest: text, timeframe: null };
}

/** Where the action starts in "… phối hợp với A, B và các cơ quan, tổ chức liên quan tổ chức hội nghị …". */
function actionStart(text: string): number {
  const f = foldSameLength(text);
  let best = -1;
  for (const re of ACTION_START) {
    // A verb is written in lower case: "Sở Xây dựng" names an agency, "xây dựng" begins the action.
    for (const m of f.matchAll(re)) {
      if (!/^\p{Ll}/u.test(text.slice(m.index + 1))) continue;
      if (best < 0 || m.index < best) best = m.index;
      break;
    }
  }
  return best;
}

/** Reads a prose task; null when the text names no lead ("chủ trì") and no timeframe. */
export function readProse(input: string): ProseTask | null {
  const text = normalizeText(input).replace(/^[-+•–*]\s+|^[a-zđ]\)\s+/u, '');
  const { rest, timeframe } = takeTimeframe(text);
  const m = /(?:^|[.;:]\s+)([^.;:]*?)\s*(?<!\p{L})chủ trì(?!\p{L}),?\s*/iu.exec(rest);
  if (!m) return timeframe ? { lead: null, coordinators: null, timeframe, action: null, before: null } : null;
  const before = normalizeText(rest.slice(0, m.index).replace(/[.;:\s]+$/u, '')) || null;
  // The lead starts at the first word that names a body: "… tuyên truyền Luật Bộ Khoa học và Công nghệ chủ trì".
  const written = normalizeText(m[1] ?? '');
  const head = LEAD_HEAD.exec(written);
  const leadText = head ? written.slice(head.index).trim() : written;
  const lead = /^\p{Lu}/u.test(leadText) && leadText.split(' ').length <= 24 ? leadText : null;
  let after = rest.slice(m.index + m[0].length);
  let coordinators: string | null = null;
  const co = /^(?:và\s+)?phối hợp với\s+/iu.exec(after);
  if (co) {
    after = after.slice(co[0].length);
    const at = actionStart(after);
    if (at > 0) {
      coordinators = normalizeText(after.slice(0, at));
      after = after.slice(at + 1);
    } else {
      coordinators = normalizeText(after);
      after = '';
    }
  }
  const action = normalizeText(after).replace(/[.;]+$/u, '');
  return { lead, coordinators, timeframe, action: action || null, before };
}

/** An agency as the heading of the tasks under it: "1. Sở Tư pháp:", "2. Công an tỉnh", "3. UBND các xã, phường". */
export function isAgencyHeading(text: string): boolean {
  const t = normalizeText(text).replace(/[:.]$/u, '');
  if (t.split(' ').length > 14 || /(?<!\p{L})(chủ trì|phối hợp)(?!\p{L})/iu.test(t)) return false;
  // Words that start like a body but open an action or a thing: "Ban hành …", "Hội nghị …", "Bộ tiêu chí …".
  if (
    /^(Ban hành|Bộ (tiêu chí|câu hỏi|tài liệu|chỉ số|công cụ)|Hội (nghị|thảo|thi|diễn)|Đoàn (kiểm tra|công tác|giám sát)|Trường hợp)(?!\p{L})/u.test(
      t,
    )
  )
    return false;
  if (
    !/^(Sở|Bộ|Công an|Văn phòng|Phòng|Ban|UBND|Ủy ban|Uỷ ban|Thanh tra|Báo|Đài|Trung tâm|Cục|Vụ|Viện|Các sở|Các bộ|Các cơ quan|Các phòng|Hội|Liên đoàn|Tỉnh đoàn|Đoàn|Bảo hiểm|Kho bạc|Chi cục|Bưu điện|Trường)(?=\s|$)/u.test(
      t,
    )
  )
    return false;
  return actionStart(` ${t.replace(/^\S+\s+/u, '')}`) < 0;
}
