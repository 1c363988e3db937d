/**
 * The desk's modules, in navigation order. The page switch, the navigation and the message
 * namespaces come from this list; adding a module is its folder and one line here.
 */
import { checkModules, type WebModule } from './app/module.ts';
import { adminModule } from './features/admin/module.tsx';
import { auditModule } from './features/audit/module.tsx';
import { casesModule } from './features/cases/module.tsx';
import { factsModule } from './features/facts/module.tsx';
import { federationModule } from './features/federation/module.tsx';
import { gangsModule } from './features/gangs/module.tsx';
import { homeModule } from './features/home/module.tsx';
import { messagesModule } from './features/messages/module.tsx';
import { networkModule } from './features/network/module.tsx';
import { noticesModule } from './features/notices/module.tsx';
import { publicModule } from './features/public/module.tsx';
import { recordsModule } from './features/records/module.tsx';
import { reportModule } from './features/report/module.tsx';
import { screeningModule } from './features/screening/module.tsx';

export const WEB_MODULES: readonly WebModule[] = [
  homeModule,
  screeningModule,
  recordsModule,
  noticesModule,
  messagesModule,
  casesModule,
  gangsModule,
  factsModule,
  networkModule,
  reportModule,
  auditModule,
  adminModule,
  federationModule,
  publicModule,
];

checkModules(WEB_MODULES);
