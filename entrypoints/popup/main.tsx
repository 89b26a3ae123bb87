import { mountPage } from '../../lib/app/page';
import { SearchApp } from '../../lib/app/SearchApp';

const q = new URLSearchParams(location.search).get('q') ?? '';
mountPage(<SearchApp surface="popup" initialQuery={q} />, { width: 420 });
