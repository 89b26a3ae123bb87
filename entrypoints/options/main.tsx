import { mountPage } from '../../lib/app/page';
import { SettingsApp } from '../../lib/app/SettingsApp';

mountPage(<SettingsApp />);
