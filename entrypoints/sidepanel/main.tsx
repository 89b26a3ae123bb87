import { startSidePanel } from '../../components/app/sidepanel';

startSidePanel();
