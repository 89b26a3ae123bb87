import { mountPage } from '../../lib/app/page';
import { SearchApp, prefetchLookup } from '../../lib/app/SearchApp';

const q = new URLSearchParams(location.search).get('q') ?? '';
prefetchLookup(q, 'popup');
mountPage(<SearchApp surface="popup" initialQuery={q} />, { width: 420 });
