import { mountPage } from '../../components/app/page';
import { SettingsApp } from '../../components/app/SettingsApp';

mountPage(<SettingsApp />);
