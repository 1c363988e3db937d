import type { WebModule } from '../../app/module.ts';
import { HomePage } from './HomePage.tsx';

export const homeModule: WebModule = {
  name: 'home',
  namespaces: ['home'],
  routes: [{ path: '', page: () => <HomePage /> }],
  nav: [{ to: '/', labelKey: 'home.nav.home', match: [] }],
};
