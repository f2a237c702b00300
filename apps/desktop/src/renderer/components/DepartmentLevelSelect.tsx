// The level a department chart or list is grouped at (一级部门, 二级部门… or each department as it is),
// and the label of one group: its name, "（直属）" when it holds only its own members, the path on hover.
import { Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepartmentLevel } from '../../shared/models.ts';
import i18n from '../i18n/index.ts';

const LEVELS: ReadonlyArray<DepartmentLevel> = [1, 2, 3, 4, null];

export interface DepartmentGroup {
  name: string;
  path: string;
  direct: boolean;
}

/** A group's short label: "研发中心", "总公司（直属）", or "未知部门". */
export function departmentGroupLabel(group: DepartmentGroup): string {
  const name = group.name || i18n.t('common:departments.unknown');
  return group.direct ? i18n.t('common:departments.direct', { name }) : name;
}

/**
 * Short labels for a list of groups, told apart: two "支持组" become "审计部 / 支持组" and
 * "运维部 / 支持组" (as many path names as it takes), so a chart never shows the same label twice.
 */
export function departmentGroupLabels(groups: readonly DepartmentGroup[]): string[] {
  const labels = groups.map(departmentGroupLabel);
  const names = groups.map((g) => g.path.split(' / '));
  for (let depth = 2; depth <= 16; depth++) {
    const seen = new Map<string, number>();
    for (const label of labels) seen.set(label, (seen.get(label) ?? 0) + 1);
    const repeated = labels.map((label) => (seen.get(label) ?? 0) > 1);
    if (!repeated.includes(true)) break;
    labels.forEach((_, i) => {
      const path = names[i] ?? [];
      const group = groups[i];
      if (!repeated[i] || !group || path.length < depth) return;
      const tail = path.slice(-depth).join(' / ');
      labels[i] = group.direct ? i18n.t('common:departments.direct', { name: tail }) : tail;
    });
  }
  return labels;
}

/** The group's full path for a hover or an export ("总公司 / 研发中心 / 平台组"). */
export function departmentGroupPath(group: DepartmentGroup): string {
  const path = group.path || i18n.t('common:departments.unknown');
  return group.direct ? i18n.t('common:departments.direct', { name: path }) : path;
}

/** A department's name with its full path on hover. */
export function DepartmentName({ group, label, testid }: { group: DepartmentGroup; label?: string; testid?: string }) {
  return (
    <Tooltip title={departmentGroupPath(group)}>
      <span data-testid={testid} data-path={group.path}>
        {label ?? departmentGroupLabel(group)}
      </span>
    </Tooltip>
  );
}

export function DepartmentLevelSelect({
  value,
  onChange,
  testid,
}: {
  value: DepartmentLevel;
  onChange: (level: DepartmentLevel) => void;
  testid: string;
}) {
  const { t } = useTranslation('common');
  return (
    <Tooltip title={t('departments.levelHelp')} placement="topRight">
      <Select<string>
        size="small"
        value={value === null ? 'leaf' : String(value)}
        onChange={(v) => onChange(v === 'leaf' ? null : Number(v))}
        aria-label={t('departments.level')}
        prefix={t('departments.level')}
        popupMatchSelectWidth={false}
        data-testid={testid}
        options={LEVELS.map((level) => {
          const key = level === null ? 'leaf' : String(level);
          return { value: key, label: t(`departments.levels.${key}`) };
        })}
      />
    </Tooltip>
  );
}
