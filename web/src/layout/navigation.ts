// The navigation menu. To add a feature area (kế hoạch, theo dõi, báo cáo, phản ánh…): add its page under
// pages/, its route in App.tsx and an entry here; `visible` hides entries the server's `can` says the user cannot use.
import type { ComponentType } from 'react';
import {
  IconBell,
  IconBrain,
  IconBuildingCommunity,
  IconMailbox,
  IconChartBar,
  IconChecklist,
  IconDatabase,
  IconClipboardList,
  IconHistory,
  IconHome,
  IconMessageReport,
  IconReportAnalytics,
  IconUsers,
} from '@tabler/icons-react';
import type { SessionUser } from '../api/types.ts';
import { paths } from '../paths.ts';

export interface NavItem {
  label: string;
  to: string;
  icon: ComponentType<{ size?: number | string; stroke?: number; 'aria-hidden'?: boolean }>;
  /** Also active on deeper addresses (/don-vi/123 for /don-vi). */
  matchPrefix?: boolean;
  /** Other address prefixes on which the entry is active (/che-do-bao-cao for Báo cáo). */
  alsoActive?: string[];
  visible?: (user: SessionUser) => boolean;
}

export interface NavSection {
  /** Heading shown above the items (omit for the first section). */
  title?: string;
  items: NavItem[];
}

const followsWork = (u: SessionUser) => u.can.followWork;

export const NAV_SECTIONS: NavSection[] = [
  {
    items: [
      { label: 'Trang chủ', to: paths.home, icon: IconHome },
      { label: 'Kế hoạch', to: paths.plans, icon: IconClipboardList, matchPrefix: true },
      { label: 'Công việc', to: paths.assignments, icon: IconChecklist, matchPrefix: true, visible: followsWork },
      { label: 'Khó khăn, kiến nghị', to: paths.obstacles, icon: IconMessageReport, visible: followsWork },
      {
        label: 'Kiến nghị của người dân',
        to: paths.petitions,
        icon: IconMailbox,
        matchPrefix: true,
        visible: followsWork,
      },
      {
        label: 'Báo cáo',
        to: paths.reports,
        icon: IconReportAnalytics,
        matchPrefix: true,
        alsoActive: ['/che-do-bao-cao'],
        visible: followsWork,
      },
      { label: 'Bảng điều khiển', to: paths.dashboard, icon: IconChartBar, visible: followsWork },
      { label: 'Hệ thống AI', to: paths.aiSystems, icon: IconBrain, matchPrefix: true },
      { label: 'CSDL phục vụ AI', to: paths.datasets, icon: IconDatabase, matchPrefix: true },
      { label: 'Thông báo', to: paths.notifications, icon: IconBell },
      { label: 'Đơn vị', to: paths.units, icon: IconBuildingCommunity, matchPrefix: true },
    ],
  },
  {
    title: 'Quản trị',
    items: [
      { label: 'Quản lý tài khoản', to: paths.users, icon: IconUsers, visible: (u) => u.can.manageUsers },
      { label: 'Nhật ký', to: paths.audit, icon: IconHistory, visible: (u) => u.can.readAudit },
    ],
  },
];

export function visibleSections(user: SessionUser): NavSection[] {
  return NAV_SECTIONS.map((s) => ({ ...s, items: s.items.filter((i) => !i.visible || i.visible(user)) })).filter(
    (s) => s.items.length > 0,
  );
}
