import { startSidePanel } from '../../lib/app/sidepanel';

startSidePanel();
