import { mountPage } from '../../components/app/page';
import { SettingsApp } from '../../components/app/SettingsApp';

// The bundled packs, for the large-pack import's own index build (lib/large-pack-index.ts): a
// separate chunk, loaded only when a large pack is imported.
const bundledPacks = () => import('virtual:ordinance-packs').then((m) => m.packs);

mountPage(<SettingsApp bundledPacks={bundledPacks} />);
