import type { TFunction } from 'i18next';
import { Link, pathFor } from '../../app/router.tsx';
import type { Column } from '../../ui/Table.tsx';
import { RegionName } from '../cases/RegionSelect.tsx';

/** The columns every facts list shares: the region by name (text that names no region as typed), and a link to the case when there is one. */
export const regionColumn = <T extends { region: string }>(t: TFunction): Column<T> => ({
  key: 'region',
  header: t('facts.columns.region'),
  render: (row) => <RegionName value={row.region} />,
});

export const caseColumn = <T extends { caseId: string | null }>(t: TFunction): Column<T> => ({
  key: 'case',
  header: t('facts.columns.case'),
  narrow: true,
  render: (row) => (row.caseId ? <Link to={pathFor(['cases', row.caseId])}>{t('facts.case.open')}</Link> : t('ui.none')),
});
