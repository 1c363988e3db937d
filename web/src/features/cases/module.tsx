import type { WebModule } from '../../app/module.ts';
import { CaseForm } from './CaseForm.tsx';
import { CasePage } from './CasePage.tsx';
import { CasesPage } from './CasesPage.tsx';
import './cases.css';

export const casesModule: WebModule = {
  name: 'cases',
  namespaces: ['cases'],
  routes: [
    { path: 'cases', permission: 'case.read', page: ({ route }) => <CasesPage route={route} /> },
    { path: 'cases/new', permission: 'case.write', page: () => <CaseForm /> },
    { path: 'cases/:id', permission: 'case.read', page: ({ params }) => <CasePage id={params.id} /> },
  ],
  nav: [{ to: '/cases', labelKey: 'cases.nav.cases', permission: 'case.read' }],
};
