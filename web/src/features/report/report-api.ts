/** The report's own reads beyond `api/cases-client.ts`: which years have data (GET /reports/annual). */
import type { ReportYears } from '../../../../src/cases/report.ts';
import { request } from '../../api/client.ts';

export type { ReportYears };

export const reportApi = {
  /** The years with at least one fact, newest first; `latest` is where the report opens. */
  years: () => request<ReportYears>('GET', '/reports/annual'),
};
