/**
 * The registry lifecycle of a platform: applied → approved → accepted → listed → delisted.
 * Only the next status is legal; a delisted platform comes back only through a new
 * acceptance (验收), i.e. delisted → accepted → listed, never straight to listed.
 */
import type { RegistryStatus } from '../kinds/network.js';
import type { Problem } from '../problem.js';

/** Where each status may go next. */
export const nextStatuses: Readonly<Record<RegistryStatus, readonly RegistryStatus[]>> = {
  applied: ['approved', 'delisted'],
  approved: ['accepted', 'delisted'],
  accepted: ['listed', 'delisted'],
  listed: ['delisted'],
  delisted: ['accepted'],
};

export const registryStatusLabels: Readonly<Record<RegistryStatus, string>> = {
  applied: '已申请',
  approved: '已纳入建设计划',
  accepted: '验收合格',
  listed: '挂牌运行',
  delisted: '已摘牌',
};

export function isRegistryStatus(value: unknown): value is RegistryStatus {
  return typeof value === 'string' && Object.hasOwn(nextStatuses, value);
}

/** Problems of moving a platform from `from` to `to`: none when it is a legal next status. */
export function checkStatusChange(from: RegistryStatus, to: string): Problem[] {
  if (!isRegistryStatus(to)) {
    return [{ code: 'platform.status-unknown', path: '/to', message: `未知的平台状态“${to}”；可选：${Object.keys(nextStatuses).join('、')}。` }];
  }
  const allowed = nextStatuses[from];
  if (allowed.includes(to)) return [];
  const next = allowed.map((s) => `${s}（${registryStatusLabels[s]}）`).join('、');
  const why = from === 'delisted' && to === 'listed' ? '已摘牌的平台须重新验收合格（accepted）后才能再次挂牌。' : '';
  return [{
    code: 'platform.status-transition',
    path: '/to',
    message: `平台当前状态为 ${from}（${registryStatusLabels[from]}），不能改为 ${to}（${registryStatusLabels[to]}）。${why}下一步可为：${next}。`,
  }];
}
